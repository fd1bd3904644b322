/** A name row as its readers sample it: the name with PAD_PT of paper each side, at FORM_PER_POINT. */
import type { Box } from '../documents/ballot-layout.ts';
import { FORM_PER_POINT, type RowGuide } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage, samplePageAveraged } from './sample.ts';
import type { Affine } from './transform.ts';

/** Beyond both ends of the name, the row's sample takes in this much paper (points): a strike overshoots. */
const PAD_PT = 8;

export interface RowSample {
  /** Where on the form (points), and the sample of the page there. */
  readonly area: Box;
  readonly s: GreyImage;
  /** The paper's grey (the 90th percentile of the sample). */
  readonly paper: number;
  /** The name's columns [i0, i1) and the letters' band [j0, j1), in the sample's pixels. */
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
}

/** `averaged`: each pixel the mean of that many × that many samples over it (samplePageAveraged); 1 (bilinear) unless told. */
export const sampleRow = (img: GreyImage, t: Affine, g: RowGuide, averaged = 1): RowSample => {
  const k = FORM_PER_POINT;
  const area: Box = { x: Math.floor(g.textX0 - PAD_PT), y: g.row.row.y, width: Math.ceil(g.textX1 - g.textX0 + 2 * PAD_PT), height: g.row.row.height };
  const s = averaged > 1 ? samplePageAveraged(img, t, area, k, averaged) : samplePage(img, t, area, k);
  return {
    area, s, paper: quantile(s, 0, 0, s.width, s.height, 0.9),
    j0: Math.max(0, Math.floor((g.bandTop - 2 - area.y) * k)),
    j1: Math.min(s.height, Math.floor((g.baseline + 0.5 - area.y) * k)),
    i0: Math.round((g.textX0 - area.x) * k),
    i1: Math.min(s.width, Math.round((g.textX1 - area.x) * k)),
  };
};
