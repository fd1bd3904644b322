/**
 * A cup's ring over the names (src/scan/testing/variety.ts 'coffee-ring'; src/scan/coffee-ring.ts): its pale rim is
 * no stroke of the voter's — a bare name it crosses is kept — and never makes a stroke through part of a name whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../../src/scan/index.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { everyOtherPartial } from '../../src/scan/testing/stress.ts';
import { generator, said, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

/** The variety bench's mix (bench/scan.bench.ts SCAN_BENCH_VARIETY=1), to read its ballots again. */
const VARIETY_BENCH_MIX = { pStrike: 0.3, pNonStrike: 0.08, pPartial: 0.01, pNoStamp: 0.01, pOutside: 0.01, pVariety: 0.1, pNoise: 0.5 } as const;

describe('a cup\'s ring over the names', () => {
  // Variety bench seeds 140,069 (c008, c009) and 140,070 (c013), 200 dpi: the rim across the letters' band was read as
  // a stroke through part of the name; both ballots needed nobody and went to the board.
  it('is no stroke: a bare name under its rim is kept', async () => {
    for (const [seed, ids] of [[140_069, ['c008', 'c009']], [140_070, ['c013']]] as const) {
      const b = await generateBallot(g, { seed, ...VARIETY_BENCH_MIX });
      expect(b.truth.noise).toEqual(['coffee-ring']);
      const { ballots } = readStack(b.pages, g.target);
      for (const id of ids) {
        expect(b.truth.plans.get(id), `${seed} ${id}`).toEqual({ kind: 'none' });
        expect(said(ballots[0]!.rows.find((r) => r.candidateId === id)!), `${seed} ${id}`).toBe('kept');
      }
      expect(ballots[0]!.kind, `seed ${seed}`).toBe('decided');
    }
  }, 120_000);

  // Stress ballots with three rings each (every other row a stroke through part of the name): where the rim crosses the
  // letters' band beside the stroke, the two made one line across the name, read struck with confidence (200 dpi).
  it('never joins a stroke through part of a name into a strike: the board looks', async () => {
    for (const [seed, id] of [[7001, 'c001'], [7017, 'c009'], [7022, 'c015']] as const) {
      const b = await generateBallot(g, { seed, stamped: true, writingOutside: false, plan: everyOtherPartial(seed), noise: ['coffee-ring', 'coffee-ring', 'coffee-ring'] });
      expect(b.truth.rows.get(id), `${seed} ${id}`).toBe('partial');
      const { ballots } = readStack(b.pages, g.target);
      expect(said(ballots[0]!.rows.find((r) => r.candidateId === id)!), `${seed} ${id}`).not.toBe('struck');
      expect(said(ballots[0]!.rows.find((r) => r.candidateId === id)!), `${seed} ${id}`).not.toBe('kept');
    }
  }, 120_000);

  it('leaves whole strikes under it struck', async () => {
    const wrong: string[] = [];
    for (let seed = 7000; seed < 7010; seed++) {
      const b = await generateBallot(g, { seed, stamped: true, writingOutside: false, plan: everyOtherPartial(seed), noise: ['coffee-ring', 'coffee-ring', 'coffee-ring'] });
      const { ballots } = readStack(b.pages, g.target);
      for (const r of ballots[0]!.rows) if (b.truth.rows.get(r.candidateId) === 'struck' && said(r) !== 'struck') wrong.push(`${seed} ${r.candidateId} ${said(r)}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
