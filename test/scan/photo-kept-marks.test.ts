/**
 * Names circled or dotted on phone photos, which need nobody and went to the board (bench/scan-photo.bench.ts with
 * SCAN_PHOTO_WHY=1): the circle's end coming back into the row's sample as a piece of its own; the circle's sides
 * and a pen dot on the letters, which the strike reader kept, read again as a line by the check against the blurred
 * blank form (photo-soft.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScan } from '../../src/scan/input.ts';
import { readPhoto, rectifyPhoto } from '../../src/scan/photo.ts';
import { readSheet, type SheetOutcome } from '../../src/scan/sheet.ts';
import type { Generator } from '../../src/scan/testing/generate.ts';
import { generatePhoto, nameVariation } from '../../src/scan/testing/photo.ts';
import { FORM_PER_POINT } from '../../src/scan/form.ts';
import type { BlankResidual } from '../../src/scan/photo-blank-model.ts';
import { tickLeftOut, ticksLeftOut } from '../../src/scan/photo-kept-marks.ts';
import { expectTruth, generator, said, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

const BENCH_MARKING = { pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 } as const;

/** The bench photo's row `candidateId` as read by the strike reader alone (readSheet) or as the server reads it (readPhoto). */
const benchRow = async (seed: number, candidateId: string, how: 'strike reader' | 'server'): Promise<void> => {
  const p = await generatePhoto(g, { seed, ...BENCH_MARKING });
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  let outcome: SheetOutcome;
  if (how === 'server') outcome = readPhoto(pages.value[0]!, g.target, 0).outcome;
  else {
    const r = rectifyPhoto(pages.value[0]!, g.target.layout);
    if (!r.ok) throw new Error(r.error.message_en);
    outcome = readSheet(r.value.image, g.target, 0, { photo: { pxPerPt: r.value.marks.pxPerPt } });
  }
  const name = `seed ${seed}, ${candidateId} ${JSON.stringify(p.ballot.truth.plans.get(candidateId))}: ${nameVariation(p.variation)}`;
  expect(outcome.kind === 'rejected' ? outcome.reason.code : outcome.kind, name).toBe('read');
  if (outcome.kind !== 'read') return;
  expect(p.ballot.truth.rows.get(candidateId), name).toBe('kept');
  expect(said(outcome.page.rows.find((r) => r.candidateId === candidateId)!), name).toBe('kept');
  expectTruth(p.ballot, outcome.page.rows);
};

/** A residual `w` × `h` (form pixels, FORM_PER_POINT a point) with `ink` levels along the polyline `points` (pixels), 1 px wide. */
const residualWith = (w: number, h: number, points: readonly (readonly [number, number])[], ink: number): BlankResidual => {
  const residual = new Float32Array(w * h);
  for (let n = 1; n < points.length; n++) {
    const [ax, ay] = points[n - 1]!, [bx, by] = points[n]!;
    const steps = Math.max(Math.abs(bx - ax), Math.abs(by - ay));
    for (let s = 0; s <= steps; s++) residual[Math.round(ay + ((by - ay) * s) / steps) * w + Math.round(ax + ((bx - ax) * s) / steps)] = ink;
  }
  return { width: w, height: h, residual, model: new Float32Array(w * h).fill(255), sigma: 1.1, spread: 3, i0: 16, i1: w - 16, j0: 11, j1: 33 };
};

