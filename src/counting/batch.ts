/**
 * A batch (tập phiếu): a ballot box or a stack of about 50 ballots with its physical count. Each batch is
 * entered 2 or 3 times (a congress setting), each entry by a different operator at a different terminal; an
 * entry is the ballots in the order of the stack. Every transition is pure and returns a Result: the refusal
 * is what the operator is told at once.
 */
import { checkBallotShape, err, ok, ruleError, type Ballot, type Result, type RuleError } from '../rules/index.ts';
import type { BatchId, CountingContext, OperatorId, TerminalId } from './context.ts';
import type { BoardRuling } from './ruling-types.ts';

export interface BatchSpec {
  readonly id: BatchId;
  /** What the board calls it: "Hòm phiếu số 2", "Tập 3". */
  readonly label: string;
  /** Ballots counted by hand in this batch. */
  readonly physicalCount: number;
  /** Independent entries required: the congress setting `independentEntries`. */
  readonly entriesRequired: 2 | 3;
}

export interface Entry {
  readonly operator: OperatorId;
  readonly terminal: TerminalId;
  /** In the order of the stack: position 1 is `ballots[0]`. */
  readonly ballots: readonly Ballot[];
  readonly closed: boolean;
}

export interface BatchState {
  readonly spec: BatchSpec;
  readonly entries: readonly Entry[];
  /** The board's rulings on disagreements, in the order they were made. */
  readonly rulings: readonly BoardRuling[];
}

const fail = (code: string, vi: string, en: string, field?: string): Result<never, RuleError> =>
  err(ruleError(code, vi, en, field));

/** Opens a batch; refused when its physical count or its number of entries is impossible. */
export const openBatch = (spec: BatchSpec): Result<BatchState, RuleError> => {
  if (spec.id.trim() === '') return fail('batch.id', 'Tập phiếu phải có mã.', 'The batch needs an id.', 'batch.id');
  if (!Number.isInteger(spec.physicalCount) || spec.physicalCount < 1) {
    return fail('batch.physical-count', 'Số phiếu đếm tay của tập phải là số nguyên dương.',
      'The physical count of a batch must be a positive integer.', 'batch.physicalCount');
  }
  if (!([2, 3] as const).some((n) => n === spec.entriesRequired)) { // spec comes from outside the type system too
    return fail('batch.entries-required', 'Mỗi tập phiếu được nhập độc lập 2 hoặc 3 lần.',
      'Each batch is entered independently 2 or 3 times.', 'batch.entriesRequired');
  }
  return ok({ spec, entries: [], rulings: [] });
};

/** All the entries the setting requires are in and closed: the batch goes to reconciliation. */
export const allEntriesClosed = (state: BatchState): boolean =>
  state.entries.length === state.spec.entriesRequired && state.entries.every((e) => e.closed);

const refuseIfReconciling = (state: BatchState): Result<true, RuleError> =>
  allEntriesClosed(state)
    ? fail('batch.entered', `Tập "${state.spec.label}" đã nhập xong: không nhập thêm được nữa.`,
      `Batch "${state.spec.label}" is fully entered: nothing more can be entered.`)
    : ok(true);

/** Starts an entry of a batch by an operator at a terminal. */
export const openEntry = (
  state: BatchState,
  who: { readonly operator: OperatorId; readonly terminal: TerminalId },
): Result<BatchState, RuleError> => {
  const done = refuseIfReconciling(state);
  if (!done.ok) return done;
  if (state.entries.some((e) => e.operator === who.operator)) {
    return fail('entry.same-operator', `Người nhập "${who.operator}" đã nhập tập "${state.spec.label}": mỗi lần nhập phải do một người khác.`,
      `Operator "${who.operator}" already entered batch "${state.spec.label}": each entry must be by someone else.`);
  }
  if (state.entries.some((e) => e.terminal === who.terminal)) {
    return fail('entry.same-terminal', `Máy "${who.terminal}" đã nhập tập "${state.spec.label}": mỗi lần nhập phải trên một máy khác.`,
      `Terminal "${who.terminal}" already entered batch "${state.spec.label}": each entry must be on another terminal.`);
  }
  if (state.entries.length >= state.spec.entriesRequired) {
    return fail('entry.too-many', `Tập "${state.spec.label}" đã đủ ${state.spec.entriesRequired} lần nhập.`,
      `Batch "${state.spec.label}" already has its ${state.spec.entriesRequired} entries.`);
  }
  const entry: Entry = { operator: who.operator, terminal: who.terminal, ballots: [], closed: false };
  return ok({ ...state, entries: [...state.entries, entry] });
};

