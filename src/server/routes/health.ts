import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ok } from '../../rules/index.ts';
import type { ServerDeps } from '../deps.ts';
import { json, route } from '../route.ts';

/**
 * GET /api/health: 200 once the database answers (migrations are applied before the server listens). Anyone gets
 * `{ ok: true }` only; the version and the database are told to a signed-in server administrator alone (they
 * tell an attacker which weaknesses to try).
 */
export const healthRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  route(app, deps, { method: 'GET', url: '/api/health' }, async (ctx) => {
    await sql`select 1`.execute(deps.db);
    const admin = ctx.principal?.kind === 'user' && ctx.principal.isServerAdmin;
    return ok(json(admin ? { ok: true, database: deps.dialect, version: deps.version } : { ok: true }));
  });
};
