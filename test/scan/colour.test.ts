/**
 * A colour scan (the issue: "greyscale or colour"): cream paper, everything drawn in blue ballpoint, sent as a
 * colour JPEG through decodeScan as the server receives it. The lower contrast of blue on cream must not change a
 * confident reading: every row read is the truth, and plain strikes are decided.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScan, readStack, type GreyImage } from '../../src/scan/index.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { expectTruth, generator, strikeRound } from './support.ts';

const PAPER = [250, 244, 226] as const;
/** A row the reader leaves to the board; every other reason (the seal, the marks, the code) would be the colour's fault. */
const ROW_REASONS = new Set(['scan.row-uncertain', 'scan.row-partial']);
const BLUE = [28, 52, 150] as const;

/** The grey page as a colour scan: each pixel between the paper's colour and the pen's by its darkness. */
const colourJpeg = (page: GreyImage): Promise<Buffer> => {
  const rgb = Buffer.alloc(page.width * page.height * 3);
  for (let i = 0; i < page.data.length; i++) {
    const ink = 1 - page.data[i]! / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(PAPER[c]! * (1 - ink) + BLUE[c]! * ink);
  }
  return sharp(rgb, { raw: { width: page.width, height: page.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
};

describe('scan: colour scans', () => {
  let g: Generator;
  beforeAll(async () => { g = await generator(strikeRound()); }, 60_000);

  it('reads blue ink on cream paper, sent as colour JPEG, as the truth', async () => {
    let uncertainRows = 0;
    const reasons = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const b = await generateBallot(g, { seed, degrade: 'none', stamped: true, writingOutside: false, pNonStrike: 0, pPartial: 0 });
      const file = await colourJpeg(b.pages[0]!);
      expect((await sharp(file).metadata()).channels).toBe(3);
      const pages = await decodeScan(file);
      if (!pages.ok) throw new Error(pages.error.message_en);
      const { ballots } = readStack(pages.value, g.target);
      expect(ballots).toHaveLength(1);
      uncertainRows += expectTruth(b, ballots[0]!.rows);
      if (ballots[0]!.kind === 'review') for (const r of ballots[0]!.reasons) reasons.add(r.reason.code);
    }
    // Every name read right; at most a hard strike (a thin line starting and ending inside words) left to the board,
    // and nothing else sent there: the seal (here blue too) found wherever it was pressed.
    expect(uncertainRows).toBeLessThanOrEqual(2);
    expect([...reasons].filter((r) => !ROW_REASONS.has(r))).toEqual([]);
  }, 120_000);
});
