/**
 * Marks people make that the default test set does not (SCAN_BENCH_VARIETY, test/scan/variety.test.ts): other ways to
 * strike a whole name (an X, a scribble, a line that runs on into the next row or the number column, two strokes
 * meeting in the middle, a hook, an arc, a line drifting from the letters' top to their foot, a pencil), a highlighter
 * over the name, small marks beside a kept name; and what lands on a sheet without the voter meaning it (a fold, a
 * coffee ring, an ink blot, staple holes, a fingerprint, the other side showing through) or with it (a digit written
 * in the margin). Every kind is named and carries the answer a counting board would give (VARIETY_TRUTH).
 */
import type { RowGuide } from '../form.ts';
import type { GreyImage } from '../image.ts';
import type { Point } from '../transform.ts';
import { between, polyline } from './draw.ts';
import { line, middleOf, pen, type Pen, type Rand, type Stroke } from './human.ts';

export const VARIETY_MARKS = [
  'x-cross', 'scribble-out', 'overrun-up', 'overrun-down', 'overrun-number', 'two-strokes', 'hook', 'arc', 'drift',
  'pencil-strike', 'highlighter', 'highlighter-yellow', 'dot-after', 'dash-margin',
] as const;
export type VarietyMark = (typeof VARIETY_MARKS)[number];

/**
 * The board's answer. Struck: every way of crossing out the whole name (RULES §5: "gạch giữa cả họ và tên"; an X or a
 * scribble over all of it, a pencil line through all of it, leave no doubt whom the voter rejects). Kept: a dot after
 * the name, a dash in the margin. 'partial' (for the board): a highlighter over the name may reject it or choose it (a
 * yellow one is all but paper on a grey scan: 220–238).
 */
export const VARIETY_TRUTH: Readonly<Record<VarietyMark, 'struck' | 'kept' | 'partial'>> = {
  'x-cross': 'struck', 'scribble-out': 'struck', 'overrun-up': 'struck', 'overrun-down': 'struck', 'overrun-number': 'struck',
  'two-strokes': 'struck', hook: 'struck', arc: 'struck', drift: 'struck', 'pencil-strike': 'struck',
  highlighter: 'partial', 'highlighter-yellow': 'partial', 'dot-after': 'kept', 'dash-margin': 'kept',
};

/** A pencil: light grey graphite, grainy — drawn as short dabs of varying grey with small gaps. */
const pencilLine = (r: Rand, x0: number, x1: number, y: (x: number) => number): Stroke[] => {
  const out: Stroke[] = [];
  const width = between(r, 0.7, 1.1);
  const ink = between(r, 140, 180);
  for (let x = x0; x < x1;) {
    const step = between(r, 0.6, 1.8);
    if (r() > 0.12) out.push({ points: [{ x, y: y(x) + between(r, -0.15, 0.15) }, { x: x + step, y: y(x + step) + between(r, -0.15, 0.15) }], width: width * between(r, 0.7, 1.05), ink: Math.min(205, ink + between(r, -15, 30)) });
    x += step;
  }
  return out;
};

/** The name's ends with a little overshoot, where a strike of the whole name starts and ends. */
const ends = (r: Rand, g: RowGuide): { x0: number; x1: number } => ({ x0: g.textX0 - between(r, 0.5, 8), x1: g.textX1 + between(r, 0.5, 8) });

