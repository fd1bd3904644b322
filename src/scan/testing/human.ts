/**
 * What people draw on a ballot, in page points: strikes through the whole name (straight, slanted, wavy, double,
 * starting late or ending early; thin ballpoint, ballpoint, gel pen, thick felt pen), strikes through part of it
 * (a word, half a word, half the name), marks that keep it (underline, tick, circle, dot), an X in a box, writing
 * outside the rows (the seal: seal.ts). Every kind is named: the bench tells which costs what.
 */
import type { Box } from '../../documents/ballot-layout.ts';
import type { RowGuide } from '../form.ts';
import type { Point } from '../transform.ts';
import { between } from './draw.ts';

export interface Stroke {
  readonly points: readonly Point[];
  /** Pen width in points. */
  readonly width: number;
  readonly ink: number;
}

/** The pens of the random test set; a light pencil is drawn only where a test asks for it. */
export const PENS = ['thin-ballpoint', 'ballpoint', 'gel-pen', 'felt-pen'] as const;
export type Pen = (typeof PENS)[number] | 'pencil';
/**
 * Strikes through the whole name: straight, slanted a little or a lot, wavy, double (level or slanted), and a line
 * that starts late (inside the family name), ends early (inside the given name) or both — all meant to strike the name.
 */
export const STRIKE_SHAPES = [
  'straight', 'slanted', 'steep-slant', 'wavy', 'double', 'late-start', 'early-end', 'double-slanted', 'late-start-early-end',
] as const;
export type StrikeShape = (typeof STRIKE_SHAPES)[number];
/** Strikes through part of the name only: for the board to rule on (docs/rules.md §5). */
export const PARTIAL_STRIKES = [
  'family-name', 'given-name', 'middle-word', 'half-word', 'half-name', 'all-but-family', 'all-but-given', 'half-middle-word',
] as const;
export type PartialStrike = (typeof PARTIAL_STRIKES)[number];
/** Marks on a name that keep it. */
export const NON_STRIKES = [
  'underline', 'underline-close', 'tick', 'tick-on-name', 'circle', 'circle-tight', 'circle-open', 'dot', 'dot-on-name',
] as const;
export type NonStrike = (typeof NON_STRIKES)[number];

export type Rand = () => number;

export const pen = (r: Rand, p: Pen): { width: number; ink: number } => {
  switch (p) {
    case 'thin-ballpoint': return { width: between(r, 0.6, 1), ink: between(r, 40, 95) };
    case 'ballpoint': return { width: between(r, 0.9, 1.6), ink: between(r, 25, 75) };
    case 'gel-pen': return { width: between(r, 1.2, 2), ink: between(r, 10, 50) };
    case 'felt-pen': return { width: between(r, 2.4, 4), ink: between(r, 10, 50) };
    case 'pencil': return { width: between(r, 0.8, 1.2), ink: between(r, 150, 185) };
  }
};

/**
 * A hand-drawn line from x0 to x1 along `y(x)`: a tremor that drifts with momentum (a hand, not noise), the pen
 * pressing harder and lighter along the way (the line cut in pieces of its own grey), and a ballpoint skipping now
 * and then for a point or so.
 */
export const line = (r: Rand, x0: number, x1: number, y: (x: number) => number, width: number, ink: number, skips: boolean): Stroke[] => {
  const out: Stroke[] = [];
  let pts: Point[] = [];
  let drift = 0;
  let speed = 0;
  let grey = ink;
  const flush = (): void => {
    if (pts.length > 1) out.push({ points: pts, width: width * between(r, 0.85, 1.1), ink: Math.max(0, Math.min(200, grey)) });
    pts = [];
  };
  for (let x = x0; ; x = Math.min(x1, x + between(r, 1.5, 3.5))) {
    speed = 0.7 * speed + between(r, -0.12, 0.12);
    drift = Math.max(-0.6, Math.min(0.6, drift + speed));
    pts.push({ x, y: y(x) + drift });
    if (x >= x1) break;
    if (pts.length >= 4 && r() < 0.25) {
      const last = pts[pts.length - 1]!;
      flush();
      grey = ink + between(r, -12, 18);
      if (skips && r() < 0.08) continue;
      pts.push(last);
    }
  }
  flush();
  return out;
};

export const middleOf = (g: RowGuide): number => (g.bandTop + g.baseline) / 2;