/** The open entry of an operator, or the refusal to tell them. */
const openEntryOf = (state: BatchState, operator: OperatorId): Result<number, RuleError> => {
  const done = refuseIfReconciling(state);
  if (!done.ok) return done;
  const i = state.entries.findIndex((e) => e.operator === operator);
  if (i < 0) {
    return fail('entry.not-found', `Người nhập "${operator}" chưa mở lần nhập nào của tập "${state.spec.label}".`,
      `Operator "${operator}" has no entry of batch "${state.spec.label}".`);
  }
  if (state.entries[i]!.closed) {
    return fail('entry.closed', `Lần nhập của "${operator}" cho tập "${state.spec.label}" đã đóng.`,
      `The entry of "${operator}" for batch "${state.spec.label}" is closed.`);
  }
  return ok(i);
};

const replaceEntry = (state: BatchState, i: number, entry: Entry): BatchState => ({
  ...state,
  entries: state.entries.map((e, j) => (j === i ? entry : e)),
});

/** Adds the next ballot of the stack to an operator's entry. */
export const addBallot = (
  ctx: CountingContext,
  state: BatchState,
  operator: OperatorId,
  ballot: Ballot,
): Result<BatchState, RuleError> => {
  const found = openEntryOf(state, operator);
  if (!found.ok) return found;
  const entry = state.entries[found.value]!;
  if (entry.ballots.length >= state.spec.physicalCount) {
    return fail('entry.over-physical', `Tập "${state.spec.label}" chỉ có ${state.spec.physicalCount} phiếu (đếm tay): không nhập thêm được.`,
      `Batch "${state.spec.label}" holds ${state.spec.physicalCount} ballots (counted by hand): no more can be entered.`);
  }
  const shape = checkBallotShape(ctx.form, ctx.index, ballot, `ballots[${entry.ballots.length}]`);
  if (!shape.ok) return shape;
  return ok(replaceEntry(state, found.value, { ...entry, ballots: [...entry.ballots, ballot] }));
};

/** Backspace: takes back the last ballot of an operator's open entry. */
export const undoBallot = (state: BatchState, operator: OperatorId): Result<BatchState, RuleError> => {
  const found = openEntryOf(state, operator);
  if (!found.ok) return found;
  const entry = state.entries[found.value]!;
  if (entry.ballots.length === 0) {
    return fail('entry.nothing-to-undo', 'Chưa nhập phiếu nào để xóa.', 'No ballot has been entered to undo.');
  }
  return ok(replaceEntry(state, found.value, { ...entry, ballots: entry.ballots.slice(0, -1) }));
};

/** Closes an operator's entry; refused unless it holds exactly the physical count. */
export const closeEntry = (state: BatchState, operator: OperatorId): Result<BatchState, RuleError> => {
  const found = openEntryOf(state, operator);
  if (!found.ok) return found;
  const entry = state.entries[found.value]!;
  if (entry.ballots.length !== state.spec.physicalCount) {
    return fail('entry.count-mismatch', `Đã nhập ${entry.ballots.length} phiếu nhưng tập "${state.spec.label}" có ${state.spec.physicalCount} phiếu (đếm tay).`,
      `${entry.ballots.length} ballots entered but batch "${state.spec.label}" holds ${state.spec.physicalCount} (counted by hand).`);
  }
  return ok(replaceEntry(state, found.value, { ...entry, closed: true }));
};

/**
 * The board discards an entry that cannot be reconciled position by position (e.g. a ballot skipped, so every
 * later position is shifted); another entry is then made. The discarded entry stays in the input log. Refused
 * once the board has ruled on the batch, since the rulings were made against the entries as they stood.
 */
