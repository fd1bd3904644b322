/**
 * Name rows of phone photos that need nobody, which the reader sent to the board (bench/scan-photo.bench.ts with
 * SCAN_PHOTO_WHY=1): a row with no ink at all, a circle round a name, an underline under it. Each is read kept now,
 * and every other row of the photo as its truth says (or left to the board), never a confident wrong reading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScan } from '../../src/scan/input.ts';
import { readPhoto } from '../../src/scan/photo.ts';
import type { Generator, RowPlan } from '../../src/scan/testing/generate.ts';
import { generatePhoto, nameVariation, type GeneratedPhoto } from '../../src/scan/testing/photo.ts';
import { expectTruth, generator, said, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

const rowsOf = async (p: GeneratedPhoto): Promise<ReturnType<typeof readPhoto>['outcome']> => {
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  return readPhoto(pages.value[0]!, g.target, 0).outcome;
};

/** A photo of the bench (its seed and mix), and the row it sent to the board though it needs nobody. */
const benchRowKept = (seed: number, candidateId: string): Promise<void> => benchRow(seed, candidateId, 'kept');

const benchRow = async (seed: number, candidateId: string, truth: 'kept' | 'struck'): Promise<void> => {
  const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
  const outcome = await rowsOf(p);
  const name = `seed ${seed}, ${candidateId} ${JSON.stringify(p.ballot.truth.plans.get(candidateId))}: ${nameVariation(p.variation)}`;
  expect(outcome.kind, name).toBe('read');
  if (outcome.kind !== 'read') return;
  const row = outcome.page.rows.find((r) => r.candidateId === candidateId)!;
  expect(said(row), name).toBe(truth);
  expectTruth(p.ballot, outcome.page.rows);
};

describe('scan: rows of phone photos that need nobody', () => {
  it('never leaves uncertain a row with no ink at all: the blurred edges of its letters are not a faint line (1080p, blur σ 1)', async () => {
    // At about 1 px/pt, blurred, the letters of "Lê Văn Khánh" left faint specks along their edges; the faint
    // crossing closed its gaps under the letters and read 0.41 of the name as a faint line (0.4 allowed).
    await benchRowKept(10_079, 'c009');
    await benchRowKept(10_166, 'c009');
    // A circle round "…" too: its faint specks read 0.41 of the name.
    await benchRowKept(10_166, 'c016');
    for (const seed of [1, 2]) {
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, variation: { camera: '1080p', blur: 1, shadow: 0.3 }, plan: () => ({ kind: 'none' }) });
      const outcome = await rowsOf(p);
      expect(outcome.kind).toBe('read');
      if (outcome.kind !== 'read') continue;
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(outcome.page.rows.filter((r) => said(r) !== 'kept').map((r) => r.candidateId), name).toEqual([]);
    }
  }, 300_000);

  it('keeps a name circled, whose circle\'s sides cross the letters\' band beside it (no stroke reaching in from the pad)', async () => {
    await benchRowKept(10_000, 'c004');
    await benchRowKept(10_052, 'c017');
  }, 300_000);

  it('keeps a name underlined a few points under it: the row\'s alignment on its printed name is not drawn onto the underline', async () => {
    // A thick underline in the window matched against the blank form pulled the map 1.5 pt off (the largest shift),
    // and the letters' feet read as pen ink across the name.
    await benchRowKept(10_011, 'c005');
    await benchRowKept(10_188, 'c017');
  }, 300_000);

  it('strikes a name struck twice with a felt pen whose lower line runs under the letters (more of its ink shows than the upper one\'s)', async () => {
    await benchRow(10_005, 'c006', 'struck');
    // Double strikes, underlines close and far, tight and open circles, in turn: none read wrong.
    const plans: RowPlan[] = [
      { kind: 'strike', shape: 'double', pen: 'felt-pen' }, { kind: 'non-strike', mark: 'underline-close', pen: 'felt-pen' },
      { kind: 'non-strike', mark: 'circle-tight', pen: 'ballpoint' }, { kind: 'strike', shape: 'double-slanted', pen: 'gel-pen' },
      { kind: 'non-strike', mark: 'circle-open', pen: 'ballpoint' }, { kind: 'non-strike', mark: 'underline', pen: 'felt-pen' },
    ];
    for (const seed of [1, 2]) {
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, variation: { camera: '1080p' }, plan: (i) => plans[i % plans.length]! });
      const outcome = await rowsOf(p);
      expect(outcome.kind).toBe('read');
      if (outcome.kind === 'read') expect(expectTruth(p.ballot, outcome.page.rows), nameVariation(p.variation)).toBeLessThanOrEqual(4);
    }
  }, 300_000);
});
