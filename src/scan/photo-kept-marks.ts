/**
 * What marks that keep a name leave in a photo's residual against the blurred blank form (photo-blank-model.ts), left
 * out before a line along the letters' middle is looked for (photo-soft.ts): the strike reader has read such a name
 * kept, and a circle's sides by the name's ends, a pen dot or a tick on its letters would read as a run darker than a
 * line's.
 */
import { pieceBox, type PieceBox } from './flood.ts';
import { FORM_PER_POINT } from './form.ts';
import { CORE_PT, type BlankResidual } from './photo-blank-model.ts';
import { veeShape } from './strike-row.ts';

/** The residual's pixels of `piece` (w × h) and a pixel round each set to nothing. */
const clearAround = (out: Float32Array, w: number, h: number, piece: readonly number[]): void => {
  for (const q of piece) {
    const x = q % w, y = (q - x) / w;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) out.fill(0, yy * w + Math.max(0, x - 1), yy * w + Math.min(w, x + 2));
  }
};

/**
 * The residual with each piece of it at least `level` dark (8-connected) that `leave` takes (its pixels and box), and
 * a pixel round it, set to nothing: the pieces found from the pixels [from, to) where `startsHere` holds.
 */
const piecesLeftOut = (
  r: BlankResidual, level: number, from: number, to: number, leave: (piece: readonly number[], box: PieceBox) => boolean,
  startsHere: (q: number) => boolean = () => true,
): BlankResidual => {
  const { width: w, height: h, residual } = r;
  const seen = new Uint8Array(w * h);
  const out = Float32Array.from(residual);
  const piece: number[] = [];
  for (let start = from; start < to; start++) {
    if (seen[start] === 1 || residual[start]! < level || !startsHere(start)) continue;
    piece.length = 0;
    const box = pieceBox(w, h, start, seen, (q) => residual[q]! >= level, (_x, _y, q) => piece.push(q));
    if (leave(piece, box)) clearAround(out, w, h, piece);
  }
  return { ...r, residual: out };
};

/** Dark residual this far (points) above the letters' band or below it is a mark's beside the name (a circle's side, an underline)… */
const BEYOND_BAND_PT = 1;
/** …left out with all of it joined to it, unless it crosses the letters' core this far (points) inside both ends of the name. */
const MARK_SIDE_PT = 6;

/**
 * The residual with the marks beside the name left out: each piece of it at least `level` dark (8-connected) that
 * reaches BEYOND_BAND_PT above the letters' band or below it, and a pixel round it, is set to nothing — but a piece
 * that also crosses the letters' core MARK_SIDE_PT inside both ends of the name (a tick over the letters, a stroke
 * drawn into a circle) stays, as the strike reader keeps such ink (strike-row.ts clearLoop, LOOP_SIDE_PT). A circle
 * round the name crosses the band by its ends, where its sides' blurred ink reads as a run along the letters'
 * middle (bench photos 180,008 and 180,067: 1080p, runs of 42 and 148 from a circle the strike reader had cleared).
 */
export const marksBesideLeftOut = (r: BlankResidual, level: number): BlankResidual => {
  const k = FORM_PER_POINT;
  const { width: w, height: h, i0, i1, j0, j1 } = r;
  const beyond = Math.round(BEYOND_BAND_PT * k), side = Math.round(MARK_SIDE_PT * k);
  const c0 = j0 + Math.round(CORE_PT.top * k), c1 = j1 - Math.round(CORE_PT.foot * k);
  const beyondBand = (start: number): boolean => {
    const y0 = Math.floor(start / w);
    return !(y0 >= j0 - beyond && y0 < j1 + beyond);
  };
  const acrossCore = (piece: readonly number[]): boolean => piece.some((q) => {
    const x = q % w, y = (q - x) / w;
    return y >= c0 && y < c1 && x >= i0 + side && x < i1 - side;
  });
  return piecesLeftOut(r, level, 0, w * h, (piece) => !acrossCore(piece), beyondBand);
};