export const discardEntry = (state: BatchState, operator: OperatorId): Result<BatchState, RuleError> => {
  if (!state.entries.some((e) => e.operator === operator)) {
    return fail('entry.not-found', `Người nhập "${operator}" không có lần nhập nào của tập "${state.spec.label}".`,
      `Operator "${operator}" has no entry of batch "${state.spec.label}".`);
  }
  if (state.rulings.length > 0) {
    return fail('entry.discard-after-ruling', `Tập "${state.spec.label}" đã có phán quyết: không hủy lần nhập được nữa.`,
      `Batch "${state.spec.label}" already has rulings: an entry can no longer be discarded.`);
  }
  return ok({ ...state, entries: state.entries.filter((e) => e.operator !== operator) });
};

/**
 * An open entry moves to another terminal (the operator's PC failed, or they change seats): the ballots typed so
 * far stay, the entry continues at `to`. Refused for a closed entry and when `to` already holds another entry of
 * the batch, since each entry must stay on its own terminal.
 */
export const moveEntry = (state: BatchState, operator: OperatorId, to: TerminalId): Result<BatchState, RuleError> => {
  const found = openEntryOf(state, operator);
  if (!found.ok) return found;
  const entry = state.entries[found.value]!;
  if (entry.terminal === to) {
    return fail('entry.same-place', `Lần nhập của "${operator}" cho tập "${state.spec.label}" đã ở máy này.`,
      `The entry of "${operator}" for batch "${state.spec.label}" is already at this terminal.`);
  }
  if (state.entries.some((e) => e.operator !== operator && e.terminal === to)) {
    return fail('entry.same-terminal', `Máy "${to}" đang giữ một lần nhập khác của tập "${state.spec.label}": mỗi lần nhập phải trên một máy khác.`,
      `Terminal "${to}" holds another entry of batch "${state.spec.label}": each entry must be on another terminal.`);
  }
  return ok(replaceEntry(state, found.value, { ...entry, terminal: to }));
};

/**
 * The board counts the batch again by hand and the count differs from the one it was opened with (the box held 48
 * ballots, not 50; a typing slip when it was opened). Refused while an entry is closed — it was closed against the
 * old count: the board discards it first — and when an open entry already holds more ballots than the new count.
 * The old count stays in the input log with the reason.
 */
export const recountBatch = (state: BatchState, physicalCount: number): Result<BatchState, RuleError> => {
  const label = state.spec.label;
  if (!Number.isInteger(physicalCount) || physicalCount < 1) {
    return fail('batch.physical-count', 'Số phiếu đếm tay của tập phải là số nguyên dương.',
      'The physical count of a batch must be a positive integer.', 'physicalCount');
  }
  if (physicalCount === state.spec.physicalCount) {
    return fail('batch.recount-same', `Tập "${label}" đã ghi ${physicalCount} phiếu: số mới phải khác số cũ.`,
      `Batch "${label}" already holds ${physicalCount}: the new count must differ from the old one.`, 'physicalCount');
  }
  const closed = state.entries.filter((e) => e.closed).map((e) => e.operator);
  if (closed.length > 0) {
    return fail('batch.recount-closed', `Tập "${label}" có lần nhập đã đóng theo số cũ (${closed.join(', ')}): Ban Kiểm phiếu hủy các lần nhập đó (ghi lý do) rồi mới sửa số phiếu đếm tay.`,
      `Batch "${label}" has entries closed against the old count (${closed.join(', ')}): the board discards them (with a reason) before correcting the count.`);
  }
  const over = state.entries.filter((e) => e.ballots.length > physicalCount);
  if (over.length > 0) {
    return fail('batch.recount-below-entry', `Lần nhập của ${over.map((e) => `"${e.operator}" (${e.ballots.length} phiếu)`).join(', ')} đã nhiều hơn ${physicalCount} phiếu: xoá bớt phiếu đã nhập hoặc hủy lần nhập trước.`,
      `The entry of ${over.map((e) => `"${e.operator}" (${e.ballots.length} ballots)`).join(', ')} already holds more than ${physicalCount}: undo ballots or discard the entry first.`, 'physicalCount');
  }
  return ok({ ...state, spec: { ...state.spec, physicalCount } });
};
