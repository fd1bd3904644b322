/**
 * The input log (nhật ký nhập phiếu): every batch opened or counted again by hand, entry opened, ballot entered, ballot undone, entry
 * closed and board ruling, as an event with operator, terminal, time, batch and position. The server stores only
 * events; `replayLog` rebuilds the state from them with the same transitions, so the log is verifiable: a log
 * that a transition refuses, or whose positions or typed text do not match, does not replay.
 */
import { err, ok, ruleError, type Ballot, type Result, type RuleError } from '../rules/index.ts';
import { addBallot, closeEntry, discardEntry, moveEntry, openBatch, openEntry, recountBatch, undoBallot, type BatchSpec, type BatchState } from './batch.ts';
import { ballotKey } from './ballot-key.ts';
import type { BatchId, CountingContext, OperatorId, TerminalId } from './context.ts';
import { parseEntry } from './keyboard-entry.ts';
import { recordRuling, type RulingReason } from './ruling.ts';

interface EventMeta {
  readonly batchId: BatchId;
  readonly operator: OperatorId;
  readonly terminal: TerminalId;
  /** ISO 8601 instant, given by the server's clock. */
  readonly at: string;
}

export type CountingEvent =
  | (EventMeta & { readonly type: 'batch-opened'; readonly batch: BatchSpec })
  /** The board counted the batch again by hand: `from` ballots as opened (or last counted), now `physicalCount`. */
  | (EventMeta & { readonly type: 'batch-recounted'; readonly from: number; readonly physicalCount: number; readonly note: string })
  | (EventMeta & { readonly type: 'entry-opened' })
  /** `text` is what was typed (absent for the scanner's reading); replay checks it parses to `ballot`. */
  | (EventMeta & { readonly type: 'ballot-entered'; readonly position: number; readonly ballot: Ballot; readonly text?: string | undefined })
  | (EventMeta & { readonly type: 'ballot-undone'; readonly position: number })
  | (EventMeta & { readonly type: 'entry-closed'; readonly ballots: number })
  /** The board discards `discarded`'s entry; `operator` is the board member who records it. */
  | (EventMeta & { readonly type: 'entry-discarded'; readonly discarded: OperatorId; readonly note: string })
  /** `moved`'s open entry continues at `terminal` (the event's terminal); `operator` is who took it over. */
  | (EventMeta & { readonly type: 'entry-moved'; readonly moved: OperatorId; readonly from: TerminalId; readonly note: string })
  | (EventMeta & { readonly type: 'ruling'; readonly position: number; readonly ballot: Ballot; readonly reason: RulingReason; readonly note: string });

export type CountingEventType = CountingEvent['type'];

/** All batches of a round, in the order they were opened. */
export interface CountingState {
  readonly batches: ReadonlyMap<BatchId, BatchState>;
}

export const emptyCountingState: CountingState = { batches: new Map() };

const fail = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en, 'event'));

const entryLength = (state: BatchState, operator: OperatorId): number =>
  state.entries.find((e) => e.operator === operator)?.ballots.length ?? 0;

const positionMismatch = (expected: number, got: number): Result<never, RuleError> =>
  fail('log.position', `Vị trí phiếu trong nhật ký (${got}) không khớp với vị trí tiếp theo (${expected}).`,
    `The position in the log (${got}) does not match the expected position (${expected}).`);

