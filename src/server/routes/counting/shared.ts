/**
 * What the counting routes share: loading a round with its counting context (and its lock), who operates from
 * which terminal, the views of batches and reconciliations, and `batchChange` — one counting change of a batch
 * as events applied by the counting core, stored and audited in one transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import {
  TERMINAL_HEADER, TerminalId, type BatchView, type DisagreementView, type MyBatchView, type ReconciliationView, type RoundResultView,
} from '../../../api/counting.ts';
import {
  applyEvent, batchStatus, batchView, formatEntry, reconcileBatch, type BatchState, type CountingContext,
  type CountingEvent, type CountingState, type RoundResult,
} from '../../../counting/index.ts';
import { canCount } from '../../../elections/index.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import type { Congress, CountingBatch, Database, Election, ElectionRound } from '../../../store/schema.ts';
import {
  appendEvent, batchStateAt, findBatch, lockRound, refusal, rememberBatch, replayRows, roundBatches, roundCounting, roundEventRows,
  type Appender, type RoundCounting,
} from '../../counting-data.ts';
import type { ServerDeps } from '../../deps.ts';
import { findRound, loadRound } from '../../election-data.ts';
import type { BusEvent } from '../../live/bus.ts';
import { forbidden, fromRefusal, notFound, unprocessable, type Problem } from '../../problems.ts';
import type { Caller } from '../../route.ts';
import { isUniqueViolation, transact } from '../../tx.ts';

type Db = Transaction<Database> | ServerDeps['db'];

/** What the helpers read of a request's context. */
export type CountingCaller = Caller & { readonly req: FastifyRequest; readonly congress: Congress };

export interface Loaded {
  readonly election: Election;
  readonly round: ElectionRound;
  readonly counting: RoundCounting;
}

export const load = async (db: Db, congress: Congress, electionId: number, number: number): Promise<Result<Loaded, Problem>> => {
  const l = await loadRound(db, congress.id, electionId, number);
  if (!l.ok) return l;
  const counting = await roundCounting(db, l.value.election, l.value.round);
  if (!counting.ok) return counting;
  return ok({ ...l.value, counting: counting.value });
};

/**
 * Loads the round and takes the round's counting lock. On PostgreSQL the round is read again under the lock (another
 * instance may have moved it meanwhile); SQLite has a single writer, so what `load` read is already current.
 */
export const loadLocked = async (
  trx: Transaction<Database>, dialect: ServerDeps['dialect'], congress: Congress, electionId: number, number: number,
): Promise<Result<Loaded, Problem>> => {
  const l = await load(trx, congress, electionId, number);
  if (!l.ok) return l;
  await lockRound(trx, dialect, l.value.round.id);
  if (dialect === 'sqlite') return l;
  const round = await findRound(trx, l.value.election.id, l.value.round.number);
  return ok({ ...l.value, round: round ?? l.value.round });
};

/** The round is being counted, or the refusal that says where it stands. */
export const counting = (round: ElectionRound): Result<true, Problem> => {
  const c = canCount(round);
  return c.ok ? c : err(fromRefusal(c.error));
};

/** `loadLocked`, only while the round is being counted. */
export const loadCountingLocked = async (
  trx: Transaction<Database>, dialect: ServerDeps['dialect'], congress: Congress, electionId: number, number: number,
): Promise<Result<Loaded, Problem>> => {
  const l = await loadLocked(trx, dialect, congress, electionId, number);
  if (!l.ok) return l;
  const open = counting(l.value.round);
  return open.ok ? l : open;
};

export const batchNotFound = (): Problem => notFound('tập phiếu', 'Batch', 'params.batch');

/** The operator is a signed-in user; the engine knows them by user name. */
export const operatorOf = (ctx: Pick<Caller, 'principal'>): Result<{ name: string; userId: number }, Problem> =>
  ctx.principal?.kind === 'user' ? ok({ name: ctx.principal.username, userId: ctx.principal.userId }) : err(forbidden());

export const operatorName = (ctx: Pick<Caller, 'principal'>): string =>
  ctx.principal?.kind === 'user' ? ctx.principal.username : '';

