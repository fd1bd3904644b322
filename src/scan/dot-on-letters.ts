/**
 * A pen dot pressed on a name's letters, which cut it into pieces: in the gaps and counters its slivers show as flat
 * bits of pen ink, or as ink darker than the letters beside them (ink-beside-print.ts), that alone look like the
 * pieces of a thin line through half a syllable. Together they are still a dot: everything within a dot's width, and
 * some piece of it as thick, in its columns, as a dot is and no line through part of a name shows — a dot is compact,
 * a line is long and thin.
 */
import { pieceBox } from './flood.ts';
import type { InkPiece } from './ink-beside-print.ts';
import { PEN } from './stroke-path.ts';

/**
 * All the row's pen ink and the ink beside its letters within this width (points: a pen dot is up to 3 pt across
 * and drawn out by up to 1)…
 */
const DOT_WIDE_PT = 4;
/**
 * …some piece at least this thick in its columns (points: a thin ballpoint's line through a syllable shows at most 1.5,
 * blurred at 150 dpi; the slivers of dots on the letters 1.5–3.5)…
 */
const DOT_THICK_PT = 2;
/** …and at least this share of the whole width (a line's piece, however thick, is much longer than thick). */
const DOT_THICK_SHARE = 0.6;
/**
 * A piece beside the letters this tall (points) and this much darker than them (grey levels) is as thick as a dot
 * too, however flat: with the names printed 0.38 pt lower, a ballpoint dot on the letters leaves such a sliver in a gap
 * a pixel or two wide, 1.5 × 1.5 pt and 167 levels darker (200 dpi seed 18 c004), or under a letter's bar 2.5 × 1.5 pt
 * and 174 darker (200 dpi fresh seed 4,100,007 c006: an "H"). A thin ballpoint's line leaves pieces 69–131 levels
 * darker (ink-beside-print.ts STRIKE_PIECE); the darker flat pieces a gel pen, a felt pen or a ballpoint leaves were
 * dots' and ticks' (LINE_PIECE there: a strike of such a pen shows more than a piece, beyond a dot's width).
 */
const DOT_SLIVER = { thickPt: 1.5, darker: 150 } as const;
/** A piece beside the letters narrower than this (points) is a speck of a letter's own edge, left out. */
const SPECK_PT = 1;

/**
 * The row's pen ink (`cls`, the pad included) and the pieces of ink darker than its letters (`beside`, in the same
 * columns) are one dot on the letters: all within DOT_WIDE_PT, and some piece DOT_THICK_PT thick in its columns and
 * DOT_THICK_SHARE of that width. `slivers` (scans): a lone pixel of pen ink is left out, and a DOT_SLIVER beside the
 * letters is thick enough. False when there is no such ink at all.
 */
export const dotOnLetters = (cls: Uint8Array, w: number, h: number, k: number, beside: readonly InkPiece[], slivers = false): boolean => {
  let x0 = w;
  let x1 = -1;
  let thick = 0;
  const seen = new Uint8Array(cls.length);
  const upper = new Int32Array(w).fill(h);
  const lower = new Int32Array(w).fill(-1);
  for (let q = 0; q < cls.length; q++) {
    if (cls[q] !== PEN || seen[q] === 1) continue;
    const { x0: a, x1: b, y0: top, y1: foot } = pieceBox(w, h, q, seen, (p) => cls[p] === PEN, (x, y) => {
      upper[x] = Math.min(upper[x]!, y);
      lower[x] = Math.max(lower[x]!, y);
    });
    for (let x = a; x <= b; x++) thick = Math.max(thick, lower[x]! - upper[x]! + 1);
    upper.fill(h, a, b + 1);
    lower.fill(-1, a, b + 1);
    // A lone pixel of pen ink is a speck (a letter's edge, the scan's noise), not the dot's: 200 dpi seed 12 c001, a
    // ballpoint dot 1 × 2 pt with such a speck 3 pt to its left, too wide then for its thickness.
    if (slivers && a === b && top === foot) continue;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, b);
  }
  let sliver = false;
  for (const p of beside) {
    if (p.widthPt < SPECK_PT) continue;
    x0 = Math.min(x0, p.left);
    x1 = Math.max(x1, p.right);
    thick = Math.max(thick, p.heightPt * k);
    sliver ||= slivers && p.heightPt >= DOT_SLIVER.thickPt && p.darkest >= DOT_SLIVER.darker;
  }
  const wide = x1 - x0 + 1;
  return x1 >= 0 && wide <= DOT_WIDE_PT * k && (thick >= DOT_THICK_PT * k || sliver) && thick >= DOT_THICK_SHARE * wide;
};