export const varietyMark = (r: Rand, g: RowGuide, mark: VarietyMark, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const skips = p !== 'felt-pen';
  const yc = middleOf(g) + between(r, -1.2, 1.2);
  const flat = (slope: number, xc: number) => (x: number): number => yc + slope * (x - xc);
  switch (mark) {
    case 'x-cross': {
      // From above the capitals at one end to below the foot at the other, twice.
      const { x0, x1 } = ends(r, g);
      const top = g.bandTop - between(r, 2, 5);
      const foot = g.baseline + between(r, 0.5, 3.5);
      const down = (x: number): number => top + ((foot - top) * (x - x0)) / (x1 - x0);
      const up = (x: number): number => foot - ((foot - top) * (x - x0)) / (x1 - x0);
      return [...line(r, x0, x1, down, width, ink, skips), ...line(r, x0 + between(r, -3, 3), x1 + between(r, -3, 3), up, width, ink, skips)];
    }
    case 'scribble-out': {
      // Back and forth over the whole name, top of the letters to their foot, 2–4 pt a stroke.
      const { x0, x1 } = ends(r, g);
      const top = g.bandTop - between(r, 0, 3);
      const foot = g.baseline + between(r, 0, 2);
      const pts: Point[] = [];
      let up = r() < 0.5;
      for (let x = x0; x <= x1; x += between(r, 1.5, 4)) {
        pts.push({ x, y: (up ? top : foot) + between(r, -1, 1) });
        up = !up;
      }
      return [{ points: pts, width: Math.min(width, 2), ink }];
    }
    case 'overrun-up':
    case 'overrun-down': {
      // A strike across the name whose end flies off into the row above (below): the hand did not stop.
      const { x0, x1 } = ends(r, g);
      const sign = mark === 'overrun-up' ? -1 : 1;
      const body = line(r, x0, x1, flat(between(r, -0.02, 0.02), (x0 + x1) / 2), width, ink, skips);
      const last = body[body.length - 1]!.points.at(-1)!;
      const rise = between(r, 10, 22);
      const run = between(r, 8, 22);
      const tail: Point[] = [];
      for (let t = 0; t <= 1.0001; t += 0.1) tail.push({ x: last.x + run * t, y: last.y + sign * rise * t * t });
      return [...body, { points: tail, width, ink }];
    }
    case 'overrun-number': {
      // From the number column, across its border, through the name.
      const x0 = g.row.number.x + between(r, 2, g.row.number.width - 4);
      const x1 = g.textX1 + between(r, 0.5, 10);
      return line(r, x0, x1, flat(between(r, -0.015, 0.015), (x0 + x1) / 2), width, ink, skips);
    }
    case 'two-strokes': {
      // The pen lifted halfway: two strokes meeting in the middle, overlapping or a point apart, not quite level.
      const { x0, x1 } = ends(r, g);
      const xm = g.textX0 + between(r, 0.35, 0.65) * (g.textX1 - g.textX0);
      const gap = between(r, -3, 1.5);
      const y2 = yc + between(r, -1.5, 1.5);
      return [
        ...line(r, x0, xm - gap / 2, (x) => yc + between(r, -0.01, 0.01) * (x - x0), width, ink, skips),
        ...line(r, xm + gap / 2, x1, (x) => y2 + 0 * x, width, ink, skips),
      ];
    }
    case 'hook': {
      // A strike whose end turns back in a small hook (down or up), or starts with one.
      const { x0, x1 } = ends(r, g);
      const body = line(r, x0, x1, flat(between(r, -0.02, 0.02), (x0 + x1) / 2), width, ink, skips);
      const atEnd = r() < 0.7;
      const from = atEnd ? body[body.length - 1]!.points.at(-1)! : body[0]!.points[0]!;
      const dir = atEnd ? -1 : 1;
      const sign = r() < 0.5 ? -1 : 1;
      const size = between(r, 2.5, 5);
      const hook: Point[] = [];
      for (let t = 0; t <= Math.PI * 1.0001; t += Math.PI / 8) hook.push({ x: from.x - dir * size * 0.6 * Math.sin(t), y: from.y + sign * size * (1 - Math.cos(t)) / 2 });
      return [...body, { points: hook, width, ink }];
    }
    case 'arc': {
      // A bowed line: its middle 1.5–3.5 pt above or below its ends.
      const { x0, x1 } = ends(r, g);
      const bow = (r() < 0.5 ? -1 : 1) * between(r, 1.5, 3.5);
      const xc = (x0 + x1) / 2;
      const half = (x1 - x0) / 2;
      return line(r, x0, x1, (x) => yc - bow / 2 + bow * (1 - ((x - xc) / half) ** 2), width, ink, skips);
    }
    case 'drift': {
      // From the letters' top at one end to their foot at the other.
      const { x0, x1 } = ends(r, g);
      const a = g.bandTop + between(r, -0.5, 0.8);
      const b = g.baseline - between(r, 0, 0.8);
      const [from, to] = r() < 0.5 ? [a, b] : [b, a];
      return line(r, x0, x1, (x) => from + ((to - from) * (x - x0)) / (x1 - x0), width, ink, skips);
    }
    case 'pencil-strike': {
      const { x0, x1 } = ends(r, g);
      return pencilLine(r, x0, x1, flat(between(r, -0.03, 0.03), (x0 + x1) / 2));
    }
    case 'highlighter':
    case 'highlighter-yellow': {
      // Wide and light over the name's letters: green, pink or orange as a grey scanner sees them (165–205), or yellow.
      const x0 = g.textX0 - between(r, 0, 4);
      const x1 = g.textX1 + between(r, -2, 4);
      const grey = mark === 'highlighter' ? between(r, 165, 205) : between(r, 220, 238);
      return line(r, x0, x1, flat(between(r, -0.01, 0.01), (x0 + x1) / 2), between(r, 7, 10), grey, false).map((s) => ({ ...s, ink: grey }));
    }
    case 'dot-after': {
      // A full stop after the name, by its foot.
      const x = g.textX1 + between(r, 1.5, 5);
      const y = g.baseline - between(r, 0, 1.5);
      return [{ points: [{ x, y }, { x: x + between(r, 0, 0.5), y }], width: between(r, 1.2, 2.4), ink }];
    }
    case 'dash-margin': {
      // A short dash in the margin before the number.
      const x1 = g.row.number.x - between(r, 1.5, 5);
      const x0 = x1 - between(r, 3, 7);
      const y = g.row.row.y + g.row.row.height / 2 + between(r, -3, 3);
      return line(r, x0, x1, () => y, Math.min(width, 1.8), ink, false);
    }
  }
};

