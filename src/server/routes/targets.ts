/** The term's resolution targets (chỉ tiêu nghị quyết), entered once, with the "8/8 met, 5 exceeded" summary. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { ok } from '../../rules/index.ts';
import type { ResolutionTargetsTable } from '../../store/schema.ts';
import type { Selectable } from 'kysely';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';
import { transact } from '../tx.ts';

export const targetSummary = (rows: readonly Pick<Selectable<ResolutionTargetsTable>, 'assessment'>[]) => {
  const exceeded = rows.filter((r) => r.assessment === 'exceeded').length;
  const met = rows.filter((r) => r.assessment === 'met').length;
  const notMet = rows.length - exceeded - met;
  const text_vi = `${exceeded + met}/${rows.length} chỉ tiêu đạt và vượt, trong đó ${exceeded} chỉ tiêu vượt`;
  return { total: rows.length, metOrExceeded: exceeded + met, exceeded, notMet, text_vi };
};

const view = (rows: readonly Selectable<ResolutionTargetsTable>[]) => ({
  targets: rows.map((r) => ({ id: r.id, position: r.position, name: r.name, target: r.target, result: r.result, assessment: r.assessment })),
  summary: targetSummary(rows),
});

export const targetRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.getTargets, async (ctx) =>
    ok(json(view(await deps.db.selectFrom('resolution_targets').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute()))));

  serve(app, deps, API.saveTargets, async (ctx) =>
    transact(deps, async (trx) => {
      await trx.deleteFrom('resolution_targets').where('congress_id', '=', ctx.congress.id).execute();
      if (ctx.body.targets.length > 0) {
        await trx.insertInto('resolution_targets').values(ctx.body.targets.map((t, i) => ({ congress_id: ctx.congress.id, position: i + 1, ...t }))).execute();
      }
      const rows = await trx.selectFrom('resolution_targets').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'targets.set', subject: `congress:${ctx.congress.id}`, payload: { targets: ctx.body.targets } });
      return ok(json(view(rows)));
    }, [{ congressId: ctx.congress.id, kind: 'targets', id: null }]));
};
