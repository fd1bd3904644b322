/**
 * Self-service for a delegate signed in by their card: their own name, number, seat, organisation, status and
 * check-in per session. The delegate is taken from the session, never from the request, so no other
 * delegate's data can be asked for.
 */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../rules/index.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, notFound } from '../problems.ts';
import { json, serve } from '../route.ts';

export const meRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.myRecord, async (ctx) => {
    const p = ctx.principal;
    if (p === null || p.kind !== 'delegate' || p.congressId !== ctx.congress.id) return err(forbidden());
    const d = await deps.db.selectFrom('delegates')
      .leftJoin('organisations', 'organisations.id', 'delegates.organisation_id')
      .select(['delegates.id', 'delegates.code', 'delegates.full_name', 'delegates.seat', 'delegates.status', 'organisations.name as organisation_name'])
      .where('delegates.id', '=', p.delegateId).where('delegates.congress_id', '=', ctx.congress.id).executeTakeFirst();
    if (d === undefined) return err(notFound('đại biểu', 'Delegate'));
    const sessions = await deps.db.selectFrom('congress_sessions').select(['id', 'title', 'kind', 'position'])
      .where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
    const checkins = await deps.db.selectFrom('checkins').select(['session_id', 'at'])
      .where('congress_id', '=', ctx.congress.id).where('delegate_id', '=', d.id).execute();
    const at = new Map(checkins.map((c) => [c.session_id, c.at]));
    return ok(json({
      id: d.id, code: d.code, fullName: d.full_name, seat: d.seat, organisationName: d.organisation_name ?? null, status: d.status,
      sessions: sessions.map((s) => ({ sessionId: s.id, title: s.title, kind: s.kind, position: s.position, checkedInAt: at.get(s.id) ?? null })),
    }));
  });
};
