import { describe, expect, it } from 'vitest';
import type { Result, RuleError } from '../rules/index.ts';
import { addBallot, allEntriesClosed, closeEntry, discardEntry, moveEntry, openBatch, openEntry, recountBatch, undoBallot, type BatchState } from './batch.ts';
import { ctxOf, makeSpec } from './test-support.ts';

const ctx = ctxOf(makeSpec('committee', 5, 3));
const value = <T>(r: Result<T, RuleError>): T => {
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value;
};
const code = <T>(r: Result<T, RuleError>): string => {
  if (r.ok) throw new Error('accepted');
  expect(r.error.message_vi).not.toBe('');
  return r.error.code;
};
const batch = (physicalCount = 2, entriesRequired: 2 | 3 = 2): BatchState =>
  value(openBatch({ id: 'b1', label: 'Tập 1', physicalCount, entriesRequired }));
const withEntries = (s: BatchState, ...ops: string[]): BatchState =>
  ops.reduce((acc, op, i) => value(openEntry(acc, { operator: op, terminal: `t${i}` })), s);

describe('openBatch', () => {
  it('refuses an impossible physical count, number of entries or id', () => {
    expect(code(openBatch({ id: 'b', label: 'B', physicalCount: 0, entriesRequired: 2 }))).toBe('batch.physical-count');
    expect(code(openBatch({ id: 'b', label: 'B', physicalCount: 2.5, entriesRequired: 2 }))).toBe('batch.physical-count');
    expect(code(openBatch({ id: 'b', label: 'B', physicalCount: 5, entriesRequired: 4 as 2 }))).toBe('batch.entries-required');
    expect(code(openBatch({ id: ' ', label: 'B', physicalCount: 5, entriesRequired: 2 }))).toBe('batch.id');
  });
});

describe('openEntry', () => {
  it('refuses a second entry by the same operator', () => {
    const s = withEntries(batch(), 'an');
    expect(code(openEntry(s, { operator: 'an', terminal: 'other' }))).toBe('entry.same-operator');
  });
  it('refuses a second entry on the same terminal', () => {
    const s = withEntries(batch(), 'an');
    expect(code(openEntry(s, { operator: 'binh', terminal: 't0' }))).toBe('entry.same-terminal');
  });
  it('refuses more entries than the setting', () => {
    const s = withEntries(batch(2, 2), 'an', 'binh');
    expect(code(openEntry(s, { operator: 'chi', terminal: 'tx' }))).toBe('entry.too-many');
    expect(withEntries(batch(2, 3), 'an', 'binh', 'chi').entries).toHaveLength(3);
  });
});