/** Where a line runs: a slope through (xc, yc), or a wave about it. */
const course = (r: Rand, kind: 'flat' | 'slanted' | 'steep' | 'wavy', xc: number, yc: number, length: number): ((x: number) => number) => {
  const sign = r() < 0.5 ? -1 : 1;
  switch (kind) {
    case 'flat': {
      const slope = between(r, -0.02, 0.02);
      return (x) => yc + slope * (x - xc);
    }
    case 'slanted': {
      const slope = (sign * between(r, 2, 8)) / Math.max(40, length);
      return (x) => yc + slope * (x - xc);
    }
    case 'steep': {
      // Steep, but the line still stays within the row: at most about 9 pt above or below the middle at its ends.
      const slope = (sign * between(r, 8, 16)) / Math.max(60, length);
      return (x) => yc + slope * (x - xc);
    }
    case 'wavy': {
      const amp = between(r, 0.7, 2.4);
      const period = between(r, 6, 18);
      const phase = between(r, 0, 2 * Math.PI);
      return (x) => yc + amp * Math.sin((2 * Math.PI * x) / period + phase);
    }
  }
};

/** A strike meant for the whole name. */
export const strike = (r: Rand, g: RowGuide, shape: StrikeShape, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const skips = p !== 'felt-pen';
  const first = g.words[0]!;
  const last = g.words[g.words.length - 1]!;
  let x0 = g.textX0 - between(r, 0.5, 12);
  let x1 = g.textX1 + between(r, 0.5, 12);
  if (shape === 'late-start' || shape === 'late-start-early-end') x0 = first.x0 + between(r, 0.05, 0.35) * (first.x1 - first.x0);
  if (shape === 'early-end' || shape === 'late-start-early-end') x1 = last.x1 - between(r, 0.05, 0.35) * (last.x1 - last.x0);
  const yc = middleOf(g) + between(r, -1.6, 1.6);
  const xc = (x0 + x1) / 2;
  const kind = shape === 'slanted' || shape === 'double-slanted' ? 'slanted' : shape === 'steep-slant' ? 'steep' : shape === 'wavy' ? 'wavy' : 'flat';
  const y = course(r, kind, xc, yc, x1 - x0);
  if (shape !== 'double' && shape !== 'double-slanted') return line(r, x0, x1, y, width, ink, skips);
  const d = between(r, 1.2, 2.6);
  return [
    ...line(r, x0, x1, (x) => y(x) - d, width, ink, skips),
    ...line(r, x0 + between(r, -4, 4), x1 + between(r, -4, 4), (x) => y(x) + d + between(r, -0.3, 0.3), width, ink, skips),
  ];
};

/** The span of the name a partial strike crosses, in points. */
const partialSpan = (r: Rand, g: RowGuide, kind: PartialStrike): { x0: number; x1: number } => {
  const words = g.words;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const middle = words.length > 2 ? words[1 + Math.floor(r() * (words.length - 2))]! : last;
  const w = g.textX1 - g.textX0;
  switch (kind) {
    case 'family-name': return { x0: first.x0 - between(r, -1, 6), x1: first.x1 + between(r, 0, 2) };
    case 'given-name': return { x0: last.x0 - between(r, 0, 2), x1: last.x1 + between(r, -1, 6) };
    case 'middle-word': return { x0: middle.x0 - between(r, 0, 1.5), x1: middle.x1 + between(r, 0, 1.5) };
    case 'half-word': {
      const word = r() < 0.5 ? first : last;
      const half = (word.x0 + word.x1) / 2;
      return r() < 0.5 ? { x0: word.x0 - between(r, 0, 4), x1: half } : { x0: half, x1: word.x1 + between(r, 0, 4) };
    }
    case 'half-middle-word': {
      // Half of one syllable inside the name: the line starts and ends within the letters of a middle word.
      const half = (middle.x0 + middle.x1) / 2;
      return r() < 0.5 ? { x0: middle.x0 + between(r, 0, 1), x1: half } : { x0: half, x1: middle.x1 - between(r, 0, 1) };
    }
    case 'half-name': {
      const cut = g.textX0 + between(r, 0.35, 0.65) * w;
      return r() < 0.5 ? { x0: g.textX0 - between(r, 0, 6), x1: cut } : { x0: cut, x1: g.textX1 + between(r, 0, 6) };
    }
    case 'all-but-family': return { x0: (words[1] ?? last).x0 - between(r, 0, 1.5), x1: g.textX1 + between(r, 0, 8) };
    case 'all-but-given': return { x0: g.textX0 - between(r, 0, 8), x1: (words[words.length - 2] ?? first).x1 + between(r, 0, 1.5) };
  }
};

