import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ok } from '../../rules/index.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';

/** GET /api/health: 200 once the database answers (migrations are applied before the server listens). */
export const healthRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.health, async () => {
    await sql`select 1`.execute(deps.db);
    return ok(json({ status: 'ok', database: deps.dialect, version: deps.version }));
  });
};
