/**
 * Counting paper ballots through the API (issue 4, RULES.md §10): the counting board opens counting for a round,
 * creates batches with their physical count; operators open their own entry of a batch from their terminal and
 * type the ballots (parsed by the counting core), undo the last one, close the entry; the board reconciles,
 * rules on every disagreement, and finishes the count from the final batches only (round → counted). Every
 * change is one counting event applied by the core, stored and audited in one transaction; the log is exported
 * and verified against the audit log. An operator never receives another entry of the same batch.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  BatchKey, CloseEntryBody, CreateBatchBody, DiscardEntryBody, EnterBallotBody, InputLogQuery, OpenCountingBody, OpenEntryBody,
  RulingBody, TERMINAL_HEADER, TerminalId, UndoBallotQuery, type BatchView, type DisagreementView, type InputLogVerification,
  type MyBatchView, type ReconciliationView, type RoundResultView,
} from '../../api/counting.ts';
import { CongressCode, Id } from '../../api/common.ts';
import {
  applyEvent, batchStatus, batchView, formatEntry, logLines, parseEntry, reconcileBatch, replayLog, roundResult,
  sameStoredCount,
  type BatchState, type CountingContext, type CountingEvent, type CountingState, type RoundResult,
} from '../../counting/index.ts';
import { STATE_LABELS } from '../../elections/state-machine.ts';
import { err, ok, ruleError, type Ballot, type Result } from '../../rules/index.ts';
import type { Congress, CountingBatch, Database, Election, ElectionRound } from '../../store/schema.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { audit } from '../audit.ts';
import {
  appendEvent, batchState, batchStateAt, EVENT_AUDIT_ACTION, eventHash, findBatch, lockRound, parseEventRow, refusal, replayRows, roundBatches,
  rememberBatch, roundCounting, roundEventRows, type Appender, type RoundCounting,
} from '../counting-data.ts';
import type { ServerDeps } from '../deps.ts';
import { findElection, findRound } from '../election-data.ts';
import type { BusEvent } from '../live/bus.ts';
import { conflict, forbidden, notFound, unprocessable, type Problem } from '../problems.ts';
import { canStartCounting } from '../round-guard.ts';
import { congressRoute, json, type Caller, type CongressCtx, type Output } from '../route.ts';
import { readSettings } from '../settings.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';
import { moveRound } from './rounds.ts';

const RoundParams = z.object({ code: CongressCode, electionId: Id, round: z.coerce.number().int().min(1).max(1000) });
const BatchParams = RoundParams.extend({ batch: BatchKey });

/** What the helpers below read of a request's context. */
type AnyCtx = Caller & { readonly req: FastifyRequest; readonly congress: Congress };

interface Loaded {
  readonly election: Election;
  readonly round: ElectionRound;
  readonly counting: RoundCounting;
}