/** A strike over part of the name only. */
export const partialStrike = (r: Rand, g: RowGuide, kind: PartialStrike, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const { x0, x1 } = partialSpan(r, g, kind);
  const u = r();
  const y = course(r, u < 0.6 ? 'flat' : u < 0.85 ? 'slanted' : 'wavy', (x0 + x1) / 2, middleOf(g) + between(r, -1.4, 1.4), x1 - x0);
  return line(r, x0, x1, y, width, ink, p !== 'felt-pen');
};

/** A mark that is not a strike: it keeps the name. */
export const nonStrike = (r: Rand, g: RowGuide, kind: NonStrike, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const cx = (g.textX0 + g.textX1) / 2;
  switch (kind) {
    case 'underline':
    case 'underline-close': {
      // Close: just under the letters' foot, touching the marks under them.
      const y = g.baseline + width / 2 + (kind === 'underline' ? 2 + between(r, 0, 1.8) : between(r, 0.3, 1.2));
      const slope = between(r, -0.01, 0.01);
      return line(r, g.textX0 - between(r, -4, 6), g.textX1 + between(r, -4, 6), (x) => y + slope * (x - cx), width, ink, false);
    }
    case 'tick':
    case 'tick-on-name': {
      const x = kind === 'tick' ? g.textX1 + between(r, 6, 20) : between(r, g.textX0, g.textX1 - 10);
      const y = middleOf(g) + between(r, -1, 1);
      const s = between(r, 0.8, 1.2);
      return [{ points: [{ x, y: y - 1 * s }, { x: x + 3 * s, y: y + 4 * s }, { x: x + 10 * s, y: y - 7 * s }], width: Math.min(width, 1.8), ink }];
    }
    case 'circle':
    case 'circle-tight':
    case 'circle-open': {
      const cy = middleOf(g) - between(r, 0, 2);
      const a = (g.textX1 - g.textX0) / 2 + (kind === 'circle-tight' ? between(r, 2.5, 5) : between(r, 6, 14));
      const b = between(r, 8.5, 10.5);
      const pts: Point[] = [];
      const start = between(r, 0, 2 * Math.PI);
      // An open circle: the pen lifted before the loop closed, a gap at one end of the name.
      const turn = kind === 'circle-open' ? between(r, 0.78, 0.9) : between(r, 1.02, 1.15);
      for (let k = 0; k <= 80; k++) {
        const t = start + (k / 80) * 2 * Math.PI * turn;
        const grow = 1 + 0.04 * (k / 80);
        pts.push({ x: cx + a * grow * Math.cos(t), y: cy + b * grow * Math.sin(t) });
      }
      return [{ points: pts, width: Math.min(width, 1.8), ink }];
    }
    case 'dot': {
      const x = between(r, g.row.row.x + 4, g.row.row.x + g.row.row.width - 4);
      const y = between(r, g.row.row.y + 4, g.row.row.y + g.row.row.height - 4);
      return [{ points: [{ x, y }], width: between(r, 1.5, 3), ink }];
    }
    case 'dot-on-name': {
      const x = between(r, g.textX0 + 2, g.textX1 - 2);
      const y = middleOf(g) + between(r, -2.5, 2.5);
      return [{ points: [{ x, y }, { x: x + between(r, 0, 1), y: y + between(r, -0.5, 0.5) }], width: between(r, 1.2, 2.8), ink }];
    }
  }
};

/** An X (or a tick) in a checkbox. */
export const cross = (r: Rand, b: Box, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p === 'felt-pen' ? 'ballpoint' : p);
  const m = between(r, 0.5, 2.5);
  if (r() < 0.2) {
    return [{ points: [{ x: b.x + m, y: b.y + b.height / 2 }, { x: b.x + b.width * 0.4, y: b.y + b.height - m }, { x: b.x + b.width - m, y: b.y + m }], width, ink }];
  }
  return [
    { points: [{ x: b.x + m, y: b.y + m }, { x: b.x + b.width - m, y: b.y + b.height - m }], width, ink },
    { points: [{ x: b.x + b.width - m, y: b.y + m }, { x: b.x + m, y: b.y + b.height - m }], width, ink },
  ];
};

/** A signature-like scribble at (x, y), `length` points long. */
export const scribble = (r: Rand, x: number, y: number, length = 60): Stroke[] => {
  const pts: Point[] = [];
  const f = between(r, 0.6, 1.2);
  for (let k = 0; k < length / 1.5; k++) pts.push({ x: x + k * 1.5, y: y + between(r, 3, 6) * Math.sin(k * f) + between(r, -1, 1) });
  return [{ points: pts, width: between(r, 0.7, 1.4), ink: between(r, 30, 90) }];
};