/** The terminal: the header `x-daihoi-terminal`, else the body's `terminal`; null when neither is sent. */
export const terminalOf = (ctx: Pick<CountingCaller, 'req'>, fromBody: string | undefined): Result<string | null, Problem> => {
  const header = ctx.req.headers[TERMINAL_HEADER];
  const raw = typeof header === 'string' ? header : fromBody;
  if (raw === undefined) return ok(null);
  const parsed = TerminalId.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(unprocessable(ruleError('counting.terminal', 'Tên máy nhập không hợp lệ (chữ, số, dấu chấm, gạch; tối đa 64 ký tự).',
    'Invalid terminal name (letters, digits, dot, dash; at most 64 characters).', 'terminal')));
};

export const appender = (ctx: CountingCaller, roundId: number): Appender => ({
  congressId: ctx.congress.id, roundId, actor: ctx.actor, role: ctx.role,
  userId: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
});

export const viewOf = (ctx: CountingContext, state: BatchState, operator: string): BatchView => {
  const v = batchView(ctx, state, operator);
  return { ...v, id: state.spec.id, entriesOpened: state.entries.length, entriesClosed: state.entries.filter((e) => e.closed).length };
};

export const myViewOf = (ctx: CountingContext, state: BatchState, operator: string): MyBatchView => {
  const mine = state.entries.find((e) => e.operator === operator);
  return {
    ...viewOf(ctx, state, operator),
    myLines: (mine?.ballots ?? []).map((b, i) => ({ position: i + 1, text: formatEntry(ctx, b) })),
    terminal: mine?.terminal ?? null,
  };
};

const rowsShown = (rc: RoundCounting, ids: readonly string[]) =>
  ids.map((id) => {
    const i = rc.ctx.index.get(id) ?? -1;
    return { row: i + 1, candidateId: id, name: rc.rows[i]?.full_name ?? id };
  });

/**
 * The board's view of a batch whose entries are all closed (the core refuses one still being entered: an entry
 * copied is not independent): disagreements side by side, totals per entry.
 */
export const reconciliationOf = (l: Pick<Loaded, 'counting'>, state: BatchState): Result<ReconciliationView, Problem> => {
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
export const allBatches = async (db: Db, l: Loaded): Promise<Result<{ batches: CountingBatch[]; states: BatchState[]; events: CountingEvent[] }, Problem>> => {
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

export const resultView = (r: RoundResult, roundStatus: ElectionRound['status']): RoundResultView => ({
  count: r.count, countedBatches: [...r.countedBatches], ballotsCounted: r.ballotsCounted, complete: r.complete,
  anomalies: r.anomalies.map((a) => ({ ...a })), next: { ...r.next }, roundStatus,
});

/** Retries a transaction that lost a race on the UNIQUE (batch, seq) index, so two operators of one batch both get in. */
export const withRetry = async <T>(run: () => Promise<Result<T, Problem>>): Promise<Result<T, Problem>> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
};

export const liveOf = (congressId: number, roundId: number, electionId: number, election = false): BusEvent[] => [
  { congressId, kind: 'counting', id: roundId },
  ...(election ? [{ congressId, kind: 'election' as const, id: electionId }] : []),
];

/** What a change of a batch produces: its events, the idempotency key of the request, and the answer. */
export interface BatchChange<T> {
  readonly events: readonly CountingEvent[];
  readonly requestId?: string | null;
  readonly answer: (state: BatchState) => T;
}

export type BatchCaller = CountingCaller & { readonly params: { readonly electionId: number; readonly round: number; readonly batch: string } };

/** Runs one counting change of a batch: lock, load, replay, let `fn` produce events, apply and store them. */
export const batchChange = <T>(
  deps: ServerDeps, ctx: BatchCaller,
  fn: (l: Loaded, batch: CountingBatch, state: BatchState, trx: Transaction<Database>) => Promise<Result<BatchChange<T>, Problem>> | Result<BatchChange<T>, Problem>,
): Promise<Result<T, Problem>> => {
  let roundId: number | null = null;
  let memo: { ctx: CountingContext; batchId: number; seq: number; eventId: number; state: BatchState } | null = null;
  return withRetry(() => transact(deps, async (trx) => {
    memo = null;
    const l = await loadCountingLocked(trx, deps.dialect, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const round = l.value.round;
    roundId = round.id;
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
    const m = memo;
    if (m !== null) rememberBatch(deps.db, m.ctx, m.batchId, m.seq, m.eventId, m.state);
    return roundId === null ? [] : liveOf(ctx.congress.id, roundId, ctx.params.electionId);
  }));
};
