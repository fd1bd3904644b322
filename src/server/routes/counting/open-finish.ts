/**
 * The board opens counting (ballots issued and collected; voting → counting) and finishes it from the final
 * batches only (counting → counted, the result stored with the log's hash); the overview and the provisional result.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import { API } from '../../../api/contract.ts';
import type { CountingOverview } from '../../../api/counting.ts';
import { roundResult } from '../../../counting/index.ts';
import { canOpenCounting } from '../../../elections/index.ts';
import { err, ok, ruleError } from '../../../rules/index.ts';
import type { Congress, Database } from '../../../store/schema.ts';
import { audit } from '../../audit.ts';
import { eventHash, roundBatches, roundEventRows } from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { roundFacts } from '../../election-data.ts';
import { conflict, fromRefusal, unprocessable } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { writeRoundStatus } from '../../round-store.ts';
import { readSettings } from '../../settings.ts';
import { nowIso, transact } from '../../tx.ts';
import { allBatches, liveOf, load, loadCountingLocked, loadLocked, operatorName, resultView, viewOf, type Loaded } from './shared.ts';

const overview = async (db: Transaction<Database> | ServerDeps['db'], congress: Congress, l: Loaded, operator: string): Promise<CountingOverview> => {
  const all = await allBatches(db, l);
  const states = all.ok ? all.value.states : [];
  return {
    roundId: l.round.id, status: l.round.status, form: l.counting.ctx.form, seats: l.round.seats,
    issued: l.round.ballots_issued, collected: l.round.ballots_collected,
    entriesRequired: readSettings(congress).independentEntries,
    rows: l.counting.rows.map((c, i) => ({ row: i + 1, candidateId: String(c.id), name: c.full_name })),
    batches: states.map((s) => viewOf(l, s, operator)),
    physicalTotal: states.reduce((n, s) => n + s.spec.physicalCount, 0),
  };
};

export const openFinishRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.openCounting, async (ctx) => {
    let roundId: number | null = null;
    return transact(deps, async (trx) => {
      const l = await loadLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      const { issued, collected } = ctx.body;
      const inBatches = (await roundBatches(trx, round.id)).reduce((n, b) => n + b.physical_count, 0);
      const can = canOpenCounting(await roundFacts(trx, ctx.congress, l.value.election, round), issued, collected, inBatches);
      if (!can.ok) return err(fromRefusal(can.error));
      roundId = round.id;
      const now = nowIso(deps);
      const withBallots = await trx.updateTable('election_rounds').set({ ballots_issued: issued, ballots_collected: collected, updated_at: now })
        .where('id', '=', round.id).returningAll().executeTakeFirstOrThrow();
      let current = withBallots;
      if (can.value === 'move') {
        const moved = await writeRoundStatus(trx, ctx, ctx.congress.id, withBallots, 'counting', {}, now);
        if (!moved.ok) return moved;
        current = moved.value;
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.counting-open', subject: `round:${round.id}`,
        payload: { issued, collected, entriesRequired: readSettings(ctx.congress).independentEntries, from: round.status } });
      return ok(json(await overview(trx, ctx.congress, { ...l.value, round: current }, operatorName(ctx))));
    }, () => liveOf(ctx.congress.id, roundId ?? 0, ctx.params.electionId, true));
  });

  serve(app, deps, API.countingOverview, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    return ok(json(await overview(deps.db, ctx.congress, l.value, operatorName(ctx))));
  });

  // Provisional result from the final batches only, with what is still missing.
  serve(app, deps, API.roundResult, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    if (!all.ok) return all;
    const r = roundResult(l.value.counting.ctx, { issued: l.value.round.ballots_issued ?? 0, collected: l.value.round.ballots_collected ?? 0, batches: all.value.states });
    if (!r.ok) return err(unprocessable(r.error));
    return ok(json(resultView(r.value, l.value.round.status)));
  });

  // The board finishes: complete (every batch final, batches = ballots collected) → result stored, round → counted.
  serve(app, deps, API.finishCounting, async (ctx) => {
    let roundId: number | null = null;
    return transact(deps, async (trx) => {
      const l = await loadCountingLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      roundId = round.id;
      const all = await allBatches(trx, l.value);
      if (!all.ok) return all;
      const r = roundResult(l.value.counting.ctx, { issued: round.ballots_issued ?? 0, collected: round.ballots_collected ?? 0, batches: all.value.states });
      if (!r.ok) return err(unprocessable(r.error));
      if (!r.value.complete) {
        const blocking = r.value.anomalies.filter((a) => a.code !== 'collected-over-issued');
        return err(conflict(ruleError('counting.incomplete', `Chưa kết thúc kiểm phiếu được: ${blocking.map((a) => a.message_vi).join(' ')}`,
          `Counting cannot finish yet: ${blocking.map((a) => a.message_en).join(' ')}`)));
      }
      const moved = await writeRoundStatus(trx, ctx, ctx.congress.id, round, 'counted', { result: JSON.stringify(r.value.count), counted_by: 'batches' }, nowIso(deps));
      if (!moved.ok) return moved;
      const rows = await roundEventRows(trx, round.id);
      const logHash = createHash('sha256').update(rows.map(eventHash).join('\n'), 'utf8').digest('hex');
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.counting-finish', subject: `round:${round.id}`,
        payload: { ballots: r.value.ballotsCounted, batches: r.value.countedBatches.length, events: rows.length, logSha256: logHash,
          anomalies: r.value.anomalies.map((a) => a.code) } });
      return ok(json(resultView(r.value, moved.value.status)));
    }, () => liveOf(ctx.congress.id, roundId ?? 0, ctx.params.electionId, true));
  });
};