export const SHEET_NOISES = ['fold', 'coffee-ring', 'ink-blot', 'staples', 'fingerprint', 'show-through', 'margin-digit'] as const;
export type SheetNoise = (typeof SHEET_NOISES)[number];

/** What the sheet shows about the rows and the page (points), for placing the noise. */
export interface NoisePage {
  readonly width: number;
  readonly height: number;
  readonly rows: readonly RowGuide[];
}

const drawStrokes = (img: GreyImage, strokes: readonly Stroke[], k: number): void => {
  for (const s of strokes) polyline(img, s.points.map((p) => ({ x: p.x * k, y: p.y * k })), s.width * k, s.ink);
};

/** A closed, slightly irregular ellipse about (cx, cy). */
const ellipse = (r: Rand, cx: number, cy: number, a: number, b: number, wobble: number): Point[] => {
  const pts: Point[] = [];
  const phase = between(r, 0, 2 * Math.PI);
  const f = Math.floor(between(r, 2, 5));
  for (let q = 0; q <= 64; q++) {
    const t = (q / 64) * 2 * Math.PI;
    const w = 1 + wobble * Math.sin(f * t + phase);
    pts.push({ x: cx + a * w * Math.cos(t), y: cy + b * w * Math.sin(t) });
  }
  return pts;
};

/**
 * Noise on a sheet (page points, drawn at k pixels a point). Never changes any row's answer: a fold, a coffee ring or a
 * fingerprint across a name is not the voter's mark; a blot and staple holes land off the names; a digit in the margin
 * is writing outside the rows (the board rules the ballot, as for any writing outside).
 */
