/**
 * The counting input log in the database: batches and their events, replayed through the counting
 * core (src/counting) on every request — the events are the source of truth, nothing else is cached. Every event
 * is appended in the same transaction as its audit entry, which carries the event's SHA-256, so the log can be
 * verified against the hash-chained audit log.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  applyEvent, countingContext, CountingEventSchema, emptyCountingState, type BatchState, type CountingContext, type CountingEvent,
  type CountingState,
} from '../counting/index.ts';
import { err, ok, ruleError, type ElectionSpec, type Result, type RuleError } from '../rules/index.ts';
import type { Candidate, CountingBatch, CountingEventRow, Database, Election, ElectionRound } from '../store/schema.ts';
import { audit } from './audit.ts';
import { countSettingsOf, listed, roundCandidates } from './election-data.ts';
import { conflict, unprocessable, type Problem } from './problems.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The counting context of a round: its list in ballot order, as the rules core reads it (candidate ids as text). */
export interface RoundCounting {
  readonly ctx: CountingContext;
  /** Listed candidates in ballot order: row r of the paper is `rows[r - 1]`. */
  readonly rows: readonly Candidate[];
}

export const roundCounting = async (db: Db, election: Election, round: ElectionRound): Promise<Result<RoundCounting, Problem>> => {
  const rows = listed(await roundCandidates(db, round.id));
  const spec: ElectionSpec = {
    kind: election.kind, seats: round.seats, alternateSeats: round.alternate_seats, base: round.base ?? 0,
    present: round.present ?? undefined, candidates: rows.map((c) => ({ id: String(c.id), name: c.full_name })),
    settings: countSettingsOf(election),
  };
  const ctx = countingContext(spec);
  return ctx.ok ? ok({ ctx: ctx.value, rows }) : err(unprocessable(ctx.error));
};

/** Serialises the counting writes of one round on PostgreSQL (row lock); SQLite has a single writer already. */
export const lockRound = async (trx: Transaction<Database>, dialect: 'sqlite' | 'postgres', roundId: number): Promise<void> => {
  if (dialect === 'postgres') await sql`select id from election_rounds where id = ${roundId} for update`.execute(trx);
};

export const findBatch = (db: Db, roundId: number, number: number): Promise<CountingBatch | undefined> =>
  db.selectFrom('counting_batches').selectAll().where('round_id', '=', roundId).where('number', '=', number).executeTakeFirst();

export const roundBatches = (db: Db, roundId: number): Promise<CountingBatch[]> =>
  db.selectFrom('counting_batches').selectAll().where('round_id', '=', roundId).orderBy('number').execute();

const corrupt = (row: Pick<CountingEventRow, 'id'>, why: string): Problem =>
  conflict(ruleError('counting.log-corrupt', `Nhật ký nhập phiếu hỏng ở sự kiện #${row.id}: ${why}`, `The input log is damaged at event #${row.id}: ${why}`));

/** Parses a stored event with the counting core's schema: nothing unparsed reaches the core. */
export const parseEventRow = (row: Pick<CountingEventRow, 'id' | 'event'>): Result<CountingEvent, Problem> => {
  let raw: unknown;
  try {
    raw = JSON.parse(row.event);
  } catch {
    return err(corrupt(row, 'JSON'));
  }
  const parsed = CountingEventSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(corrupt(row, parsed.error.issues[0]?.message ?? 'schema'));
};

export const batchEventRows = (db: Db, batchId: number): Promise<CountingEventRow[]> =>
  db.selectFrom('counting_events').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();

export const roundEventRows = (db: Db, roundId: number): Promise<CountingEventRow[]> =>
  db.selectFrom('counting_events').selectAll().where('round_id', '=', roundId).orderBy('id').execute();

export interface Replayed {
  readonly state: CountingState;
  readonly events: readonly CountingEvent[];
}

/** Replays stored events; a stored log that does not replay is a damaged log (409), never silently skipped. */
export const replayRows = (ctx: CountingContext, rows: readonly CountingEventRow[], from: CountingState = emptyCountingState): Result<Replayed, Problem> => {
  let state = from;
  const events: CountingEvent[] = [];
  for (const row of rows) {
    const e = parseEventRow(row);
    if (!e.ok) return e;
    const next = applyEvent(ctx, state, e.value);
    if (!next.ok) return err(corrupt(row, next.error.message_en));
    state = next.value;
    events.push(e.value);
  }
  return ok({ state, events });
};

/** The state of one batch, replayed from its own events. */
export const batchState = async (db: Db, ctx: CountingContext, batch: CountingBatch): Promise<Result<{ state: BatchState; rows: CountingEventRow[] }, Problem>> => {
  const rows = await batchEventRows(db, batch.id);
  const r = replayRows(ctx, rows);
  if (!r.ok) return r;
  const state = r.value.state.batches.get(String(batch.number));
  if (state === undefined) return err(corrupt({ id: rows[0]?.id ?? 0 }, 'batch-opened missing'));
  return ok({ state, rows });
};

