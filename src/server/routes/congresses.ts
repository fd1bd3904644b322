/** Congresses: create (server administrators), read, settings (every [open] setting of docs/rules.md). */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { defaultCongressSettings, err, ok, ruleError } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict } from '../problems.ts';
import { json, serve } from '../route.ts';
import { readSettings } from '../settings.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';
import { congressView } from '../views.ts';

export const congressRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listCongresses, async (ctx) => {
    const p = ctx.principal!;
    let q = deps.db.selectFrom('congresses').selectAll().orderBy('start_date', 'desc');
    if (p.kind === 'delegate') q = q.where('id', '=', p.congressId);
    else if (!p.isServerAdmin) q = q.where('id', 'in', deps.db.selectFrom('user_roles').select('congress_id').where('user_id', '=', p.userId));
    return ok(json((await q.execute()).map(congressView)));
  });

  serve(app, deps, API.createCongress, async (ctx) => {
    const b = ctx.body;
    try {
      return await transact(deps, async (trx) => {
        const row = await trx.insertInto('congresses').values({
          code: b.code, higher_organisation_name: b.higherOrganisationName, organisation_name: b.organisationName, kind: b.kind,
          ordinal: b.ordinal, term_start_year: b.termStartYear, term_end_year: b.termEndYear, start_date: b.startDate,
          end_date: b.endDate, venue: b.venue, place: b.place, settings: JSON.stringify(defaultCongressSettings),
          current_agenda_item_id: null, current_speaker_id: null, created_at: nowIso(deps),
        }).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('organisations').values({
          congress_id: row.id, name: b.organisationName, role: 'host', party_members: null, position: 0,
        }).execute();
        await audit(trx, { congressId: row.id, actor: ctx.actor, role: ctx.role, action: 'congress.create', subject: `congress:${row.id}`, payload: { ...b } });
        return ok(json(congressView(row), 201));
      });
    } catch (e) {
      if (isUniqueViolation(e)) return err(conflict(ruleError('congress.exists', `Mã đại hội "${b.code}" đã có.`, `The congress code "${b.code}" exists.`, 'body.code')));
      throw e;
    }
  });

  serve(app, deps, API.getCongress, (ctx) =>
    ok(json(congressView(ctx.congress))));

  serve(app, deps, API.updateSettings, async (ctx) =>
    transact(deps, async (trx) => {
      const current = readSettings(ctx.congress);
      const next = { ...current, ...ctx.body, count: { ...current.count, ...(ctx.body.count ?? {}) } };
      const row = await trx.updateTable('congresses').set({ settings: JSON.stringify(next) }).where('id', '=', ctx.congress.id)
        .returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'congress.settings', subject: `congress:${ctx.congress.id}`,
        payload: { before: current, after: next } });
      return ok(json(congressView(row)));
    }, [{ congressId: ctx.congress.id, kind: 'congress', id: null }]));
};
