/**
 * Where the generator's paper puts the printed names. Rendered at the scan's own resolution, pdftoppm sets every line
 * of text on whole pixels of it (at 150 dpi the names stand 0.24 pt high); printed (a printer's 600 dpi, averaged to
 * the scan's pixels), they stand where the PDF puts them, as on paper.
 */
import { describe, expect, it } from 'vitest';
import { renderBallotPdf } from '../../src/documents/pdf/ballot-pdf.ts';
import { FORM_PER_POINT, type RowGuide } from '../../src/scan/form.ts';
import { greyImage, shrinkByMean, type GreyImage } from '../../src/scan/image.ts';
import { rasterisePdf } from '../../src/scan/input.ts';
import { prepareGenerator } from '../../src/scan/testing/generate.ts';
import { ballotInput, strikeRound } from './support.ts';

/** The ink-weighted middle of a row's printed name, in points down the page. */
const inkMiddle = (img: GreyImage, perPoint: number, g: RowGuide): number => {
  let sum = 0;
  let at = 0;
  for (let j = Math.floor((g.bandTop - 4) * perPoint); j < Math.ceil((g.baseline + 4) * perPoint); j++) {
    for (let i = Math.floor((g.textX0 - 1) * perPoint); i < Math.ceil((g.textX1 + 1) * perPoint); i++) {
      const v = 255 - img.data[j * img.width + i]!;
      sum += v;
      at += v * ((j + 0.5) / perPoint);
    }
  }
  return at / sum;
};

describe('the printed names on the generated paper', () => {
  it('shrinkByMean averages each block of pixels, dropping the last partial ones', () => {
    const img = greyImage(5, 4, 0);
    img.data.set([0, 100, 200, 40, 9, 50, 250, 80, 120, 9, 10, 20, 30, 40, 9, 90, 110, 130, 150, 9]);
    const small = shrinkByMean(img, 2);
    expect([small.width, small.height]).toEqual([2, 2]);
    // (0 + 100 + 50 + 250) / 4, (200 + 40 + 80 + 120) / 4, (10 + 20 + 90 + 110) / 4 = 57.5, (30 + 40 + 130 + 150) / 4 = 87.5
    expect(Array.from(small.data)).toEqual([100, 110, 58, 88]);
  });

  it('printed (the default), at 150, 200 and 300 dpi, and the blank form: within 0.1 pt of a 600 dpi rendering; rendered at 150 dpi: 0.2 pt or more high', async () => {
    const input = ballotInput(strikeRound());
    const pdf = await renderBallotPdf(input);
    if (!pdf.ok) throw new Error(pdf.error.message_en);
    const fine = await rasterisePdf(pdf.value, 600);
    if (!fine.ok) throw new Error(fine.error.message_en);
    const made = async (dpi: number, printing?: 'printed' | 'rendered') => {
      const g = await prepareGenerator(input, dpi, printing);
      if (!g.ok) throw new Error(g.error.message_en);
      return g.value;
    };
    const first = await made(150, 'rendered');
    const rows = first.target.pages[0]!.rows.slice(0, 6);
    const truth = rows.map((g) => inkMiddle(fine.value[0]!, 600 / 72, g));
    rows.forEach((row, n) => expect(truth[n]! - inkMiddle(first.clean[0]!, 150 / 72, row)).toBeGreaterThan(0.2));
    for (const dpi of [150, 200, 300]) {
      const g = await made(dpi, 'printed');
      rows.forEach((row, n) => expect(Math.abs(inkMiddle(g.clean[0]!, dpi / 72, row) - truth[n]!)).toBeLessThan(0.1));
    }
    // The blank form the reader compares with sets the names where the PDF does too (0.38 pt high when it was rendered at 144 dpi).
    const blank = first.target.pages[0]!.blank;
    rows.forEach((row, n) => expect(Math.abs(inkMiddle(blank, FORM_PER_POINT, row) - truth[n]!)).toBeLessThan(0.1));
    // The generator's paper is printed unless told.
    const byDefault = await made(150);
    const printed = await made(150, 'printed');
    expect(Buffer.from(byDefault.clean[0]!.data).equals(Buffer.from(printed.clean[0]!.data))).toBe(true);
  }, 120_000);
});