describe('scan: names circled or dotted on phone photos', () => {
  it('keeps a name circled whose circle\'s end comes back into the row as a piece of its own, reaching a column or two into its last or first letter', async () => {
    // 160,011 (12 MP, thin ballpoint: the closing tail, the circle wider than the row's sample), 170,046 (8 MP, an
    // open circle's lower end over the last "g"), 180,007 (1080p, an open circle's left end): read as a pen line
    // from the pad into the name (fromPad), sent to the board. Since the blank's bands moved to where the PDF puts the
    // names (the generator draws marks by them), 170,046 and 180,007 draw other marks there: an open gel circle on an
    // 8 MP photo (170,032 c015) stands for them.
    await benchRow(160_011, 'c008', 'strike reader');
    await benchRow(170_032, 'c015', 'strike reader');
  }, 300_000);

  it('keeps a name circled on a 1080p photo whose circle the strike reader cleared: its sides by the name\'s ends are no line along the letters against the blurred blank', async () => {
    // 180,008 (a tight ballpoint circle, blurred: run 42 against LINE_LEVEL 40) and 180,067 (a gel circle, sharp:
    // run 148 against SHARP_LINE_LEVEL 48), both read kept by the strike reader, sent to the board by photo-soft.ts.
    // Since the bands moved, 180,008 draws another mark there: a tight thin-ballpoint circle on a 1080p photo (180,047
    // c013) stands for it.
    await benchRow(180_047, 'c013', 'server');
    await benchRow(180_067, 'c004', 'server');
  }, 300_000);

  it('keeps a name with a pen dot on its letters on a sharp 1080p photo: the dot is no line along the letters against the blurred blank', async () => {
    // 170,024 (1080p, 1.14 px/pt, a ballpoint dot between "n" and "H"): kept by the strike reader (a dot on the
    // letters), its blob 87 darker than the blurred blank along a run (SHARP_LINE_LEVEL 48), sent to the board.
    await benchRow(170_024, 'c007', 'server');
  }, 300_000);

  it('keeps a name with a tick over its letters on a sharp 1080p photo: the tick\'s V is no line along the letters against the blurred blank', async () => {
    // 640,005 c009 (1080p, 0.91 px/pt, sharp, a gel pen: 212 against SHARP_LINE_LEVEL): kept by the strike reader
    // (clearTick), the tick's arms within the letters' band, sent to the board by photo-soft.ts. (520,001 and 640,035,
    // soft 3 MP photos at 1.70–1.72 px/pt kept so too, are now refused as blurred: photo-rows.test.ts.)
    await benchRow(640_005, 'c009', 'server');
  }, 300_000);

  it('keeps a name with a pen dot pressed on its letters on a 1080p or 3 MP photo: a blurred blob filling little more than half its box is still a dot', async () => {
    // 700,023 c017 (3 MP, 1.80 px/pt) and 700,027 c015 (1080p, 1.10 px/pt), a thin ballpoint: the row's one piece of pen
    // ink 3 × 4 and 3 × 3 pixels, 0.58 and 0.56 filled, pen ink in the letters' core: sent to the board by the strike
    // reader. 700,060 c006 (sharp 3 MP, 1.38 px/pt, a ballpoint by a letter's stem): kept by the strike reader, its blob
    // in the blurred-blank residual 4 × 8 pixels, 0.56 filled, under dotsLeftOut's 0.65: sent to the board by photo-soft.ts.
    await benchRow(700_023, 'c017', 'server');
    await benchRow(700_027, 'c015', 'server');
    await benchRow(700_060, 'c006', 'server');
  }, 300_000);

  it('keeps a name with a felt-pen tick over it on a 12 MP photo: the tick\'s sliver by its vertex goes with the tick', async () => {
    // 700,063 c011 (12 MP landscape, 2.98 px/pt): the tick cleared, a piece 1.5 × 1 pt, 106 levels darker than the
    // letters, by its vertex read as a strike's piece (strikePieceBesidePrint); the tick's slivers (tickSlivers) were
    // taken with it on scans only.
    await benchRow(700_063, 'c011', 'server');
  }, 300_000);

  it('leaves out of the residual the tick the strike reader cleared, its V broken by the letters; the rest of the row stays', () => {
    const k = FORM_PER_POINT;
    const dark = (r: BlankResidual): number => r.residual.reduce((a, v) => a + v, 0);
    // A tick's long arm alone (its vertex hidden by a letter): a slash, lowest at its left end — no V for ticksLeftOut.
    const arm = residualWith(200, 48, [[40 + 3 * k, 20 + 4 * k], [40 + 10 * k, 20 - 6 * k]], 120);
    expect(dark(ticksLeftOut(arm, 40))).toBe(dark(arm));
    const box = { x0: 40 - 4 * k, x1: 40 + 10 * k, y0: 20 - 6 * k, y1: 20 + 5 * k };
    expect(dark(tickLeftOut(arm, box))).toBe(0);
    expect(tickLeftOut(arm, undefined)).toBe(arm);
    // A line through a word beyond the tick's box stays.
    const line = residualWith(200, 48, [[100, 22], [100 + 10 * k, 23]], 120);
    expect(dark(tickLeftOut(line, box))).toBe(dark(line));
  });

  it('leaves out of the residual a tick\'s V only: a line through part of the name, a slash, stay', () => {
    const k = FORM_PER_POINT;
    const dark = (r: BlankResidual): number => r.residual.reduce((a, v) => a + v, 0);
    // A tick 10 pt wide, 11 pt tall (the generator's: down 5 pt to its vertex, up 11 pt to its top).
    const tick = residualWith(200, 48, [[40, 20], [40 + 3 * k, 20 + 5 * k], [40 + 10 * k, 20 - 6 * k]], 120);
    expect(dark(ticksLeftOut(tick, 40))).toBe(0);
    // A flat line 10 pt long through the letters' middle, and a slash rising 10 pt over 8 pt, lowest at its left end.
    const line = residualWith(200, 48, [[40, 22], [40 + 10 * k, 23]], 120);
    expect(dark(ticksLeftOut(line, 40))).toBe(dark(line));
    const slash = residualWith(200, 48, [[40, 36], [40 + 8 * k, 16]], 120);
    expect(dark(ticksLeftOut(slash, 40))).toBe(dark(slash));
    // A tick wider than a tick may be (20 pt): a stroke across the name, not a tick.
    const wide = residualWith(200, 48, [[20, 16], [20 + 6 * k, 16 + 4 * k], [20 + 20 * k, 12]], 120);
    expect(dark(ticksLeftOut(wide, 40))).toBe(dark(wide));
  });
});
