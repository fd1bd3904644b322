/** A terminal's label for the room ("Máy 3"): the terminal reads and sets its own; the staff read them all. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import { err, ok, ruleError } from '../../../rules/index.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';

export const terminalRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listTerminals, async (ctx) => {
    const rows = await deps.db.selectFrom('terminals').select(['terminal', 'label']).where('congress_id', '=', ctx.congress.id).orderBy('label').execute();
    return ok(json(rows));
  });

  serve(app, deps, API.getTerminal, async (ctx) => {
    const row = await deps.db.selectFrom('terminals').select('label').where('congress_id', '=', ctx.congress.id)
      .where('terminal', '=', ctx.params.terminal).executeTakeFirst();
    return ok(json({ terminal: ctx.params.terminal, label: row?.label ?? null }));
  });

  serve(app, deps, API.setTerminalLabel, async (ctx) => transact(deps, async (trx) => {
    const label = ctx.body.label;
    const taken = await trx.selectFrom('terminals').select('terminal').where('congress_id', '=', ctx.congress.id).where('label', '=', label)
      .where('terminal', '!=', ctx.params.terminal).executeTakeFirst();
    if (taken !== undefined) {
      return err(conflict(ruleError('terminal.label-taken', `Tên "${label}" đã đặt cho một máy khác (${taken.terminal}): chọn tên khác.`,
        `"${label}" already names another terminal (${taken.terminal}): choose another.`, 'body.label')));
    }
    const at = nowIso(deps);
    const existing = await trx.selectFrom('terminals').select('id').where('congress_id', '=', ctx.congress.id).where('terminal', '=', ctx.params.terminal).executeTakeFirst();
    if (existing === undefined) {
      await trx.insertInto('terminals').values({ congress_id: ctx.congress.id, terminal: ctx.params.terminal, label, updated_at: at }).execute();
    } else {
      await trx.updateTable('terminals').set({ label, updated_at: at }).where('id', '=', existing.id).execute();
    }
    await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'terminal.label', subject: `terminal:${ctx.params.terminal}`, payload: { label } });
    return ok(json({ terminal: ctx.params.terminal, label }));
  }));
};
