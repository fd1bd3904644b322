/**
 * Marks the default test set does not make, and what lands on a sheet without the voter (src/scan/testing/variety.ts):
 * the generator draws each kind and records the board's answer; the reader never reads a fold across the sheet as a
 * strike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../../src/scan/index.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { SHEET_NOISES, VARIETY_MARKS, VARIETY_TRUTH } from '../../src/scan/testing/variety.ts';
import { generator, said, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

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
      expect(b.pages[0]!.data, noise).not.toEqual(clean.pages[0]!.data);
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
