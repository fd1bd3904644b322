/** The board's reconciliation: each fully entered batch's disagreements side by side, its rulings, a discarded entry. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { ReconciliationView } from '../../../api/counting.ts';
import { batchStatus, parseEntry, type CountingEvent } from '../../../counting/index.ts';
import { err, ok, type Ballot } from '../../../rules/index.ts';
import { batchState, findBatch } from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { unprocessable } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { nowIso } from '../../tx.ts';
import { allBatches, batchChange, batchNotFound, load, operatorOf, reconciliationOf, terminalOf, viewOf } from './shared.ts';

export const reconcileRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.batchReconciliation, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const batch = await findBatch(deps.db, l.value.round.id, Number(ctx.params.batch));
    if (batch === undefined) return err(batchNotFound());
    const s = await batchState(deps.db, l.value.counting.ctx, batch);
    if (!s.ok) return s;
    const r = reconciliationOf(l.value, s.value.state);
    return r.ok ? ok(json(r.value)) : r;
  });

  // The queue: every fully entered batch, its disagreements and rulings.
  serve(app, deps, API.reconciliation, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    if (!all.ok) return all;
    const out: ReconciliationView[] = [];
    for (const s of all.value.states) {
      if (batchStatus(l.value.counting.ctx, s) === 'entering') continue;
      const r = reconciliationOf(l.value, s);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(json(out));
  });

  serve(app, deps, API.rule, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(deps, ctx, (l, batch) => {
      const c = l.counting.ctx;
      let ballot: Ballot;
      if ('text' in ctx.body) {
        const parsed = parseEntry(c, ctx.body.text);
        if (!parsed.ok) return err(unprocessable({ ...parsed.error, field: 'body.text' }));
        ballot = parsed.value;
      } else {
        ballot = ctx.body.ballot;
      }
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      const event: CountingEvent = {
        type: 'ruling', batchId: String(batch.number), operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps),
        position: ctx.body.position, ballot, reason: ctx.body.reason, note: ctx.body.note,
      };
      return ok({ events: [event], answer: (s) => reconciliationOf(l, s) });
    }).then((r) => (!r.ok ? r : r.value.ok ? ok(json(r.value.value, 201)) : r.value));
  });

  serve(app, deps, API.discardEntry, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(deps, ctx, (l, batch) => {
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      const event: CountingEvent = {
        type: 'entry-discarded', batchId: String(batch.number), operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps),
        discarded: ctx.body.operator, note: ctx.body.note,
      };
      return ok({ events: [event], answer: (s) => json(viewOf(l.counting.ctx, s, op.value.name)) });
    });
  });
};
