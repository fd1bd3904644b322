/**
 * How sharp a phone photo's printed names are, measured on the letters themselves (so the measure does not depend
 * on how much a ballot prints): in each name row's band, the steepest grey steps across the letters (the 95th
 * percentile of the horizontal gradient) over the letters' contrast (paper less their darkest grey), the median
 * over the rows. A photo of few pixels a point shows a thin pen through part of a word as a speck or two between
 * the letters; blurred too, those specks fade to the level of the letters' own soft edges, and the reader cannot
 * tell a name kept from one struck through half a syllable: such a photo is refused, with what to do (photo.ts).
 */
import { ruleError, type RuleError } from '../rules/index.ts';
import type { FormPage, RowGuide, ScanTarget } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
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

/** A photo of few pixels a point whose letters' edges are softer than `least`: refused with what to do. */
const softPhoto = (edges: number, least: number): RuleError => ruleError('scan.photo-blur',
  `Ảnh bị mờ so với độ phân giải (chữ in sắc ${Math.round(100 * edges)}, cần từ ${Math.round(100 * least)}): nét bút mảnh qua một phần tên có thể không thấy được. Chụp gần hơn cho tờ phiếu chiếm gần hết khung hình, giữ chắc máy, chạm màn hình để lấy nét rồi chụp lại.`,
  `The photo is blurred for its resolution (printed letters' sharpness ${Math.round(100 * edges)}, ${Math.round(100 * least)} needed): a thin pen stroke through part of a name may not show. Take it closer, so the ballot nearly fills the frame, hold the camera steady, tap the screen to focus and take it again.`);

/**
 * The refusal of a strike-out ballot's photo read at fewer than PHOTO.lowPxPerPt pixels a point whose printed
 * names' edges are softer than PHOTO.softEdges; null when it stands.
 */
export const tooSoft = (img: GreyImage, outcome: SheetOutcome, target: ScanTarget, pxPerPt: number): RuleError | null => {
  if (outcome.kind !== 'read' || target.layout.form !== 'strike-out' || pxPerPt >= PHOTO.lowPxPerPt) return null;
  const edges = letterEdges(img, outcome.registration.transform, target.pages[outcome.page.pageIndex]!);
  return edges < PHOTO.softEdges ? softPhoto(edges, PHOTO.softEdges) : null;
};
