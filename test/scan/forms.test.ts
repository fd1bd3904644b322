/** Agree/disagree boxes, the single-candidate form and a two-page, two-column list. */
import { describe, expect, it } from 'vitest';
import { readStack } from '../../src/scan/index.ts';
import { generateBallot } from '../../src/scan/testing/generate.ts';
import { bigRound, expectTruth, generator, marksRound } from './support.ts';
import { HEADER, candidates, round } from '../../src/documents/fixtures/congress.ts';

describe('marks forms', () => {
  it('reads agree, disagree, both and neither; every confident box equals the truth', async () => {
    const g = await generator(marksRound());
    const marks = ['agree', 'disagree', 'both', 'none'] as const;
    for (let seed = 1; seed <= 4; seed++) {
      const b = await generateBallot(g, { seed, plan: (i) => ({ kind: 'mark', mark: marks[(i + seed) % 4]!, pen: seed % 2 === 0 ? 'thin-ballpoint' : 'ballpoint' }) });
      const { sheets, ballots } = readStack(b.pages, g.target);
      const sheet = sheets[0]!;
      if (sheet.kind !== 'read') throw new Error(sheet.reason.message_en);
      expect(expectTruth(b, sheet.page.rows)).toBe(0);
      const reading = ballots[0]!;
      expect(reading.kind).toBe('decided');
      if (reading.kind === 'decided' && 'marks' in reading.ballot) {
        expect(reading.ballot.marks).toEqual(Object.fromEntries(b.truth.rows));
      }
    }
  });

  it('reads the single-candidate form', async () => {
    const g = await generator(round({ kind: 'secretary', seats: 1, candidates: candidates(1) }));
    expect(g.target.layout.form).toBe('single');
    const b = await generateBallot(g, { seed: 7, plan: () => ({ kind: 'mark', mark: 'disagree', pen: 'felt-pen' }) });
    const { ballots } = readStack(b.pages, g.target);
    expect(ballots[0]).toMatchObject({ kind: 'decided', ballot: { marks: { c001: 'disagree' } } });
    expect(HEADER.congressId).toBe(g.target.congressId);
  });
});

describe('a ballot of two pages', () => {
  it('joins its sheets into one ballot, and sends sheets out of order to review', async () => {
    const g = await generator(bigRound());
    expect(g.target.layout.pages).toHaveLength(2);
    expect(g.target.layout.columns).toBe(2);
    const b = await generateBallot(g, { seed: 5, pNonStrike: 0.1 });
    const { sheets, ballots } = readStack(b.pages, g.target);
    expect(sheets.map((s) => (s.kind === 'read' ? s.page.pageIndex : -1))).toEqual([0, 1]);
    for (const s of sheets) if (s.kind === 'read') expectTruth(b, s.page.rows);
    expect(ballots).toHaveLength(1);
    const reading = ballots[0]!;
    expect(reading.kind).toBe('decided');
    if (reading.kind === 'decided' && 'struck' in reading.ballot) {
      expect(reading.ballot.struck).toEqual([...b.truth.rows].filter(([, t]) => t === 'struck').map(([id]) => id));
      expect(reading.sheets).toEqual([0, 1]);
    }
    const swapped = readStack([b.pages[1]!, b.pages[0]!], g.target).ballots;
    expect(swapped.map((x) => x.kind)).toEqual(['review', 'review']);
    expect(swapped[0]!.kind === 'review' && swapped[0]!.reasons[0]!.reason.code).toBe('scan.pages');
  });
});