export const addNoise = (img: GreyImage, k: number, r: Rand, noise: SheetNoise, page: NoisePage): void => {
  const first = page.rows[0]!.row.row;
  const last = page.rows[page.rows.length - 1]!.row.row;
  const rowsY = (): number => between(r, first.y, last.y + last.height);
  switch (noise) {
    case 'fold': {
      // A crease across the whole sheet: a thin grey line with a soft shadow along it, through several rows.
      const y = rowsY();
      const slope = between(r, -0.015, 0.015);
      const at = (x: number): number => y + slope * (x - page.width / 2);
      const shadow = between(r, 215, 235);
      drawStrokes(img, [{ points: [{ x: 0, y: at(0) + 1 }, { x: page.width, y: at(page.width) + 1 }], width: between(r, 2, 4), ink: shadow }], k);
      const crease: Point[] = [];
      for (let x = 0; x <= page.width; x += 6) crease.push({ x, y: at(x) + between(r, -0.1, 0.1) });
      drawStrokes(img, [{ points: crease, width: between(r, 0.35, 0.8), ink: between(r, 150, 200) }], k);
      return;
    }
    case 'coffee-ring': {
      // The ring a cup leaves: a pale brown rim with a paler stain inside, anywhere over the rows.
      const cx = between(r, 60, page.width - 60);
      const cy = rowsY();
      const radius = between(r, 14, 30);
      drawStrokes(img, [{ points: ellipse(r, cx, cy, radius * 0.6, radius * 0.6, 0.03), width: radius * 0.9, ink: between(r, 228, 242) }], k);
      drawStrokes(img, [{ points: ellipse(r, cx, cy, radius, radius * between(r, 0.92, 1.05), 0.04), width: between(r, 1, 2.5), ink: between(r, 170, 210) }], k);
      return;
    }
    case 'ink-blot': {
      // A dark blot off the names: in the left or right margin beside a row.
      const g = page.rows[Math.floor(r() * page.rows.length)]!;
      const left = r() < 0.5;
      const cx = left ? between(r, 14, Math.max(16, g.row.number.x - 16)) : between(r, Math.min(page.width - 20, g.row.row.x + g.row.row.width + 10), page.width - 14);
      const cy = g.row.row.y + g.row.row.height / 2 + between(r, -6, 6);
      const radius = between(r, 2, 5);
      drawStrokes(img, [{ points: ellipse(r, cx, cy, radius / 2, radius / 2, 0.2), width: radius, ink: between(r, 20, 60) }], k);
      for (let q = 0; q < 4; q++) drawStrokes(img, [{ points: [{ x: cx + between(r, -2, 2) * radius, y: cy + between(r, -2, 2) * radius }], width: between(r, 0.6, 1.5), ink: between(r, 20, 70) }], k);
      return;
    }
    case 'staples': {
      // Two holes and the staple's dent by the top edge, beside the corner mark (on it they would not show).
      const x = between(r, 70, 200);
      const y = between(r, 6, 16);
      const span = between(r, 9, 13);
      const a = between(r, -0.4, 0.4);
      const p1 = { x, y };
      const p2 = { x: x + span * Math.cos(a), y: y + span * Math.sin(a) };
      drawStrokes(img, [{ points: [p1, p2], width: between(r, 0.5, 0.9), ink: between(r, 150, 200) }], k);
      for (const p of [p1, p2]) drawStrokes(img, [{ points: [p], width: between(r, 0.9, 1.5), ink: between(r, 20, 60) }], k);
      return;
    }
    case 'fingerprint': {
      // A grey thumbprint: ridges in nested ellipses, 9–14 pt across, anywhere over the rows.
      const g = page.rows[Math.floor(r() * page.rows.length)]!;
      const cx = between(r, g.textX0 - 10, g.textX1 + 10);
      const cy = g.row.row.y + between(r, 0, g.row.row.height);
      const a = between(r, 4.5, 7);
      const b = a * between(r, 1.2, 1.5);
      const ink = between(r, 150, 205);
      for (let ring = 1; ring <= 7; ring++) {
        const s = ring / 7;
        drawStrokes(img, [{ points: ellipse(r, cx, cy, a * s, b * s, 0.05), width: between(r, 0.35, 0.6), ink: ink + between(r, -10, 20) }], k);
      }
      return;
    }
    case 'show-through': {
      // The other side's print, mirrored and faint (its darkest 200–235).
      const src = Uint8Array.from(img.data);
      const alpha = between(r, 0.08, 0.22);
      const dy = Math.round(between(r, -20, 20) * k);
      for (let y = 0; y < img.height; y++) {
        const sy = Math.min(img.height - 1, Math.max(0, y + dy));
        for (let x = 0; x < img.width; x++) {
          const m = src[sy * img.width + (img.width - 1 - x)]!;
          const v = 255 - (255 - m) * alpha;
          const q = y * img.width + x;
          if (v < img.data[q]!) img.data[q] = v;
        }
      }
      return;
    }
    case 'margin-digit': {
      // A digit written beside a row, in the left margin: a 1, a 4 or a 7, 6–10 pt tall.
      const g = page.rows[Math.floor(r() * page.rows.length)]!;
      const x = between(r, 14, Math.max(16, g.row.number.x - 12));
      const y = g.row.row.y + between(r, 4, 8);
      const h = between(r, 6, 10);
      const digit = Math.floor(r() * 3);
      const pts: Point[][] = digit === 0 ? [[{ x: x - 1.5, y: y + 2 }, { x, y }, { x, y: y + h }]]
        : digit === 1 ? [[{ x: x + 2, y }, { x: x - 1.5, y: y + h * 0.65 }, { x: x + 3, y: y + h * 0.65 }], [{ x: x + 2, y: y + h * 0.3 }, { x: x + 2, y: y + h }]]
          : [[{ x: x - 2, y }, { x: x + 3, y }, { x, y: y + h }]];
      const { width, ink } = pen(r, 'ballpoint');
      drawStrokes(img, pts.map((points) => ({ points, width, ink })), k);
      return;
    }
  }
};
