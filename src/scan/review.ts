/**
 * Review queue items: each reason with the image the board needs — the row (or stamp box) cut out upright
 * from the scan, or the whole sheet when it could not be registered or the flag concerns all of it.
 */
import sharp from 'sharp';
import type { CandidateId, RuleError } from '../rules/index.ts';
import type { BallotReading } from './ballot.ts';
import type { GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import type { SheetOutcome } from './sheet.ts';

export interface ReviewItem {
  readonly sheet: number;
  readonly candidateId: CandidateId | null;
  readonly reason: RuleError;
  /** PNG, greyscale: the row at 200 dpi with 6 pt around it, or the whole sheet at most 1,200 px wide. */
  readonly png: Buffer;
}

const CROP_PER_POINT = 200 / 72;
const WHOLE_WIDTH = 1200;

export const encodePng = (img: GreyImage): Promise<Buffer> =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).png().toBuffer();

const wholeSheet = (img: GreyImage): Promise<Buffer> =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .resize({ width: Math.min(WHOLE_WIDTH, img.width) }).png().toBuffer();

/** The review items of one ballot; `images[i]` is sheet i, `outcomes` the sheets as read. */
export const reviewItems = async (
  reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly GreyImage[],
): Promise<ReviewItem[]> => {
  if (reading.kind === 'decided') return [];
  const items: ReviewItem[] = [];
  for (const r of reading.reasons) {
    const img = images[r.sheet];
    if (img === undefined) continue;
    const outcome = outcomes.find((o) => o.sheet === r.sheet);
    const png = outcome?.kind === 'read' && r.box !== null
      ? await encodePng(samplePage(img, outcome.registration.transform,
        { x: r.box.x - 6, y: r.box.y - 6, width: r.box.width + 12, height: r.box.height + 12 }, CROP_PER_POINT))
      : await wholeSheet(img);
    items.push({ sheet: r.sheet, candidateId: r.candidateId, reason: r.reason, png });
  }
  return items;
};
