import { describe, expect, it } from 'vitest';
import { openBatch, openEntry } from './batch.ts';
import { reconcileBatch } from './reconcile.ts';
import { batchStatus, finalBallots, recordRuling, RULING_REASON_LABELS, RULING_REASONS } from './ruling.ts';
import { ctxOf, enterBatch, makeSpec, value } from './test-support.ts';

const ctx = ctxOf(makeSpec('committee', 5, 3, { base: 10 }));
const spec = { id: 'b1', label: 'Tập 1', physicalCount: 3, entriesRequired: 2 as const };
const truth = [{ struck: ['c1', 'c2'] }, { struck: ['c4', 'c5'] }, { struck: ['c3', 'c4'] }];

describe('reconcileBatch', () => {
  it('finds no disagreement when the entries agree, whatever the order of the strikes', () => {
    const s = enterBatch(ctx, spec, [truth, [{ struck: ['c2', 'c1'] }, truth[1]!, truth[2]!]]);
    const r = value(reconcileBatch(ctx, s));
    expect(r.disagreements).toEqual([]);
    expect(r.final).toBe(true);
    expect(r.totalsAgree).toBe(true);
    expect(r.totals[0]!.votes).toEqual([2, 2, 2, 1, 2]);
    expect(r.totals[0]).toMatchObject({ valid: 3, invalid: 0 });
    expect(batchStatus(ctx, s)).toBe('final');
  });
  it('reports each differing position with what each entry says, and the rows and flags at fault', () => {
    const s = enterBatch(ctx, spec, [truth, [truth[0]!, { struck: ['c5'] }, { ...truth[2]!, identifyingMarks: true }]]);
    const r = value(reconcileBatch(ctx, s));
    expect(r.disagreements.map((d) => d.position)).toEqual([2, 3]);
    const [d2, d3] = r.disagreements;
    expect(d2!.entries.map((e) => [e.operator, e.text])).toEqual([['op0', '4 5'], ['op1', '5']]);
    expect(d2!.difference).toEqual({ rows: ['c4'], writeIn: false, flags: [] });
    expect(d3!.difference).toEqual({ rows: [], writeIn: false, flags: ['identifyingMarks'] });
    expect(d3!.entries[1]!.text).toBe('3 4 /k');
    expect(r.totalsAgree).toBe(false);
    expect(r.unruled).toBe(2);
    expect(batchStatus(ctx, s)).toBe('reconciling');
  });
  it('finds a disagreement of a three-way entry where only one entry differs', () => {
    const s = enterBatch(ctx, { ...spec, entriesRequired: 3 }, [truth, truth, [truth[0]!, truth[1]!, { struck: ['c3'] }]]);
    expect(value(reconcileBatch(ctx, s)).disagreements.map((d) => d.position)).toEqual([3]);
  });
  it('reports compensating slips that leave the totals equal', () => {
    const s = enterBatch(ctx, spec, [truth, [{ struck: ['c1', 'c5'] }, { struck: ['c2', 'c4'] }, truth[2]!]]);
    const r = value(reconcileBatch(ctx, s));
    expect(r.totalsAgree).toBe(true);
    expect(r.disagreements.map((d) => d.position)).toEqual([1, 2]);
  });
  it('refuses to reconcile before every entry is in and closed', () => {
    const s = value(openEntry(value(openBatch(spec)), { operator: 'a', terminal: 't' }));
    const r = reconcileBatch(ctx, s);
    expect(r.ok ? '' : r.error.code).toBe('reconcile.not-ready');
  });
});

describe('recordRuling and finalBallots', () => {
  const disputed = () => enterBatch(ctx, spec, [truth, [truth[0]!, { struck: ['c5'] }, truth[2]!]]);
  const ruling = { position: 2, ballot: { struck: ['c4', 'c5'] }, reason: 'partial-strike' as const, note: '', by: 'head', terminal: 'board' };
  it('makes the batch final with the ruled ballot in place', () => {
    const s = value(recordRuling(ctx, disputed(), ruling));
    expect(batchStatus(ctx, s)).toBe('final');
    expect(value(finalBallots(ctx, s))).toEqual(truth);
    const r = value(reconcileBatch(ctx, s));
    expect(r.disagreements[0]!.ruling).toEqual(ruling);
    expect(r).toMatchObject({ unruled: 0, final: true });
  });
  it('lets the board rule a ballot as neither entry read it', () => {
    const s = value(recordRuling(ctx, disputed(), { ...ruling, ballot: { struck: [] }, reason: 'unclear-mark' }));
    expect(value(finalBallots(ctx, s))[1]).toEqual({ struck: [] });
  });
  it('refuses the final ballots of a batch not final', () => {
    const r = finalBallots(ctx, disputed());
    expect(r.ok ? '' : r.error.code).toBe('batch.not-final');
  });
  it('refuses a ruling where the entries agree, twice on one ballot, off the batch, or before entry ends', () => {
    const s = disputed();
    const codeOf = (r: ReturnType<typeof recordRuling>) => (r.ok ? 'accepted' : r.error.code);
    expect(codeOf(recordRuling(ctx, s, { ...ruling, position: 1 }))).toBe('ruling.no-disagreement');
    expect(codeOf(recordRuling(ctx, value(recordRuling(ctx, s, ruling)), ruling))).toBe('ruling.duplicate');
    expect(codeOf(recordRuling(ctx, s, { ...ruling, position: 4 }))).toBe('ruling.position');
    expect(codeOf(recordRuling(ctx, s, { ...ruling, position: 0 }))).toBe('ruling.position');
    expect(codeOf(recordRuling(ctx, s, { ...ruling, reason: 'other' }))).toBe('ruling.note-required');
    expect(codeOf(recordRuling(ctx, s, { ...ruling, reason: 'whim' as 'other', note: 'x' }))).toBe('ruling.reason');
    expect(codeOf(recordRuling(ctx, s, { ...ruling, ballot: { struck: ['c9'] } }))).toBe('ballot.unknown-candidate');
    expect(codeOf(recordRuling(ctx, value(openBatch(spec)), ruling))).toBe('ruling.not-ready');
  });
  it('has a Vietnamese and an English label for every reason', () => {
    for (const r of RULING_REASONS) {
      expect(RULING_REASON_LABELS[r].vi).not.toBe('');
      expect(RULING_REASON_LABELS[r].en).not.toBe('');
    }
  });
});