const load = async (db: Transaction<Database> | ServerDeps['db'], congress: Congress, electionId: number, number: number): Promise<Result<Loaded, Problem>> => {
  const election = await findElection(db, congress.id, electionId);
  if (election === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
  const round = await findRound(db, election.id, number);
  if (round === undefined) return err(notFound(`vòng bầu ${number}`, `Round ${number}`, 'params.round'));
  const counting = await roundCounting(db, election, round);
  if (!counting.ok) return counting;
  return ok({ election, round, counting: counting.value });
};

/**
 * Loads the round and takes the round's counting lock. On PostgreSQL the round is read again under the lock (another
 * instance may have moved it meanwhile); SQLite has a single writer, so what `load` read is already current.
 */
const loadLocked = async (
  trx: Transaction<Database>, dialect: ServerDeps['dialect'], congress: Congress, electionId: number, number: number,
): Promise<Result<Loaded, Problem>> => {
  const l = await load(trx, congress, electionId, number);
  if (!l.ok) return l;
  await lockRound(trx, dialect, l.value.round.id);
  if (dialect === 'sqlite') return l;
  const round = await findRound(trx, l.value.election.id, l.value.round.number);
  return ok({ ...l.value, round: round ?? l.value.round });
};

const notCounting = (round: ElectionRound): Problem =>
  conflict(ruleError('counting.not-open', `Vòng bầu không ở bước kiểm phiếu (vòng bầu ${STATE_LABELS[round.status].vi}).`,
    `The round is not being counted (round ${STATE_LABELS[round.status].en}).`));

const batchNotFound = (): Problem => notFound('tập phiếu', 'Batch', 'params.batch');

/** The operator is a signed-in user; the engine knows them by user name. */
const operatorOf = (ctx: AnyCtx): Result<{ name: string; userId: number }, Problem> =>
  ctx.principal?.kind === 'user' ? ok({ name: ctx.principal.username, userId: ctx.principal.userId }) : err(forbidden());

/** The terminal: the header `x-daihoi-terminal`, else the body's `terminal`; null when neither is sent. */
const terminalOf = (ctx: AnyCtx, fromBody: string | undefined): Result<string | null, Problem> => {
  const header = ctx.req.headers[TERMINAL_HEADER];
  const raw = typeof header === 'string' ? header : fromBody;
  if (raw === undefined) return ok(null);
  const parsed = TerminalId.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(unprocessable(ruleError('counting.terminal', 'Tên máy nhập không hợp lệ (chữ, số, dấu chấm, gạch; tối đa 64 ký tự).',
    'Invalid terminal name (letters, digits, dot, dash; at most 64 characters).', 'terminal')));
};

const appender = (ctx: AnyCtx, roundId: number): Appender => ({
  congressId: ctx.congress.id, roundId, actor: ctx.actor, role: ctx.role,
  userId: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
});

const rowsShown = (rc: RoundCounting, ids: readonly string[]) =>
  ids.map((id) => {
    const i = rc.ctx.index.get(id) ?? -1;
    return { row: i + 1, candidateId: id, name: rc.rows[i]?.full_name ?? id };
  });

type RC = { readonly counting: RoundCounting };

const viewOf = (ctx: CountingContext, state: BatchState, operator: string): BatchView => {
  const v = batchView(ctx, state, operator);
  return { ...v, id: state.spec.id, entriesOpened: state.entries.length, entriesClosed: state.entries.filter((e) => e.closed).length };
};

const myViewOf = (ctx: CountingContext, state: BatchState, operator: string): MyBatchView => {
  const mine = state.entries.find((e) => e.operator === operator);
  return {
    ...viewOf(ctx, state, operator),
    myLines: (mine?.ballots ?? []).map((b, i) => ({ position: i + 1, text: formatEntry(ctx, b) })),
    terminal: mine?.terminal ?? null,
  };
};

const reconciliationOf = (l: RC, state: BatchState): Result<ReconciliationView, Problem> => {
  const ctx = l.counting.ctx;
  const r = reconcileBatch(ctx, state);
  if (!r.ok) return err(refusal(r.error));
  const disagreements: DisagreementView[] = r.value.disagreements.map((d) => ({
    position: d.position,
    entries: d.entries.map((e) => ({ operator: e.operator, terminal: e.terminal, text: e.text, ballot: e.ballot })),
    difference: { rows: [...d.difference.rows], rowsShown: rowsShown(l.counting, d.difference.rows), writeIn: d.difference.writeIn, flags: [...d.difference.flags] },
    ruling: d.ruling === null ? null : { reason: d.ruling.reason, note: d.ruling.note, by: d.ruling.by, text: formatEntry(ctx, d.ruling.ballot) },
  }));
  return ok({
    batchId: state.spec.id, label: state.spec.label, status: batchStatus(ctx, state), positions: r.value.positions, disagreements,
    totals: r.value.totals.map((t) => ({ ...t, invalidByReason: { ...t.invalidByReason }, votes: [...t.votes] })),
    totalsAgree: r.value.totalsAgree, unruled: r.value.unruled, final: r.value.final,
  });
};

/** Every batch of the round, replayed from the round's log (one query). */
const allBatches = async (db: Transaction<Database> | ServerDeps['db'], l: Loaded): Promise<Result<{ batches: CountingBatch[]; states: BatchState[]; events: CountingEvent[] }, Problem>> => {
  const batches = await roundBatches(db, l.round.id);
  const rows = await roundEventRows(db, l.round.id);
  const r = replayRows(l.counting.ctx, rows);
  if (!r.ok) return r;
  const states: BatchState[] = [];
  for (const b of batches) {
    const s = r.value.state.batches.get(String(b.number));
    if (s !== undefined) states.push(s);
  }
  return ok({ batches, states, events: [...r.value.events] });
};

const resultView = (r: RoundResult, roundStatus: string): RoundResultView => ({
  count: r.count, countedBatches: [...r.countedBatches], ballotsCounted: r.ballotsCounted, complete: r.complete,
  anomalies: r.anomalies.map((a) => ({ ...a })), next: { ...r.next }, roundStatus,
});

/** Retries a transaction that lost a race on the UNIQUE (batch, seq) index, so two operators of one batch both get in. */
const withRetry = async <T>(run: () => Promise<Result<T, Problem>>): Promise<Result<T, Problem>> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
};

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

