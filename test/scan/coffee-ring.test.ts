/**
 * A cup's ring over the names (src/scan/testing/variety.ts 'coffee-ring'; src/scan/coffee-ring.ts): its pale rim never
 * makes a stroke through part of a name whole, nor a name under it kept where a stroke crosses it.
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

describe('a cup\'s ring over the names', () => {
  // Stress ballots with three rings each (every other row a stroke through part of the name): where the rim crosses the
  // letters' band beside the stroke, the two made one line across the name, read struck with confidence (200 dpi).
  it('never joins a stroke through part of a name into a strike: the board looks', async () => {
    // 7,116 c011: the ring that crosses it beside another; 7,229 c017: a ballpoint through half a word, its ink as
    // light as a rim's, read kept once a bare name under a rim was read again without it (not done).
    for (const [seed, id] of [[7001, 'c001'], [7017, 'c009'], [7022, 'c015'], [7116, 'c011'], [7229, 'c017']] as const) {
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
