/**
 * Review queue images: each reason with the image the board needs — the row (or the seal's corner) cut out upright
 * from the scan, or the whole sheet when it could not be registered or the flag concerns all of it. A ballot's crops
 * are sampled as grey pixels straight into their places one under another, in pixels kept from one image to the next,
 * laid out as PNG rows (png-grey.ts): one PNG is written around them, and a scan is never decoded again.
 */
import type { CandidateId, RuleError } from '../rules/index.ts';
import type { BallotReading, ReviewReason } from './ballot.ts';
import { shrinkByMeanInto, type GreyImage } from './image.ts';
import { greyPng } from './png-grey.ts';
import { sampledSize, samplePageInto, type SampleTarget } from './sample.ts';
import { scratch } from './scratch.ts';
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
 * zlib's level for a review image: stored (0) when it holds a whole page, 1 when only crops. Review images are shown
 * once or twice on the hall's network, not archived. A whole page (1000 × 1414) took 16–23 ms at level 1 for
 * 0.6–1.4 MB, 11–18 ms stored for 1.4 MB (through sharp; CPU, 6 pages with writing outside, load 20); row crops hardly
 * gain (1.1–2.7 → 1.0–2.2 ms) and would double in size (30–110 → 90–180 KB): they stay compressed.
 */
const levelFor = (parts: readonly Part[]): number => (parts.some((p) => p.whole) ? 0 : 1);

/** A sheet that could not be registered, as scanned, shrunk by whole steps (mean of f × f) to at most WHOLE_WIDTH. */
const shrunk = (img: GreyImage, r: ReviewReason): Part => {
  const f = Math.max(1, Math.ceil(img.width / WHOLE_WIDTH));
  return {
    reason: r, width: Math.floor(img.width / f), height: Math.floor(img.height / f), whole: true,
    draw: ({ data, at, stride }) => shrinkByMeanInto(img, f, data, at, stride),
  };
};

/** The image of one reason, not yet drawn: its size, and how to draw it at a place of the image the board sees. */
interface Part {
  readonly reason: ReviewReason;
  readonly width: number;
  readonly height: number;
  readonly draw: (into: SampleTarget) => void;
  /** The whole sheet, not a crop. */
  readonly whole: boolean;
}

/** The image of one reason: its box upright at 200 dpi, the whole page upright, or the scan itself. */
const partOf = (r: ReviewReason, outcome: SheetOutcome | undefined, img: GreyImage, page: { width: number; height: number }): Part => {
  if (outcome?.kind !== 'read') return shrunk(img, r);
  const t = outcome.registration.transform;
  const [box, perPoint] = r.box === null
    ? [{ x: 0, y: 0, ...page }, Math.min(CROP_PER_POINT, WHOLE_WIDTH / page.width)]
    : [{ x: r.box.x - 6, y: r.box.y - 6, width: r.box.width + 12, height: r.box.height + 12 }, CROP_PER_POINT];
  return { reason: r, ...sampledSize(box, perPoint), draw: (into) => samplePageInto(img, t, box, perPoint, into), whole: r.box === null };
};

/** The images of the reasons of a ballot, in order: each sheet's whole-page image once, however many reasons share it. */
const parts = (reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number }): Part[] => {
  if (reading.kind === 'decided') return [];
  const whole = new Set<number>();
  return reading.reasons.flatMap((r) => {
    const img = images[r.sheet];
    if (img === undefined) return [];
    const outcome = outcomes.find((o) => o.sheet === r.sheet);
    const isWhole = outcome?.kind !== 'read' || r.box === null;
    if (isWhole && whole.has(r.sheet)) return [];
    if (isWhole) whole.add(r.sheet);
    return [partOf(r, outcome, img, page)];
  });
};

/**
 * The parts drawn one under another on white into `data` laid out as PNG rows (each row its filter byte, 0, then
 * `width` pixels), and their PNG.
 */
const drawn = (all: readonly Part[], width: number, height: number, data: Uint8Array): Buffer => {
  const stride = width + 1;
  data.fill(255);
  for (let j = 0; j < height; j++) data[j * stride] = 0;
  let top = 0;
  for (const p of all) {
    p.draw({ data, at: top * stride + 1, stride });
    top += p.height;
  }
  return greyPng({ width, height, rows: data }, levelFor(all));
};

/** The review items of one ballot, each with its own PNG; `images[i]` is sheet i, `outcomes` the sheets as read. */
export const reviewItems = (
  reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number },
): ReviewItem[] => parts(reading, outcomes, images, page).map((p) => (
  { sheet: p.reason.sheet, candidateId: p.reason.candidateId, reason: p.reason.reason, png: drawn([p], p.width, p.height, new Uint8Array((p.width + 1) * p.height)) }
));

/**
 * The pixels of the last review image, kept for the next one: a whole page is 1.4 million pixels, and a new array of
 * that size each time brought the collector into the review image's time. An image over CANVAS_MOST pixels gets an
 * array of its own. The image is drawn and written without a pause (no await), so one image at a time uses them.
 */
const CANVAS_MOST = 4_000_000;
const canvas = scratch((n) => new Uint8Array(n), false, CANVAS_MOST);

/**
 * The review image of one ballot: its crops one under another (white where narrower), one PNG; null when none.
 * Made at once, in the caller's thread (a reading thread's, for a form of one page: sheet-worker.ts).
 */
export const reviewPng = (
  reading: BallotReading, outcomes: readonly SheetOutcome[], images: readonly (GreyImage | undefined)[], page: { width: number; height: number },
): Buffer | null => {
  const all = parts(reading, outcomes, images, page);
  if (all.length === 0) return null;
  const width = Math.max(...all.map((p) => p.width));
  const height = all.reduce((h, p) => h + p.height, 0);
  return drawn(all, width, height, canvas((width + 1) * height));
};