/** A pen dot's piece of residual: at least this wide and this tall, at most this wide (points: dots are 1.2–3 pt, blurred)… */
const DOT_PT = { wide: 1.5, tall: 2, most: 4 } as const;
/** …as tall as this share of its width at least, this share of its box filled, and its darkest pixel this dark (grey levels). */
const DOT_SHAPE = { tall: 0.6, filled: 0.5, darkest: 120 } as const;

/**
 * The residual with the pen dots left out: each piece of it at least `level` dark (8-connected) within the letters'
 * band that is round, filled and dark as a dot is (DOT_PT, DOT_SHAPE), and a pixel round it, set to nothing. A dot
 * pressed on the letters of a sharp 1080p photo, which the strike reader kept, shows such a blob 2–3.5 pt across,
 * 110–240 levels darker than the blank at its darkest (stress photos 520,000–520,039); the pieces a thin line through
 * half a word leaves in the gaps are thin, or long, or no darker than 117 (830,000–830,039). A ballpoint dot pressed by
 * a letter's stem fills less of its box (bench photo 700,060 c006, sharp 3 MP at 1.38 px/pt: 4 × 8 pixels, 0.56 filled,
 * 192 levels; it was sent to the board at 0.65).
 */
export const dotsLeftOut = (r: BlankResidual, level: number): BlankResidual => {
  const k = FORM_PER_POINT;
  const { width: w, residual, j0, j1 } = r;
  return piecesLeftOut(r, level, j0 * w, j1 * w, (piece, { x0, x1, y0, y1 }) => {
    const wide = x1 - x0 + 1, tall = y1 - y0 + 1;
    let darkest = 0;
    for (const q of piece) darkest = Math.max(darkest, residual[q]!);
    return wide >= DOT_PT.wide * k && wide <= DOT_PT.most * k && tall >= DOT_PT.tall * k && tall >= DOT_SHAPE.tall * wide &&
      piece.length >= DOT_SHAPE.filled * wide * tall && darkest >= DOT_SHAPE.darkest;
  });
};

/**
 * The residual with the ticks (✓) over the letters left out: each piece of it at least `level` dark (8-connected)
 * shaped as a tick's V (strike-row.ts veeShape: lowest between its ends, as tall as wide, at most a tick's width), and
 * a pixel round it, set to nothing. The strike reader has cleared the tick and kept the name; the tick's arms cross
 * the letters' middle, where their blurred ink reads as a run darker than a line's, and stay within the letters'
 * band, so marksBesideLeftOut does not take them (bench photos 520,001 and 640,035, 3 MP at 1.7 px/pt, a gel and a
 * felt pen: runs of 145 and 205; 640,005, a sharp 1080p photo, a gel pen: 212). A line through part of the name is
 * lowest at one end, or flat and wider than it is tall: it stays.
 */
export const ticksLeftOut = (r: BlankResidual, level: number): BlankResidual => {
  const { width: w, height: h } = r;
  // The lowest row of each of a piece's columns (-1: none), by column.
  const lowest = new Int32Array(w);
  return piecesLeftOut(r, level, 0, w * h, (piece, { x0, x1, y0, y1 }) => {
    lowest.fill(-1);
    for (const q of piece) {
      const x = q % w;
      lowest[x] = Math.max(lowest[x]!, (q - x) / w);
    }
    return veeShape(x1 - x0 + 1, y1 - y0 + 1, y1 - lowest[x0]!, y1 - lowest[x1]!, FORM_PER_POINT);
  });
};

/**
 * The residual with the tick the strike reader cleared left out (StrikeRowReading.tick: its box in the row's sample,
 * which the residual shares), and a pixel round it. Where the tick's arms pass under the letters its residual breaks
 * into pieces — a long arm alone is a slash, lowest at one end — and ticksLeftOut sees no V (stress photos, sharp 1080p).
 */
export const tickLeftOut = (r: BlankResidual, tick: PieceBox | undefined): BlankResidual => {
  if (tick === undefined) return r;
  const { width: w, height: h } = r;
  const out = Float32Array.from(r.residual);
  for (let y = Math.max(0, tick.y0 - 1); y <= Math.min(h - 1, tick.y1 + 1); y++) out.fill(0, y * w + Math.max(0, tick.x0 - 1), y * w + Math.min(w, tick.x1 + 2));
  return { ...r, residual: out };
};