/**
 * A memo of replayed batches, per database: the state after event `seq` (row `eventId`). It is only a shortcut
 * of the same replay — the next request reads the events from `seq` on, checks that the event at `seq` is still
 * the remembered row, and applies only the newer ones (those of another server instance included); anything
 * else replays the batch from its first event. It is filled after a commit only. Verification never uses it.
 */
interface Memo {
  readonly spec: string;
  readonly seq: number;
  readonly eventId: number;
  readonly state: BatchState;
}
const memos = new WeakMap<object, Map<number, Memo>>();

export const rememberBatch = (owner: object, ctx: CountingContext, batchId: number, seq: number, eventId: number, state: BatchState): void => {
  let m = memos.get(owner);
  if (m === undefined) memos.set(owner, (m = new Map<number, Memo>()));
  m.set(batchId, { spec: JSON.stringify(ctx.spec), seq, eventId, state });
};

export interface BatchAt {
  readonly state: BatchState;
  /** The last event of the batch (seq 0 and id 0 when none). */
  readonly seq: number;
  readonly eventId: number;
}

/** The state of one batch, from the memo of `owner` (the server's database handle) plus the newer events, or replayed in full. */
export const batchStateAt = async (owner: object, db: Db, ctx: CountingContext, batch: CountingBatch): Promise<Result<BatchAt, Problem>> => {
  const memo = memos.get(owner)?.get(batch.id);
  if (memo !== undefined && memo.spec === JSON.stringify(ctx.spec)) {
    const rows = await db.selectFrom('counting_events').selectAll().where('batch_id', '=', batch.id).where('seq', '>=', memo.seq).orderBy('seq').execute();
    if (rows[0]?.id === memo.eventId && rows[0].seq === memo.seq) {
      const newer = rows.slice(1);
      const r = replayRows(ctx, newer, { batches: new Map([[String(batch.number), memo.state]]) });
      if (!r.ok) return r;
      const last = newer[newer.length - 1];
      return ok({ state: r.value.state.batches.get(String(batch.number))!, seq: last?.seq ?? memo.seq, eventId: last?.id ?? memo.eventId });
    }
  }
  const full = await batchState(db, ctx, batch);
  if (!full.ok) return full;
  const last = full.value.rows[full.value.rows.length - 1];
  return ok({ state: full.value.state, seq: last?.seq ?? 0, eventId: last?.id ?? 0 });
};

/** What an event row's audit entry carries: sha256 over the batch, the place in the batch and the event JSON. */
export const eventHash = (row: Pick<CountingEventRow, 'batch_id' | 'seq' | 'event'>): string =>
  createHash('sha256').update(`${row.batch_id}|${row.seq}|${row.event}`, 'utf8').digest('hex');

export const EVENT_AUDIT_ACTION = 'counting.event';

export interface Appender {
  readonly congressId: number;
  readonly roundId: number;
  readonly actor: string;
  readonly role: string | null;
  readonly userId: number | null;
}

/**
 * Appends one event (already accepted by `applyEvent`) at the next place of its batch, with its audit entry in
 * the same transaction. The UNIQUE (batch, seq) and (batch, request) indexes make a concurrent double impossible.
 */
export const appendEvent = async (
  trx: Transaction<Database>, who: Appender, batch: CountingBatch, seq: number, event: CountingEvent, requestId: string | null,
): Promise<CountingEventRow> => {
  const text = JSON.stringify(event);
  const row = await trx.insertInto('counting_events').values({
    congress_id: who.congressId, round_id: who.roundId, batch_id: batch.id, seq, type: event.type, operator_user_id: who.userId,
    terminal: event.terminal, at: event.at, request_id: requestId, event: text,
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, {
    congressId: who.congressId, actor: who.actor, role: who.role, action: EVENT_AUDIT_ACTION, subject: `round:${who.roundId}`,
    payload: { event: row.id, batch: batch.number, seq, type: event.type, sha256: eventHash(row) },
  });
  return row;
};

/** Refusals of the counting core about the state of a batch (409); everything else is about what was sent (422). */
const STATE_CODES = new Set([
  'batch.entered', 'entry.same-operator', 'entry.same-terminal', 'entry.too-many', 'entry.not-found', 'entry.closed',
  'entry.over-physical', 'entry.nothing-to-undo', 'entry.count-mismatch', 'entry.discard-after-ruling', 'ruling.not-ready',
  'ruling.no-disagreement', 'ruling.duplicate', 'entry.same-place', 'reconcile.not-ready', 'batch.not-final', 'log.position', 'log.batch-exists',
  'batch.recount-closed', 'batch.recount-below-entry',
]);

export const refusal = (e: RuleError): Problem => (STATE_CODES.has(e.code) ? conflict(e) : unprocessable(e));
