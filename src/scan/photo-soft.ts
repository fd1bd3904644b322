/**
 * Phone photos blurred for their resolution. A photo of few pixels a point shows a thin pen through part of a word as
 * a speck or two between the letters; blurred too, those specks fade to the level of the letters' own soft edges,
 * and the reader's thresholds on the grey cannot tell a name kept from one struck through half a syllable. Such a
 * photo (its printed letters' edges soft: `letterEdges`) was refused; it is now read against the blank form blurred
 * as the photo is (photo-blank-model.ts), which tells the line from the letters' edges: a name read kept whose
 * letters' middle holds a run darker than the blurred blank goes to the board — on photos whose letters are sharp.
 * A soft one under PHOTO.lowPxPerPt is refused, with what to do: there a thin ballpoint through half a word was read
 * kept at every resolution tried (1080p, and 3 MP up to 1.95 px/pt blurred by a true Gaussian).
 */
import { alignRow } from './align-row.ts';
import { ruleError, type RuleError } from '../rules/index.ts';
import type { FormPage, RowGuide, ScanTarget } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { blankResidual, darkestRun, SHARP_LINE_LEVEL } from './photo-blank-model.ts';
import { dotsLeftOut, marksBesideLeftOut, tickLeftOut, ticksLeftOut } from './photo-kept-marks.ts';
import type { RowReading } from './read-rows.ts';
import { sampleRow } from './row-sample.ts';
import type { SheetOutcome } from './sheet.ts';
import { PHOTO } from './strike-row.ts';
import type { Affine } from './transform.ts';

/** The steepest steps across row `g`'s letters over their contrast: about 0.43 on a sharp 1080p photo, under 0.38 blurred. */
const rowEdges = (img: GreyImage, t: Affine, g: RowGuide): number => {
  const { s, paper, i0, i1, j0, j1 } = sampleRow(img, t, g);
  const w = s.width;
  const steps = new Uint32Array(256);
  let n = 0;
  for (let j = j0; j < j1; j++) {
    for (let i = Math.max(1, i0); i < Math.min(w - 1, i1); i++) {
      steps[Math.abs(s.data[j * w + i + 1]! - s.data[j * w + i - 1]!)]!++;
      n++;
    }
  }
  if (n === 0) return 0;
  let seen = 0;
  let step = 0;
  while (step < 255 && seen + steps[step]! < 0.95 * n) seen += steps[step++]!;
  const darkest = quantile(s, i0, j0, i1 - i0, j1 - j0, 0.05);
  return step / 2 / Math.max(1, paper - darkest);
};

/** The median over the page's name rows of rowEdges (1 when the page has none). */
export const letterEdges = (img: GreyImage, t: Affine, page: FormPage): number => {
  const edges = page.rows.map((g) => rowEdges(img, t, g)).sort((a, b) => a - b);
  return edges.length === 0 ? 1 : edges[Math.floor(edges.length / 2)]!;
};

/** A photo too blurred for a thin stroke to show: refused with what to do. */
const softPhoto = (sigma: number): RuleError => ruleError('scan.photo-blur',
  `Ảnh bị mờ so với độ phân giải (nét chữ in nhoè ${(sigma / 2).toFixed(1)} pt): nét bút mảnh qua một phần tên sẽ không thấy được. Chụp gần hơn cho tờ phiếu chiếm gần hết khung hình, giữ chắc máy, chạm màn hình để lấy nét rồi chụp lại.`,
  `The photo is blurred for its resolution (the printed letters spread over ${(sigma / 2).toFixed(1)} pt): a thin pen stroke through part of a name would not show. Take it closer, so the ballot nearly fills the frame, hold the camera steady, tap the screen to focus and take it again.`);

/**
 * A strike-out ballot's photo read at fewer than PHOTO.lowPxPerPt pixels a point. One whose printed names' edges are
 * softer than PHOTO.softEdges is refused (softPhoto, the blur fitted on its names): a thin ballpoint through half a
 * word there measured 31–39 against the blurred blank where names with nothing drawn reach 35.7 — no level tells them
 * apart (scratch photos 540,013 c007, 831,017 c003 and others at 1080p; 3 MP blurred by a true Gaussian: 2,600,007 c005
 * at 1.52 px/pt … 2,620,053 c001 at 1.95, read kept with confidence). A sharp one of fewer than PHOTO.coarsePxPerPt is
 * looked at against the blurred blank over the gaps and counters of its letters only (darkestRun), at
 * SHARP_LINE_LEVEL: a thin ballpoint through half a word there may show nothing the strike reader sees (stress photos
 * 830,000–830,039, 1080p: five such names read kept), and the camera's pixels stepping the letters' edges leave runs
 * along them that a line's are not; its names read kept with such a run go to the board (uncertain). The run is
 * measured without what the marks that keep a name leave there (photo-kept-marks.ts): a circle's sides by the name's
 * ends, a pen dot's round blob, a tick's V and the tick the strike reader cleared (StrikeRowReading.tick). Any other
 * outcome is returned as it is.
 */
export const readSoft = (img: GreyImage, outcome: SheetOutcome, target: ScanTarget, pxPerPt: number): SheetOutcome | RuleError => {
  if (outcome.kind !== 'read' || target.layout.form !== 'strike-out' || pxPerPt >= PHOTO.lowPxPerPt) return outcome;
  const page = target.pages[outcome.page.pageIndex]!;
  const t = outcome.registration.transform;
  const sharp = letterEdges(img, t, page) >= PHOTO.softEdges;
  if (sharp && pxPerPt >= PHOTO.coarsePxPerPt) return outcome;
  const fits = new Map(page.rows.map((g) => [g.row.candidateId, blankResidual(img, alignRow(img, t, page, g), page, g)] as const));
  const sigmas = [...fits.values()].map((f) => f.sigma).sort((a, b) => a - b);
  const sigma = sigmas[Math.floor(sigmas.length / 2)] ?? 0;
  if (!sharp) return softPhoto(sigma);
  const level = SHARP_LINE_LEVEL;
  const rows = outcome.page.rows.map((row): RowReading => {
    const fit = fits.get(row.candidateId);
    return row.kind === 'strike' && row.state === 'kept' && fit !== undefined && darkestRun(ticksLeftOut(dotsLeftOut(marksBesideLeftOut(tickLeftOut(fit, row.tick), level), level), level)) >= level ? { ...row, state: 'uncertain', confidence: 0 } : row;
  });
  return { ...outcome, page: { ...outcome.page, rows } };
};
