import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ok } from '../../rules/index.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';

/**
 * GET /api/health: 200 once the database answers (migrations are applied before the server listens). Anyone gets
 * `{ status: 'ok' }` only; the version and the database are told to a signed-in server administrator alone (they
 * tell an attacker which weaknesses to try).
 */
export const healthRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.health, async (ctx) => {
    await sql`select 1`.execute(deps.db);
    const admin = ctx.principal?.kind === 'user' && ctx.principal.isServerAdmin;
    return ok(json(admin ? { status: 'ok', database: deps.dialect, version: deps.version } : { status: 'ok' }));
  });
};
