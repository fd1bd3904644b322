/**
 * Marks the default test set does not make, and what lands on a sheet without the voter (src/scan/testing/variety.ts):
 * the generator draws each kind and records the board's answer; the reader never reads a fold across the sheet as a
 * strike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../../src/scan/index.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { PENS } from '../../src/scan/testing/human.ts';
import { SHEET_NOISES, VARIETY_MARKS, VARIETY_TRUTH, type VarietyMark } from '../../src/scan/testing/variety.ts';
import { generator, said, strikeRound } from './support.ts';

let g: Generator;
let g150: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
  g150 = await generator(strikeRound(), 150);
}, 120_000);

/** What the reader said of the rows drawn with `mark` on every other row (the rest bare), seeds [from, to). */
const readMarks = async (gen: Generator, mark: VarietyMark, from: number, to: number): Promise<string[]> => {
  const states: string[] = [];
  for (let seed = from; seed < to; seed++) {
    const b = await generateBallot(gen, {
      seed, stamped: true, writingOutside: false,
      plan: (i) => (i % 2 === 0 ? { kind: 'variety', mark, pen: mark === 'pencil-strike' ? 'pencil' : PENS[(seed + i) % PENS.length]! } : { kind: 'none' }),
    });
    const { ballots } = readStack(b.pages, gen.target);
    for (const r of ballots[0]!.rows) if (b.truth.plans.get(r.candidateId)?.kind === 'variety') states.push(said(r));
  }
  return states;
};

/** Pixels darker than the paper on the first page. */
const darkPixels = (data: Uint8Array): number => data.reduce((n, v) => n + (v < 200 ? 1 : 0), 0);

describe('the variety generator', () => {
  it('draws every kind of mark on its row and records the board\'s answer', async () => {
    const clean = await generateBallot(g, { seed: 3, degrade: 'none', stamped: false, writingOutside: false, plan: () => ({ kind: 'none' }) });
    const b = await generateBallot(g, {
      seed: 3, degrade: 'none', stamped: false, writingOutside: false,
      plan: (i) => (i < VARIETY_MARKS.length ? { kind: 'variety', mark: VARIETY_MARKS[i]!, pen: 'ballpoint' } : { kind: 'none' }),
    });
    const ids = [...b.truth.rows.keys()];
    VARIETY_MARKS.forEach((mark, i) => expect(b.truth.rows.get(ids[i]!), mark).toBe(VARIETY_TRUTH[mark]));
    expect(darkPixels(b.pages[0]!.data)).toBeGreaterThan(darkPixels(clean.pages[0]!.data));
  });

  it('puts noise on the sheet only when asked, and a digit in the margin is writing outside', async () => {
    const plain = await generateBallot(g, { seed: 4, degrade: 'none', stamped: true, writingOutside: false });
    expect(plain.truth.noise).toEqual([]);
    const clean = await generateBallot(g, { seed: 4, degrade: 'none', stamped: true, writingOutside: false, noise: [] });
    for (const noise of SHEET_NOISES) {
      const b = await generateBallot(g, { seed: 4, degrade: 'none', stamped: true, writingOutside: false, noise: [noise] });
      expect(b.truth.noise).toEqual([noise]);
      expect(b.truth.writingOutside, noise).toBe(noise === 'margin-digit');
      // The same rows as without the noise: it has numbers of its own.
      expect(b.truth.plans, noise).toEqual(clean.truth.plans);
      expect(b.pages[0]!.data.some((v, q) => v !== clean.pages[0]!.data[q]), noise).toBe(true);
    }
  });
});

describe('a fold across the sheet', () => {
  // 200 dpi seeds 9,000–9,005, nothing drawn: the fold crossed names on several; seed 9,001 row 1 was read struck.
  it('is never read as a strike: a name it crosses goes to the board', async () => {
    let crossed = 0;
    for (let seed = 9000; seed < 9006; seed++) {
      const b = await generateBallot(g, { seed, stamped: true, writingOutside: false, noise: ['fold'], plan: () => ({ kind: 'none' }) });
      const { ballots } = readStack(b.pages, g.target);
      for (const r of ballots[0]!.rows) {
        expect(said(r), `seed ${seed} ${r.candidateId}`).not.toBe('struck');
        if (said(r) !== 'kept') crossed++;
      }
    }
    expect(crossed).toBeGreaterThan(0);
  }, 120_000);

  it('leaves a strike that runs on into the number column struck', async () => {
    const b = await generateBallot(g, {
      seed: 9010, stamped: true, writingOutside: false,
      plan: (i) => (i % 2 === 0 ? { kind: 'variety', mark: 'overrun-number', pen: 'ballpoint' } : { kind: 'none' }),
    });
    const { ballots } = readStack(b.pages, g.target);
    const states = ballots[0]!.rows.map((r) => `${said(r)} ${b.truth.rows.get(r.candidateId)}`);
    expect(states.filter((s) => s === 'struck struck').length).toBeGreaterThanOrEqual(8);
    expect(states.filter((s) => s.startsWith('struck') && !s.endsWith('struck'))).toEqual([]);
  }, 60_000);
});

describe('a pencil line through the whole name', () => {
  // 150 dpi seeds 9,000–9,002: 8 of 27 pencil strikes were read kept (light grey in pieces, no run of faint ink long
  // enough); now none: struck, or the board.
  it('is never read as no mark', async () => {
    const states = await readMarks(g150, 'pencil-strike', 9000, 9003);
    expect(states.filter((x) => x === 'kept')).toEqual([]);
  }, 120_000);
});

describe('a highlighter over the name', () => {
  // 200 dpi seeds 9,000–9,001: of 18, 9 were read struck and 7 kept; the board rules what a highlighter meant.
  it('goes to the board', async () => {
    const states = await readMarks(g, 'highlighter', 9000, 9002);
    expect(states.filter((x) => x === 'kept' || x === 'struck')).toEqual([]);
  }, 120_000);
});

describe('a digit written in the margin', () => {
  // 6–29 pt² of ink (median ~17): under the former 20 pt² threshold, 9 of 26 such ballots at 200 dpi (variety mix,
  // seeds 90,001+) were decided as if nothing were written outside.
  it('is writing outside the rows: the ballot goes to the board', async () => {
    for (let seed = 9000; seed < 9006; seed++) {
      const b = await generateBallot(g, { seed, stamped: true, writingOutside: false, noise: ['margin-digit'] });
      const { sheets, ballots } = readStack(b.pages, g.target);
      const sheet = sheets[0]!;
      expect(sheet.kind === 'read' && sheet.page.writingOutside, `seed ${seed}: ${sheet.kind === 'read' ? sheet.page.outsideInk : sheet.kind} pt²`).toBe(true);
      expect(ballots[0]!.kind, `seed ${seed}`).toBe('review');
    }
  }, 120_000);
});
