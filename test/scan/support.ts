/** Shared fixtures of the scan tests: the seed congress's ballots and a check of readings against the truth. */
import { expect } from 'vitest';
import { HEADER, candidates, round } from '../../src/documents/fixtures/congress.ts';
import type { BallotInput, ElectionRound } from '../../src/documents/model.ts';
import type { RowReading } from '../../src/scan/index.ts';
import { prepareGenerator, type GeneratedBallot, type Generator, type Printing } from '../../src/scan/testing/generate.ts';

/** 18 names for 15 seats: a strike-out list on one A4 page. */
export const strikeRound = (over: Partial<ElectionRound> = {}): ElectionRound =>
  round({ kind: 'committee', seats: 15, candidates: candidates(18), ...over });
/** 9 names for 9 seats: agree / disagree boxes. */
export const marksRound = (): ElectionRound => round({ kind: 'committee', seats: 9, candidates: candidates(9) });
/** 60 names for 50 seats: two columns, two A4 pages. */
export const bigRound = (): ElectionRound => round({ kind: 'committee', seats: 50, candidates: candidates(60) });

export const ballotInput = (r: ElectionRound): BallotInput => ({ header: HEADER, round: r });

export const generator = async (r: ElectionRound, dpi = 200, printing?: Printing): Promise<Generator> => {
  const g = await prepareGenerator(ballotInput(r), dpi, printing);
  if (!g.ok) throw new Error(g.error.message_en);
  return g.value;
};

/** What the reader said of a row, in the words of the truth. */
export const said = (r: RowReading): string => (r.kind === 'strike' ? r.state : r.mark ?? 'uncertain');

/**
 * Every confident reading (struck, kept, a clear mark) equals the ground truth; a partial strike is never read
 * confidently. Returns the number of rows that went to review (partly struck or uncertain), for the caller to bound.
 */
export const expectTruth = (b: GeneratedBallot, rows: readonly RowReading[]): number => {
  let uncertain = 0;
  for (const r of rows) {
    const truth = b.truth.rows.get(r.candidateId);
    const got = said(r);
    const plan = JSON.stringify(b.truth.plans.get(r.candidateId));
    if (got === 'uncertain' || got === 'partial') {
      uncertain++;
      continue;
    }
    expect(truth, `${r.candidateId} ${plan}`).not.toBe('partial');
    expect(got, `${r.candidateId} ${plan}`).toBe(truth);
  }
  return uncertain;
};
