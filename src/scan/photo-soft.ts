/**
 * Phone photos blurred for their resolution. A photo of few pixels a point shows a thin pen through part of a word as
 * a speck or two between the letters; blurred too, those specks fade to the level of the letters' own soft edges,
 * and the reader's thresholds on the grey cannot tell a name kept from one struck through half a syllable. Such a
 * photo (its printed letters' edges soft: `letterEdges`) was refused; it is now read against the blank form blurred
 * as the photo is (photo-blank-model.ts), which tells the line from the letters' edges: a name read kept whose
 * letters' middle holds a run darker than the blurred blank goes to the board. A photo blurred so far that the
 * thinnest, lightest pen line would leave too little (thinLineLeft, SEEN), and any such soft photo of fewer than
 * SOFT_READ_PX_PER_PT (a 1080p shot, where the line is narrower than a camera pixel, and a 3 MP one held far or steep,
 * where it is hardly wider), is refused, with what to do.
 */
import { alignRow } from './align-row.ts';
import { ruleError, type RuleError } from '../rules/index.ts';
import type { FormPage, RowGuide, ScanTarget } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { blankResidual, darkestRun, LINE_LEVEL, SHARP_LINE_LEVEL } from './photo-blank-model.ts';
import { dotsLeftOut, marksBesideLeftOut, tickLeftOut, ticksLeftOut } from './photo-kept-marks.ts';
import type { RowReading } from './read-rows.ts';
import { sampleRow } from './row-sample.ts';
import type { SheetOutcome } from './sheet.ts';
import { PHOTO } from './strike-row.ts';
import { SOFT_READ_PX_PER_PT } from './photo-marks.ts';
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

/**
 * The thinnest, lightest pen stroke people strike with (src/scan/testing/human.ts, a thin ballpoint): 0.6 pt wide,
 * its ink 95 on paper 255 — 160 grey levels darker than the paper.
 */
const THIN_PEN = { widthPt: 0.6, contrast: 160 } as const;

/**
 * The darkness left of THIN_PEN at the line's middle once blurred by a Gaussian of `sigma` pixels of the form grid
 * (2 a point) and smoothed 1-2-1 across it as darkestRun does (variance + 0.5 pixel²): its ink spread over √(2π) σ.
 * At σ 1.4 it is 49 (a thin ballpoint through part of a name was seen at 46 and more there), at 1.7 42, at 2 36.
 */
export const thinLineLeft = (sigma: number): number =>
  (THIN_PEN.contrast * THIN_PEN.widthPt * 2) / (Math.sqrt(2 * Math.PI) * Math.sqrt(sigma * sigma + 0.5));

/**
 * A thin line is looked for only where THIN_PEN is computed to leave at least this many times LINE_LEVEL: at σ 1.4
 * the least seen was 0.94 of what is computed (46 for 49), and nothing was seen blurred further.
 */
const SEEN = 1.2;

/** A photo too blurred for a thin stroke to show: refused with what to do. */
const softPhoto = (sigma: number): RuleError => ruleError('scan.photo-blur',
  `Ảnh bị mờ so với độ phân giải (nét chữ in nhoè ${(sigma / 2).toFixed(1)} pt): nét bút mảnh qua một phần tên sẽ không thấy được. Chụp gần hơn cho tờ phiếu chiếm gần hết khung hình, giữ chắc máy, chạm màn hình để lấy nét rồi chụp lại.`,
  `The photo is blurred for its resolution (the printed letters spread over ${(sigma / 2).toFixed(1)} pt): a thin pen stroke through part of a name would not show. Take it closer, so the ballot nearly fills the frame, hold the camera steady, tap the screen to focus and take it again.`);

/**
 * A strike-out ballot's photo read at fewer than PHOTO.lowPxPerPt pixels a point whose printed names' edges are softer
 * than PHOTO.softEdges: refused when a thin pen line would not show — the blur fitted on its names, the median over
 * the rows, leaves THIN_PEN under SEEN times LINE_LEVEL, or the photo has fewer than SOFT_READ_PX_PER_PT (photo-marks.ts;
 * a 1080p shot, and a 3 MP shot held far or steep — below PHOTO.coarsePxPerPt as below):
 * there THIN_PEN is narrower than a camera pixel before any blur, and blurred (camera σ 0.6–1 px, fitted σ 1.1–1.4 of
 * the form grid, where thinLineLeft computes 49–59) a thin ballpoint through half a word measured 31–34 against the
 * blurred blank where names with nothing drawn reach 35: no level tells them apart (scratch photos 540,013 c007,
 * 540,017 c013, 540,018 c005, 831,017 c003 / c011, 831,019 c013, 831,034 c005, 541,015 c003, 541,021 c015 were read kept
 * with confidence). Else its names read kept with a pen line off the blurred blank along
 * their letters' middle go to the board (uncertain). A sharp photo of fewer than PHOTO.coarsePxPerPt is looked at the
 * same way, over the gaps and counters of its letters only (darkestRun `gapsOnly`), at SHARP_LINE_LEVEL: a thin ballpoint
 * through half a word there may show nothing the strike reader sees (stress photos 830,000–830,039, 1080p: five such
 * names read kept), and the camera's pixels stepping the letters' edges leave runs along them that a line's are not. The run is measured without what the marks that
 * keep a name leave there (photo-kept-marks.ts): a circle's sides by the name's ends, a pen dot's round blob, a tick's V and
 * the tick the strike reader cleared (StrikeRowReading.tick). Any
 * other outcome is returned as it is.
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
  if (!sharp && (pxPerPt < SOFT_READ_PX_PER_PT || thinLineLeft(sigma) < SEEN * LINE_LEVEL)) return softPhoto(sigma);
  const level = sharp ? SHARP_LINE_LEVEL : LINE_LEVEL;
  const rows = outcome.page.rows.map((row): RowReading => {
    const fit = fits.get(row.candidateId);
    return row.kind === 'strike' && row.state === 'kept' && fit !== undefined && darkestRun(ticksLeftOut(dotsLeftOut(marksBesideLeftOut(tickLeftOut(fit, row.tick), level), level), level), sharp) >= level ? { ...row, state: 'uncertain', confidence: 0 } : row;
  });
  return { ...outcome, page: { ...outcome.page, rows } };
};