describe('addBallot, undoBallot, closeEntry', () => {
  it('adds ballots in order, undoes the last, closes at the physical count', () => {
    let s = withEntries(batch(2), 'an', 'binh');
    s = value(addBallot(ctx, s, 'an', { struck: ['c1'] }));
    s = value(addBallot(ctx, s, 'an', { struck: ['c2'] }));
    s = value(undoBallot(s, 'an'));
    expect(s.entries[0]!.ballots).toEqual([{ struck: ['c1'] }]);
    s = value(addBallot(ctx, s, 'an', { struck: ['c3'] }));
    s = value(closeEntry(s, 'an'));
    expect(s.entries[0]).toMatchObject({ closed: true, ballots: [{ struck: ['c1'] }, { struck: ['c3'] }] });
    expect(s.entries[1]!.ballots).toEqual([]);
    expect(allEntriesClosed(s)).toBe(false);
  });
  it('refuses more ballots than the physical count', () => {
    let s = withEntries(batch(1), 'an');
    s = value(addBallot(ctx, s, 'an', { struck: [] }));
    expect(code(addBallot(ctx, s, 'an', { struck: [] }))).toBe('entry.over-physical');
  });
  it('refuses a ballot to a closed entry, and undo of a closed entry', () => {
    let s = withEntries(batch(1), 'an', 'binh');
    s = value(closeEntry(value(addBallot(ctx, s, 'an', { struck: [] })), 'an'));
    expect(code(addBallot(ctx, s, 'an', { struck: [] }))).toBe('entry.closed');
    expect(code(undoBallot(s, 'an'))).toBe('entry.closed');
    expect(code(closeEntry(s, 'an'))).toBe('entry.closed');
  });
  it('refuses anything once every entry of the batch is closed', () => {
    let s = withEntries(batch(1), 'an', 'binh');
    for (const op of ['an', 'binh']) s = value(closeEntry(value(addBallot(ctx, s, op, { struck: [] })), op));
    expect(allEntriesClosed(s)).toBe(true);
    expect(code(addBallot(ctx, s, 'an', { struck: [] }))).toBe('batch.entered');
    expect(code(undoBallot(s, 'binh'))).toBe('batch.entered');
    expect(code(openEntry(s, { operator: 'chi', terminal: 'tx' }))).toBe('batch.entered');
  });
  it('refuses an operator without an entry', () => {
    const s = withEntries(batch(), 'an');
    expect(code(addBallot(ctx, s, 'binh', { struck: [] }))).toBe('entry.not-found');
    expect(code(undoBallot(s, 'binh'))).toBe('entry.not-found');
    expect(code(closeEntry(s, 'binh'))).toBe('entry.not-found');
  });
  it('refuses a ballot of the wrong shape or naming someone off the list', () => {
    const s = withEntries(batch(), 'an');
    expect(code(addBallot(ctx, s, 'an', { marks: {} }))).toBe('ballot.form');
    expect(code(addBallot(ctx, s, 'an', { struck: ['zz'] }))).toBe('ballot.unknown-candidate');
    expect(code(addBallot(ctx, s, 'an', { struck: ['c1', 'c1'] }))).toBe('ballot.duplicate');
  });
  it('refuses undo of an empty entry', () => {
    expect(code(undoBallot(withEntries(batch(), 'an'), 'an'))).toBe('entry.nothing-to-undo');
  });
  it('refuses to close an entry short of the physical count', () => {
    let s = withEntries(batch(2), 'an');
    s = value(addBallot(ctx, s, 'an', { struck: [] }));
    const r = closeEntry(s, 'an');
    expect(code(r)).toBe('entry.count-mismatch');
    if (!r.ok) expect(r.error.message_vi).toBe('Đã nhập 1 phiếu nhưng tập "Tập 1" có 2 phiếu (đếm tay).');
  });
  it('never changes the state it was given', () => {
    const s = withEntries(batch(2), 'an');
    const before = JSON.stringify(s);
    value(addBallot(ctx, s, 'an', { struck: ['c1'] }));
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('moveEntry (an operator continues at another terminal)', () => {
  it('keeps the ballots typed and continues at the new terminal', () => {
    const s0 = value(addBallot(ctx, withEntries(batch(2), 'an', 'binh'), 'an', { struck: ['c2'] }));
    const s1 = value(moveEntry(s0, 'an', 'may-9'));
    expect(s1.entries.map((e) => [e.operator, e.terminal])).toEqual([['an', 'may-9'], ['binh', 't1']]);
    expect(s1.entries[0]!.ballots).toEqual([{ struck: ['c2'] }]);
    const s2 = value(closeEntry(value(addBallot(ctx, s1, 'an', { struck: [] })), 'an'));
    expect(code(moveEntry(s2, 'an', 'may-10'))).toBe('entry.closed');
  });
  it('refuses a terminal that holds another entry of the batch, the same terminal, a closed entry or nobody', () => {
    const s0 = withEntries(batch(2), 'an', 'binh');
    expect(code(moveEntry(s0, 'an', 't1'))).toBe('entry.same-terminal');
    expect(code(moveEntry(s0, 'an', 't0'))).toBe('entry.same-place');
    expect(code(moveEntry(s0, 'chi', 'x'))).toBe('entry.not-found');
  });
});

describe('recountBatch', () => {
  it('takes a new count while no entry is closed and none holds more; an entry then closes at the new count', () => {
    let s = withEntries(batch(3), 'an');
    s = value(addBallot(ctx, s, 'an', { struck: [] }));
    s = value(recountBatch(s, 1));
    expect(s.spec.physicalCount).toBe(1);
    expect(value(closeEntry(s, 'an')).entries[0]!.closed).toBe(true);
  });
  it('refuses an impossible or unchanged count, and a count below what an open entry holds', () => {
    let s = withEntries(batch(3), 'an');
    expect(code(recountBatch(s, 0))).toBe('batch.physical-count');
    expect(code(recountBatch(s, 1.5))).toBe('batch.physical-count');
    expect(code(recountBatch(s, 3))).toBe('batch.recount-same');
    s = value(addBallot(ctx, value(addBallot(ctx, s, 'an', { struck: [] })), 'an', { struck: [] }));
    expect(code(recountBatch(s, 1))).toBe('batch.recount-below-entry');
  });
  it('refuses while an entry closed against the old count stands; once it is discarded, takes the new count', () => {
    let s = withEntries(batch(1), 'an');
    s = value(closeEntry(value(addBallot(ctx, s, 'an', { struck: [] })), 'an'));
    expect(code(recountBatch(s, 2))).toBe('batch.recount-closed');
    expect(value(recountBatch(value(discardEntry(s, 'an')), 2)).spec.physicalCount).toBe(2);
  });
});
