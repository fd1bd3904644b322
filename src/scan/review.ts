/**
 * Review queue images: each reason with the image the board needs — the row (or the seal's corner) cut out upright
 * from the scan, or the whole sheet when it could not be registered or the flag concerns all of it. Crops are cut
 * as grey pixels and a ballot's crops stacked one under another before one PNG is encoded: encoding is most of the
 * cost, and a scan is never decoded again.
 */
import sharp from 'sharp';
import type { CandidateId, RuleError } from '../rules/index.ts';
import type { BallotReading, ReviewReason } from './ballot.ts';
import { greyImage, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import type { SheetOutcome } from './sheet.ts';

export interface ReviewItem {
  readonly sheet: number;
  readonly candidateId: CandidateId | null;
  readonly reason: RuleError;
  /** PNG, greyscale: the row at 200 dpi with 6 pt around it, or the whole sheet at most 1,000 px wide (122 dpi: names still read). */
  readonly png: Buffer;
}

const CROP_PER_POINT = 200 / 72;
const WHOLE_WIDTH = 1000;

/**
 * Grey PNG, quickly compressed: review images are shown once or twice, not archived. One channel said outright:
 * sharp writes raw one-channel pixels as an RGB PNG otherwise (a third larger, a third slower to encode).
 */
export const encodePng = (img: GreyImage): Promise<Buffer> =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).toColourspace('b-w')
    .png({ compressionLevel: 2, adaptiveFiltering: false }).toBuffer();

/** A sheet that could not be registered, as scanned, shrunk by whole steps (mean of f × f) to at most WHOLE_WIDTH. */
const shrunk = (img: GreyImage): GreyImage => {
  const f = Math.max(1, Math.ceil(img.width / WHOLE_WIDTH));
  if (f === 1) return img;
  const out = greyImage(Math.floor(img.width / f), Math.floor(img.height / f));
  const area = f * f;
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const k = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += img.data[k + dx]!;
      }
      out.data[y * out.width + x] = (sum + (area >> 1)) / area;
    }
  }
  return out;
};

/** The image of one reason: its box upright at 200 dpi, the whole page upright, or the scan itself. */
const cropOf = (r: ReviewReason, outcome: SheetOutcome | undefined, img: GreyImage, page: { width: number; height: number }): GreyImage => {
  if (outcome?.kind !== 'read') return shrunk(img);
  const t = outcome.registration.transform;
  if (r.box === null) return samplePage(img, t, { x: 0, y: 0, ...page }, Math.min(CROP_PER_POINT, WHOLE_WIDTH / page.width));
  return samplePage(img, t, { x: r.box.x - 6, y: r.box.y - 6, width: r.box.width + 12, height: r.box.height + 12 }, CROP_PER_POINT);
};

/** One image of the reasons of a ballot, in order: each sheet's whole-page image once, however many reasons share it. */
const crops = (reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number }) => {
  if (reading.kind === 'decided') return [];
  const whole = new Set<number>();
  return reading.reasons.flatMap((r) => {
    const img = images[r.sheet];
    if (img === undefined) return [];
    const outcome = outcomes.find((o) => o.sheet === r.sheet);
    const isWhole = outcome?.kind !== 'read' || r.box === null;
    if (isWhole && whole.has(r.sheet)) return [];
    if (isWhole) whole.add(r.sheet);
    return [{ reason: r, image: cropOf(r, outcome, img, page) }];
  });
};

/** The review items of one ballot, each with its own PNG; `images[i]` is sheet i, `outcomes` the sheets as read. */
export const reviewItems = async (
  reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number },
): Promise<ReviewItem[]> => Promise.all(crops(reading, outcomes, images, page).map(async ({ reason: r, image }) =>
  ({ sheet: r.sheet, candidateId: r.candidateId, reason: r.reason, png: await encodePng(image) })));

/** The review image of one ballot: its crops one under another (white where narrower), one PNG; null when none. */
export const reviewPng = async (
  reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number },
): Promise<Buffer | null> => {
  const parts = crops(reading, outcomes, images, page).map((c) => c.image);
  if (parts.length === 0) return null;
  // One crop is its own image: not copied again (a whole page is 1.4 million pixels).
  if (parts.length === 1) return encodePng(parts[0]!);
  const width = Math.max(...parts.map((p) => p.width));
  const out = greyImage(width, parts.reduce((h, p) => h + p.height, 0));
  let top = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++) out.data.set(p.data.subarray(y * p.width, (y + 1) * p.width), (top + y) * width);
    top += p.height;
  }
  return encodePng(out);
};