const applyToBatch = (ctx: CountingContext, state: BatchState, e: CountingEvent): Result<BatchState, RuleError> => {
  switch (e.type) {
    case 'batch-opened':
      return fail('log.batch-exists', `Tập "${e.batchId}" đã được mở.`, `Batch "${e.batchId}" is already open.`);
    case 'batch-recounted':
      if (e.note.trim() === '') {
        return fail('log.note-required', 'Sửa số phiếu đếm tay phải ghi rõ lý do.', 'Correcting the physical count needs a stated reason.');
      }
      if (e.from !== state.spec.physicalCount) {
        return fail('log.recount-from', `Tập "${state.spec.label}" đang ghi ${state.spec.physicalCount} phiếu, không phải ${e.from}.`,
          `Batch "${state.spec.label}" holds ${state.spec.physicalCount}, not ${e.from}.`);
      }
      return recountBatch(state, e.physicalCount);
    case 'entry-opened':
      return openEntry(state, { operator: e.operator, terminal: e.terminal });
    case 'ballot-entered': {
      const expected = entryLength(state, e.operator) + 1;
      if (e.position !== expected) return positionMismatch(expected, e.position);
      if (e.text !== undefined) {
        const parsed = parseEntry(ctx, e.text);
        if (!parsed.ok) return parsed;
        if (ballotKey(ctx, parsed.value) !== ballotKey(ctx, e.ballot)) {
          return fail('log.text-mismatch', `Nội dung gõ "${e.text}" không khớp với lá phiếu ghi trong nhật ký.`,
            `The typed text "${e.text}" does not match the ballot recorded in the log.`);
        }
      }
      return addBallot(ctx, state, e.operator, e.ballot);
    }
    case 'ballot-undone': {
      const expected = entryLength(state, e.operator);
      if (e.position !== expected) return positionMismatch(expected, e.position);
      return undoBallot(state, e.operator);
    }
    case 'entry-closed': {
      const n = entryLength(state, e.operator);
      if (e.ballots !== n) return positionMismatch(n, e.ballots);
      return closeEntry(state, e.operator);
    }
    case 'entry-discarded':
      if (e.note.trim() === '') {
        return fail('log.note-required', 'Hủy một lần nhập phải ghi rõ lý do.', 'Discarding an entry needs a stated reason.');
      }
      return discardEntry(state, e.discarded);
    case 'entry-moved': {
      const current = state.entries.find((x) => x.operator === e.moved);
      if (current !== undefined && current.terminal !== e.from) {
        return fail('log.moved-from', `Lần nhập của "${e.moved}" không ở máy "${e.from}".`, `The entry of "${e.moved}" is not at terminal "${e.from}".`);
      }
      return moveEntry(state, e.moved, e.terminal);
    }
    case 'ruling':
      return recordRuling(ctx, state, {
        position: e.position, ballot: e.ballot, reason: e.reason, note: e.note, by: e.operator, terminal: e.terminal,
      });
  }
};

/** Applies one event: the server calls this before storing the event, and stores it only when it is accepted. */
export const applyEvent = (ctx: CountingContext, state: CountingState, e: CountingEvent): Result<CountingState, RuleError> => {
  const current = state.batches.get(e.batchId);
  let next: Result<BatchState, RuleError>;
  if (e.type === 'batch-opened') {
    if (current !== undefined) return fail('log.batch-exists', `Tập "${e.batchId}" đã được mở.`, `Batch "${e.batchId}" is already open.`);
    if (e.batch.id !== e.batchId) return fail('log.batch-id', 'Mã tập trong sự kiện không khớp.', 'The batch id of the event does not match.');
    next = openBatch(e.batch);
  } else if (current === undefined) {
    return fail('log.batch-unknown', `Chưa mở tập "${e.batchId}".`, `Batch "${e.batchId}" has not been opened.`);
  } else {
    next = applyToBatch(ctx, current, e);
  }
  if (!next.ok) return next;
  const batches = new Map(state.batches);
  batches.set(e.batchId, next.value);
  return ok({ batches });
};

export interface ReplayError {
  /** 0-based index of the first event that does not replay. */
  readonly index: number;
  readonly error: RuleError;
}

/** Rebuilds the state of a round from its log; the first event refused stops the replay. */
export const replayLog = (ctx: CountingContext, events: readonly CountingEvent[]): Result<CountingState, ReplayError> => {
  let state = emptyCountingState;
  for (let i = 0; i < events.length; i++) {
    const r = applyEvent(ctx, state, events[i]!);
    if (!r.ok) return err({ index: i, error: r.error });
    state = r.value;
  }
  return ok(state);
};