export const countingRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const R = '/api/congresses/:code/elections/:electionId/rounds/:round';
  const B = `${R}/batches/:batch`;
  const live = (congressId: number, roundId: number, electionId: number, election = false): BusEvent[] => [
    { congressId, kind: 'counting', id: roundId },
    ...(election ? [{ congressId, kind: 'election' as const, id: electionId }] : []),
  ];

  /** Runs one counting change of a batch: lock, load, replay, let `fn` produce events, apply and store them. */
  const batchChange = <B>(
    ctx: CongressCtx<z.infer<typeof BatchParams>, unknown, B>,
    fn: (l: Loaded, batch: CountingBatch, state: BatchState, trx: Transaction<Database>) => Promise<Result<{ events: CountingEvent[]; requestId?: string | null; answer: (state: BatchState) => Output }, Problem>>,
  ): Promise<Result<Output, Problem>> => {
    let ids: { roundId: number } | null = null;
    let memo: { ctx: CountingContext; batchId: number; seq: number; eventId: number; state: BatchState } | null = null;
    return withRetry(() => transact(deps, async (trx) => {
      memo = null;
      const l = await loadLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      if (round.status !== 'counting') return err(notCounting(round));
      ids = { roundId: round.id };
      const batch = await findBatch(trx, round.id, Number(ctx.params.batch));
      if (batch === undefined) return err(batchNotFound());
      const c = l.value.counting.ctx;
      const s = await batchStateAt(deps.db, trx, c, batch);
      if (!s.ok) return s;
      const out = await fn(l.value, batch, s.value.state, trx);
      if (!out.ok) return out;
      let state: CountingState = { batches: new Map([[String(batch.number), s.value.state]]) };
      let seq = s.value.seq;
      let eventId = s.value.eventId;
      for (const e of out.value.events) {
        const next = applyEvent(c, state, e);
        if (!next.ok) return err(refusal(next.error));
        state = next.value;
        seq += 1;
        eventId = (await appendEvent(trx, appender(ctx, round.id), batch, seq, e, out.value.requestId ?? null)).id;
      }
      const after = state.batches.get(String(batch.number))!;
      memo = { ctx: c, batchId: batch.id, seq, eventId, state: after };
      return ok(out.value.answer(after));
    }, () => {
      // Committed: remember the replayed state for the next request of this batch.
      const m = memo as { ctx: CountingContext; batchId: number; seq: number; eventId: number; state: BatchState } | null;
      if (m !== null) rememberBatch(deps.db, m.ctx, m.batchId, m.seq, m.eventId, m.state);
      return ids === null ? [] : live(ctx.congress.id, ids.roundId, ctx.params.electionId);
    }));
  };

  // The board opens counting: ballots issued and collected are recorded, the round moves voting → counting.
  congressRoute(app, deps, { method: 'POST', url: `${R}/counting`, params: RoundParams, body: OpenCountingBody }, async (ctx) => {
    let roundId: number | null = null;
    return transact(deps, async (trx) => {
      const l = await loadLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      const { issued, collected } = ctx.body;
      if (round.status !== 'voting' && round.status !== 'counting') {
        return err(conflict(ruleError('counting.open-state', `Chỉ mở kiểm phiếu khi vòng bầu đang bỏ phiếu hoặc kiểm phiếu (vòng bầu ${STATE_LABELS[round.status].vi}).`,
          `Counting opens only while the round is voting or counting (round ${STATE_LABELS[round.status].en}).`)));
      }
      const batches = await roundBatches(trx, round.id);
      const physical = batches.reduce((n, b) => n + b.physical_count, 0);
      if (round.status === 'counting' && round.ballots_issued === issued && round.ballots_collected === collected) {
        return err(conflict(ruleError('counting.open-state', 'Kiểm phiếu đã mở với đúng các số phiếu này: không có gì thay đổi.',
          'Counting is already open with these ballot numbers: nothing changed.')));
      }
      if (physical > collected) {
        return err(unprocessable(ruleError('batch.over-collected', `Các tập đã tạo có ${physical} phiếu, nhiều hơn số phiếu thu về (${collected}).`,
          `The batches already hold ${physical} ballots, more than the ${collected} collected.`, 'body.collected')));
      }
      if (round.present !== null && issued > round.present) {
        return err(unprocessable(ruleError('ballots.over-present', `Số phiếu phát ra (${issued}) vượt số đại biểu có mặt (${round.present}).`,
          `Ballots issued (${issued}) exceed those present (${round.present}).`, 'body.issued')));
      }
      if (collected > issued) {
        return err(unprocessable(ruleError('ballots.over-issued', `Số phiếu thu về (${collected}) vượt số phiếu phát ra (${issued}).`,
          `Ballots collected (${collected}) exceed those issued (${issued}).`, 'body.collected')));
      }
      roundId = round.id;
      const now = nowIso(deps);
      const withBallots = await trx.updateTable('election_rounds').set({ ballots_issued: issued, ballots_collected: collected, updated_at: now })
        .where('id', '=', round.id).returningAll().executeTakeFirstOrThrow();
      let current = withBallots;
      if (round.status === 'voting') {
        const can = canStartCounting(withBallots);
        if (!can.ok) return can;
        const moved = await moveRound(trx, ctx, ctx.congress.id, withBallots, 'counting', {}, now);
        if (!moved.ok) return moved;
        current = moved.value;
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.counting-open', subject: `round:${round.id}`,
        payload: { issued, collected, entriesRequired: readSettings(ctx.congress).independentEntries, from: round.status } });
      return ok(json(await overview(trx, ctx.congress, { ...l.value, round: current }, operatorName(ctx))));
    }, () => live(ctx.congress.id, roundId ?? 0, ctx.params.electionId, true));
  });

  const operatorName = (ctx: Pick<Caller, 'principal'>): string =>
    ctx.principal?.kind === 'user' ? ctx.principal.username : '';

  const overview = async (db: Transaction<Database> | ServerDeps['db'], congress: Congress, l: Loaded, operator: string) => {
    const all = await allBatches(db, l);
    const states = all.ok ? all.value.states : [];
    return {
      roundId: l.round.id, status: l.round.status, form: l.counting.ctx.form, seats: l.round.seats,
      issued: l.round.ballots_issued, collected: l.round.ballots_collected,
      entriesRequired: readSettings(congress).independentEntries,
      rows: l.counting.rows.map((c, i) => ({ row: i + 1, candidateId: String(c.id), name: c.full_name })),
      batches: states.map((s) => viewOf(l.counting.ctx, s, operator)),
      physicalTotal: states.reduce((n, s) => n + s.spec.physicalCount, 0),
    };
  };

  congressRoute(app, deps, { method: 'GET', url: `${R}/counting`, params: RoundParams }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    return ok(json(await overview(deps.db, ctx.congress, l.value, operatorName(ctx))));
  });

  congressRoute(app, deps, { method: 'GET', url: `${R}/batches`, params: RoundParams }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    if (!all.ok) return all;
    return ok(json(all.value.states.map((s) => viewOf(l.value.counting.ctx, s, operatorName(ctx)))));
  });

  // The board creates a batch with its physical count; the number of entries is the congress setting.
  congressRoute(app, deps, { method: 'POST', url: `${R}/batches`, params: RoundParams, body: CreateBatchBody }, async (ctx) => {
    let roundId = 0;
    return withRetry(() => transact(deps, async (trx) => {
      const l = await loadLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      if (round.status !== 'counting') return err(notCounting(round));
      roundId = round.id;
      const existing = await roundBatches(trx, round.id);
      const total = existing.reduce((n, b) => n + b.physical_count, 0) + ctx.body.physicalCount;
      if (round.ballots_collected !== null && total > round.ballots_collected) {
        return err(unprocessable(ruleError('batch.over-collected',
          `Tổng số phiếu đếm tay của các tập (${total}) sẽ vượt số phiếu thu về (${round.ballots_collected}).`,
          `The batches' physical counts would add up to ${total}, more than the ${round.ballots_collected} ballots collected.`, 'body.physicalCount')));
      }
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
      return ok(json(viewOf(l.value.counting.ctx, applied.value.batches.get(spec.id)!, op.value.name), 201));
      // A new batch is rare and every counting console lists it: told as a change of the election too.
    }, () => live(ctx.congress.id, roundId, ctx.params.electionId, true)));
  });

  // The operator's own view of a batch: never another entry.
  congressRoute(app, deps, { method: 'GET', url: B, params: BatchParams }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const batch = await findBatch(deps.db, l.value.round.id, Number(ctx.params.batch));
    if (batch === undefined) return err(batchNotFound());
    const s = await batchStateAt(deps.db, deps.db, l.value.counting.ctx, batch);
    if (!s.ok) return s;
    return ok(json(myViewOf(l.value.counting.ctx, s.value.state, operatorName(ctx))));
  });

  congressRoute(app, deps, { method: 'POST', url: `${B}/entries`, params: BatchParams, body: OpenEntryBody }, async (ctx) =>
    batchChange(ctx, async (l, _batch, _state) => {
      const op = operatorOf(ctx);
      if (!op.ok) return op;
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      if (terminal.value === null) {
        return err(unprocessable(ruleError('counting.terminal-required', `Cần cho biết máy nhập (tiêu đề ${TERMINAL_HEADER} hoặc trường "terminal").`,
          `Say which terminal this is (header ${TERMINAL_HEADER} or the field "terminal").`, 'body.terminal')));
      }
      const event: CountingEvent = { type: 'entry-opened', batchId: ctx.params.batch, operator: op.value.name, terminal: terminal.value, at: nowIso(deps) };
      return ok({ events: [event], answer: (s) => json(myViewOf(l.counting.ctx, s, op.value.name), 201) });
    }));

  congressRoute(app, deps, { method: 'POST', url: `${B}/ballots`, params: BatchParams, body: EnterBallotBody }, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    const body = ctx.body;
    const requestId = body.requestId ?? null;
    return batchChange(ctx, async (l, batch, state, trx) => {
      const c = l.counting.ctx;
      const entry = state.entries.find((e) => e.operator === op.value.name);
      // A retried request (same key) already applied: one effect, and the caller is told so.
      if (requestId !== null) {
        const prior = await trx.selectFrom('counting_events').selectAll().where('batch_id', '=', batch.id).where('request_id', '=', requestId).executeTakeFirst();
        if (prior !== undefined) {
          const e = parseEventRow(prior);
          if (!e.ok) return e;
          if (e.value.type !== 'ballot-entered' || e.value.operator !== op.value.name || e.value.position !== body.position) {
            return err(conflict(ruleError('entry.request-reused', 'Mã yêu cầu này đã được dùng cho một thao tác khác.', 'This request id was already used for another action.', 'body.requestId')));
          }
          const ev = e.value;
          return ok({ events: [], answer: (s) => json({ position: ev.position, text: formatEntry(c, ev.ballot), duplicate: true, batch: myViewOf(c, s, op.value.name) }) });
        }
      }
      const terminal = terminalOf(ctx, body.terminal);
      if (!terminal.ok) return terminal;
      if (entry !== undefined && terminal.value !== null && terminal.value !== entry.terminal) {
        return err(conflict(ruleError('entry.other-terminal', `Lần nhập của "${op.value.name}" cho tập "${batch.label}" đang ở máy "${entry.terminal}", không phải máy "${terminal.value}".`,
          `The entry of "${op.value.name}" for batch "${batch.label}" is at terminal "${entry.terminal}", not "${terminal.value}".`)));
      }
      const have = entry?.ballots.length ?? 0;
      if (entry !== undefined && !entry.closed && body.position !== have + 1) {
        return err(conflict(body.position <= have
          ? ruleError('entry.position-taken', `Phiếu thứ ${body.position} của tập "${batch.label}" đã được ghi (lần nhập đang có ${have} phiếu): yêu cầu này không được thực hiện.`,
            `Ballot ${body.position} of batch "${batch.label}" is already recorded (the entry holds ${have}): this request was not applied.`, 'body.position')
          : ruleError('entry.position-gap', `Phiếu tiếp theo của tập "${batch.label}" là phiếu thứ ${have + 1}, không phải thứ ${body.position}.`,
            `The next ballot of batch "${batch.label}" is number ${have + 1}, not ${body.position}.`, 'body.position')));
      }
      let ballot: Ballot;
      let text: string | undefined;
      if ('text' in body) {
        const parsed = parseEntry(c, body.text);
        if (!parsed.ok) return err(unprocessable({ ...parsed.error, field: 'body.text' }));
        ballot = parsed.value;
        text = body.text;
      } else {
        ballot = body.ballot as Ballot;
      }
      const event: CountingEvent = {
        type: 'ballot-entered', batchId: ctx.params.batch, operator: op.value.name, terminal: entry?.terminal ?? terminal.value ?? 'unknown',
        at: nowIso(deps), position: body.position, ballot, ...(text === undefined ? {} : { text }),
      };
      return ok({
        events: [event], requestId,
        answer: (s) => json({ position: body.position, text: formatEntry(c, ballot), duplicate: false, batch: myViewOf(c, s, op.value.name) }, 201),
      });
    });
  });

  // Backspace: the last ballot of the operator's entry; `position` says which, so a retried undo takes back one only.
  congressRoute(app, deps, { method: 'DELETE', url: `${B}/ballots/last`, params: BatchParams, query: UndoBallotQuery }, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(ctx, async (l, batch, state) => {
      const entry = state.entries.find((e) => e.operator === op.value.name);
      const have = entry?.ballots.length ?? 0;
      if (entry !== undefined && !entry.closed && have > 0 && ctx.query.position !== have) {
        return err(conflict(ruleError('entry.undo-position', `Phiếu cuối của lần nhập là phiếu thứ ${have}, không phải thứ ${ctx.query.position}: không xóa gì.`,
          `The last ballot of the entry is number ${have}, not ${ctx.query.position}: nothing was undone.`, 'query.position')));
      }
      const event: CountingEvent = { type: 'ballot-undone', batchId: String(batch.number), operator: op.value.name, terminal: entry?.terminal ?? 'unknown', at: nowIso(deps), position: have };
      return ok({ events: [event], answer: (s) => json(myViewOf(l.counting.ctx, s, op.value.name)) });
    });
  });

  congressRoute(app, deps, { method: 'POST', url: `${B}/close`, params: BatchParams, body: CloseEntryBody }, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(ctx, async (l, batch, state) => {
      const entry = state.entries.find((e) => e.operator === op.value.name);
      const have = entry?.ballots.length ?? 0;
      if (ctx.body.ballots !== undefined && entry !== undefined && ctx.body.ballots !== have) {
        return err(conflict(ruleError('entry.close-count', `Máy chủ có ${have} phiếu của lần nhập này, không phải ${ctx.body.ballots}.`,
          `The server holds ${have} ballots of this entry, not ${ctx.body.ballots}.`, 'body.ballots')));
      }
      const event: CountingEvent = { type: 'entry-closed', batchId: String(batch.number), operator: op.value.name, terminal: entry?.terminal ?? 'unknown', at: nowIso(deps), ballots: have };
      return ok({ events: [event], answer: (s) => json(myViewOf(l.counting.ctx, s, op.value.name)) });
    });
  });

  // The board: disagreements side by side, totals per entry.
  congressRoute(app, deps, { method: 'GET', url: `${B}/reconciliation`, params: BatchParams }, async (ctx) => {
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
  congressRoute(app, deps, { method: 'GET', url: `${R}/reconciliation`, params: RoundParams }, async (ctx) => {
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

  congressRoute(app, deps, { method: 'POST', url: `${B}/rulings`, params: BatchParams, body: RulingBody }, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(ctx, async (l, batch) => {
      const c = l.counting.ctx;
      let ballot: Ballot;
      if ('text' in ctx.body) {
        const parsed = parseEntry(c, ctx.body.text);
        if (!parsed.ok) return err(unprocessable({ ...parsed.error, field: 'body.text' }));
        ballot = parsed.value;
      } else {
        ballot = ctx.body.ballot as Ballot;
      }
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      const event: CountingEvent = {
        type: 'ruling', batchId: String(batch.number), operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps),
        position: ctx.body.position, ballot, reason: ctx.body.reason, note: ctx.body.note,
      };
      return ok({ events: [event], answer: (s) => {
        const r = reconciliationOf(l, s);
        return json(r.ok ? r.value : null, 201);
      } });
    });
  });

  congressRoute(app, deps, { method: 'POST', url: `${B}/discard`, params: BatchParams, body: DiscardEntryBody }, async (ctx) => {
    const op = operatorOf(ctx);
    if (!op.ok) return op;
    return batchChange(ctx, async (l, batch) => {
      const terminal = terminalOf(ctx, ctx.body.terminal);
      if (!terminal.ok) return terminal;
      const event: CountingEvent = {
        type: 'entry-discarded', batchId: String(batch.number), operator: op.value.name, terminal: terminal.value ?? 'board', at: nowIso(deps),
        discarded: ctx.body.operator, note: ctx.body.note,
      };
      return ok({ events: [event], answer: (s) => json(viewOf(l.counting.ctx, s, op.value.name)) });
    });
  });

  // Provisional result from the final batches only, with what is still missing.
  congressRoute(app, deps, { method: 'GET', url: `${R}/result`, params: RoundParams }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const all = await allBatches(deps.db, l.value);
    if (!all.ok) return all;
    const r = roundResult(l.value.counting.ctx, { issued: l.value.round.ballots_issued ?? 0, collected: l.value.round.ballots_collected ?? 0, batches: all.value.states });
    if (!r.ok) return err(unprocessable(r.error));
    return ok(json(resultView(r.value, l.value.round.status)));
  });

  // The board finishes: complete (every batch final, batches = ballots collected) → result stored, round → counted.
  congressRoute(app, deps, { method: 'POST', url: `${R}/counting/finish`, params: RoundParams }, async (ctx) => {
    let roundId: number | null = null;
    return transact(deps, async (trx) => {
      const l = await loadLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
      if (!l.ok) return l;
      const round = l.value.round;
      if (round.status !== 'counting') return err(notCounting(round));
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
      const moved = await moveRound(trx, ctx, ctx.congress.id, round, 'counted', { result: JSON.stringify(r.value.count) }, nowIso(deps));
      if (!moved.ok) return moved;
      const rows = await roundEventRows(trx, round.id);
      const logHash = createHash('sha256').update(rows.map(eventHash).join('\n'), 'utf8').digest('hex');
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'round.counting-finish', subject: `round:${round.id}`,
        payload: { ballots: r.value.ballotsCounted, batches: r.value.countedBatches.length, events: rows.length, logSha256: logHash,
          anomalies: r.value.anomalies.map((a) => a.code) } });
      return ok(json(resultView(r.value, moved.value.status)));
    }, () => live(ctx.congress.id, roundId ?? 0, ctx.params.electionId, true));
  });

  // The input log (nhật ký nhập phiếu): JSON, printable text, or CSV.
  congressRoute(app, deps, { method: 'GET', url: `${R}/input-log`, params: RoundParams, query: InputLogQuery }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    // A board member who is also entering a batch does not read the other entries of it through the log.
    const all = await allBatches(deps.db, l.value);
    const me = operatorName(ctx);
    const mine = all.ok ? all.value.states.find((s) => batchStatus(l.value.counting.ctx, s) === 'entering' && s.entries.some((e) => e.operator === me)) : undefined;
    if (mine !== undefined) {
      return err(conflict(ruleError('counting.log-while-entering', `Bạn đang nhập tập "${mine.spec.label}": chỉ xem được nhật ký khi tập đã nhập xong.`,
        `You are entering batch "${mine.spec.label}": the log can be read once the batch is fully entered.`)));
    }
    // A log that does not replay is still exported as stored (the verification says where it breaks).
    const events: CountingEvent[] = [];
    for (const row of await roundEventRows(deps.db, l.value.round.id)) {
      const e = parseEventRow(row);
      if (!e.ok) return e;
      events.push(e.value);
    }
    const lines = logLines(l.value.counting.ctx, events);
    const name = `nhat-ky-nhap-phieu-${ctx.congress.code}-bau-cu-${l.value.election.id}-vong-${l.value.round.number}`;
    switch (ctx.query.format) {
      case 'json':
        return ok(json({ roundId: l.value.round.id, lines, events }));
      case 'csv': {
        const header = ['stt', 'thoi_gian', 'tap', 'nguoi_nhap', 'may', 'vi_tri', 'thao_tac', 'action', 'noi_dung'];
        const body = lines.map((x) => [x.seq, x.time, x.batchId, x.operator, x.terminal, x.position, x.action_vi, x.action_en, x.detail].map(csvCell).join(','));
        return ok({ kind: 'file', data: Buffer.from(`\ufeff${[header.join(','), ...body].join('\r\n')}\r\n`, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` });
      }
      case 'text': {
        const title = [
          `NHẬT KÝ NHẬP PHIẾU — ${l.value.election.title} — vòng ${l.value.round.number}`,
          `INPUT LOG — ${ctx.congress.organisation_name}`,
          '',
          'STT | Thời gian | Tập | Người nhập | Máy | Phiếu số | Thao tác | Nội dung',
        ];
        const body = lines.map((x) => [x.seq, x.time, x.batchId, x.operator, x.terminal, x.position ?? '', x.action_vi, x.detail].join(' | '));
        return ok({ kind: 'file', data: Buffer.from(`${[...title, ...body].join('\n')}\n`, 'utf8'), contentType: 'text/plain; charset=utf-8', fileName: `${name}.txt`, inline: true });
      }
    }
  });

  // Verify: the log replays through the core, every event has its audit entry (same SHA-256), the chain holds.
  congressRoute(app, deps, { method: 'GET', url: `${R}/input-log/verify`, params: RoundParams }, async (ctx) => {
    const l = await load(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const round = l.value.round;
    const rows = await roundEventRows(deps.db, round.id);
    const events: CountingEvent[] = [];
    let replay: InputLogVerification['replay'] = { ok: true, index: null, message_vi: null, message_en: null };
    for (const [i, row] of rows.entries()) {
      const e = parseEventRow(row);
      if (!e.ok) {
        replay = { ok: false, index: i, message_vi: e.error.message_vi, message_en: e.error.message_en };
        break;
      }
      events.push(e.value);
    }
    let replayed = null;
    if (replay.ok) {
      const r = replayLog(l.value.counting.ctx, events);
      if (r.ok) replayed = r.value;
      else replay = { ok: false, index: r.error.index, message_vi: r.error.error.message_vi, message_en: r.error.error.message_en };
    }
    const audits = await deps.db.selectFrom('audit_log').select(['id', 'payload']).where('congress_id', '=', ctx.congress.id)
      .where('action', '=', EVENT_AUDIT_ACTION).where('subject', '=', `round:${round.id}`).orderBy('id').execute();
    const byEvent = new Map<number, string>();
    const orphaned: number[] = [];
    const eventIds = new Set(rows.map((r) => r.id));
    for (const a of audits) {
      const p = JSON.parse(a.payload) as { event?: unknown; sha256?: unknown };
      if (typeof p.event === 'number' && typeof p.sha256 === 'string' && eventIds.has(p.event) && !byEvent.has(p.event)) byEvent.set(p.event, p.sha256);
      else orphaned.push(a.id);
    }
    const missing: number[] = [];
    const altered: number[] = [];
    let matched = 0;
    for (const row of rows) {
      const h = byEvent.get(row.id);
      if (h === undefined) missing.push(row.id);
      else if (h !== eventHash(row)) altered.push(row.id);
      else matched += 1;
    }
    const chainCheck = await verifyAuditChain(deps.db);
    const chain = chainCheck.ok
      ? { ok: true, entries: chainCheck.value.entries, message_vi: null, message_en: null }
      : { ok: false, entries: chainCheck.error.intactBefore, message_vi: chainCheck.error.message_vi, message_en: chainCheck.error.message_en };
    let storedResultMatches: boolean | null = null;
    if (round.result !== null && replayed !== null && ['counted', 'published', 'approved'].includes(round.status)) {
      const batches = await roundBatches(deps.db, round.id);
      const states = batches.map((b) => replayed.batches.get(String(b.number))).filter((s): s is BatchState => s !== undefined);
      const r = roundResult(l.value.counting.ctx, { issued: round.ballots_issued ?? 0, collected: round.ballots_collected ?? 0, batches: states });
      storedResultMatches = r.ok && sameStoredCount(r.value.count, round.result);
    }
    const auditOk = missing.length === 0 && altered.length === 0 && orphaned.length === 0;
    const out: InputLogVerification = {
      ok: replay.ok && auditOk && chain.ok && storedResultMatches !== false,
      events: rows.length, batches: new Set(rows.map((r) => r.batch_id)).size, replay,
      audit: { matched, missing, altered, orphaned }, chain, storedResultMatches,
    };
    return ok(json(out));
  });
};
