/** Batches of a round: the board creates one with its physical count; operators list them and read their own entry. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import { applyEvent, type CountingEvent } from '../../../counting/index.ts';
import { err, ok, ruleError } from '../../../rules/index.ts';
import { appendEvent, batchStateAt, findBatch, refusal, roundBatches } from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict, unprocessable, type Problem } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { readSettings } from '../../settings.ts';
import { nowIso, transact } from '../../tx.ts';
import {
  allBatches, appender, batchChange, batchNotFound, liveOf, load, loadCountingLocked, myViewOf, operatorName, operatorOf, terminalOf, viewOf, withRetry,
} from './shared.ts';

/** The batches' physical counts may not add up to more than the ballots collected. */
const overCollected = (total: number, collected: number | null): Problem | null =>
  collected === null || total <= collected ? null : unprocessable(ruleError('batch.over-collected',
    `Tổng số phiếu đếm tay của các tập (${total}) sẽ vượt số phiếu thu về (${collected}).`,
    `The batches' physical counts would add up to ${total}, more than the ${collected} ballots collected.`, 'body.physicalCount'));

export const batchRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listBatches, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    if (!all.ok) return all;
    return ok(json(all.value.states.map((s) => viewOf(l.value, s, operatorName(ctx)))));
  });

  // The board creates a batch with its physical count; the number of entries is the congress setting.
  serve(app, deps, API.createBatch, async (ctx) => {
    let roundId = 0;
    return withRetry(() => transact(deps, async (trx) => {
      const l = await loadCountingLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      roundId = round.id;
      const existing = await roundBatches(trx, round.id);
      const over = overCollected(existing.reduce((n, b) => n + b.physical_count, 0) + ctx.body.physicalCount, round.ballots_collected);
      if (over !== null) return err(over);
      const number = existing.reduce((n, b) => Math.max(n, b.number), 0) + 1;
      const entriesRequired = readSettings(ctx.congress).independentEntries;
      const terminal = terminalOf(ctx, undefined);
      if (!terminal.ok) return terminal;
      const op = operatorOf(ctx);
      if (!op.ok) return op;
      const spec = { id: String(number), label: ctx.body.label, physicalCount: ctx.body.physicalCount, entriesRequired };
      const event: CountingEvent = { type: 'batch-opened', batch: spec, batchId: spec.id, operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps) };
      const applied = applyEvent(l.value.counting.ctx, { batches: new Map() }, event);
      if (!applied.ok) return err(refusal(applied.error));
      const batch = await trx.insertInto('counting_batches').values({
        congress_id: ctx.congress.id, round_id: round.id, number, label: spec.label, physical_count: spec.physicalCount,
        entries_required: entriesRequired, created_at: event.at,
      }).returningAll().executeTakeFirstOrThrow();
      await appendEvent(trx, appender(ctx, round.id), batch, 1, event, null);
      return ok(json(viewOf(l.value, applied.value.batches.get(spec.id)!, op.value.name), 201));
      // A new batch is rare and every counting console lists it: told as a change of the election too.
    }, () => liveOf(ctx.congress.id, roundId, ctx.params.electionId, true)));
  });

  // The board counted the batch again by hand: the new count, with the reason, in the input log and on the batch.
  serve(app, deps, API.recountBatch, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(deps, ctx, async (l, batch, state, trx) => {
      const label = batch.label;
      const scan = await trx.selectFrom('scan_jobs').select('status').where('batch_id', '=', batch.id).where('status', '!=', 'failed').executeTakeFirst();
      if (scan !== undefined) {
        return err(conflict(ruleError('batch.recount-scanned', `Tập "${label}" đã được quét (hoặc đang đọc): huỷ lần quét đó trước khi sửa số phiếu đếm tay.`,
          `Batch "${label}" has been scanned (or is being read): discard that scan before correcting the count.`)));
      }
      const others = (await roundBatches(trx, batch.round_id)).filter((b) => b.id !== batch.id).reduce((n, b) => n + b.physical_count, 0);
      const over = overCollected(others + ctx.body.physicalCount, l.round.ballots_collected);
      if (over !== null) return err(over);
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      const event: CountingEvent = {
        type: 'batch-recounted', batchId: String(batch.number), operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps),
        from: state.spec.physicalCount, physicalCount: ctx.body.physicalCount, note: ctx.body.note,
      };
      await trx.updateTable('counting_batches').set({ physical_count: ctx.body.physicalCount }).where('id', '=', batch.id).execute();
      return ok({ events: [event], answer: (s) => json(viewOf(l, s, op.value.name)) });
    });
  });

  // The operator's own view of a batch: never another entry.
  serve(app, deps, API.myBatch, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const batch = await findBatch(deps.db, l.value.round.id, Number(ctx.params.batch));
    if (batch === undefined) return err(batchNotFound());
    const s = await batchStateAt(deps.db, deps.db, l.value.counting.ctx, batch);
    if (!s.ok) return s;
    return ok(json(myViewOf(l.value, s.value.state, operatorName(ctx))));
  });
};
