/**
 * The end of a thin pen line that shows beside the letters: a thin ballpoint through half a word, on a blurred scan
 * at 150–200 dpi, shows nothing of itself under the letters but the short piece out of the last letter into the paper
 * after the name, or into the first from before it — 1.5–2 pt of light ink, a point tall or less, running into a
 * letter at the height of its middle (stress seeds 152,110 c005, 202,053 c013: read kept with confidence; 200,577
 * c013: a point thin, dark). A dot is as tall as it is wide (1.2 pt at least) and, pressed, darker; the letters' own edges
 * showed no flat piece that long on 14,000 names with nothing drawn (stress sets and the bench's mix, 150–300 dpi,
 * printed and rendered paper), and 11 of 4,700 keeping marks (dots on the name) at most such a piece.
 */
import { pieceBox } from './flood.ts';
import { PEN } from './stroke-path.ts';

export const FAINT_STUB = {
  /** At least this long (points)… */
  longPt: 1.5,
  /** …at most this tall over all its columns (points)… */
  tallPt: 1.5,
  /** …its end within this (pixels) of print along its rows… */
  reachPx: 2,
  /** …and lighter at its darkest than this share of the paper, or at most this thick (points: a dot is 1.2 across at least). */
  light: 0.5,
  thinPt: 1,
} as const;

/**
 * Some piece of pen ink (`cls`) wholly in the letters' middle (rows [top, foot)) is a faint stub running into a
 * letter (FAINT_STUB). `grey`: the row's sample, `paper` its paper's grey.
 */
export const faintStubIntoLetter = (
  cls: Uint8Array, grey: Uint8Array, paper: number, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number, top: number, foot: number,
): boolean => {
  const seen = new Uint8Array(cls.length);
  const light = FAINT_STUB.light * paper;
  const printedBeside = (x: number, dir: 1 | -1, y0: number, y1: number): boolean => {
    for (let d = 1; d <= FAINT_STUB.reachPx; d++) for (let y = y0; y <= y1; y++) if (printedAt(x + dir * d, y)) return true;
    return false;
  };
  // The piece's darkest grey, declared out of the loop (flood.ts pieceBox: why).
  let darkest = 255;
  for (let j = top; j < foot; j++) {
    for (let i = 0; i < w; i++) {
      const q0 = j * w + i;
      if (cls[q0] !== PEN || seen[q0] === 1) continue;
      darkest = 255;
      const { x0, x1, y0, y1 } = pieceBox(w, h, q0, seen, (q) => cls[q] === PEN, (_x, _y, q) => {
        darkest = Math.min(darkest, grey[q]!);
      });
      if (y0 < top || y1 >= foot || x1 - x0 + 1 < FAINT_STUB.longPt * k || y1 - y0 + 1 > FAINT_STUB.tallPt * k) continue;
      if (!(darkest >= light || y1 - y0 + 1 <= FAINT_STUB.thinPt * k)) continue;
      if (printedBeside(x0, -1, y0, y1) || printedBeside(x1, 1, y0, y1)) return true;
    }
  }
  return false;
};
