/**
 * What people draw on a ballot, in page points: strikes (straight, slanted, wavy, double; thin ballpoint,
 * ballpoint, thick felt pen; partial), non-strikes (underline, tick, circle, dot), an X in a box, a scribble
 * outside the rows (the seal: seal.ts).
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
export const PENS = ['thin-ballpoint', 'ballpoint', 'felt-pen'] as const;
export type Pen = (typeof PENS)[number] | 'pencil';
export const STRIKE_SHAPES = ['straight', 'slanted', 'wavy', 'double'] as const;
export type StrikeShape = (typeof STRIKE_SHAPES)[number];
export const NON_STRIKES = ['underline', 'tick', 'circle', 'dot'] as const;
export type NonStrike = (typeof NON_STRIKES)[number];

type Rand = () => number;

const pen = (r: Rand, p: Pen): { width: number; ink: number } => {
  switch (p) {
    case 'thin-ballpoint': return { width: between(r, 0.7, 1), ink: between(r, 40, 90) };
    case 'ballpoint': return { width: between(r, 1, 1.6), ink: between(r, 25, 70) };
    case 'felt-pen': return { width: between(r, 2.5, 3.6), ink: between(r, 15, 45) };
    case 'pencil': return { width: between(r, 0.8, 1.2), ink: between(r, 150, 185) };
  }
};

/** A hand-drawn line: points every 3 pt with a little tremor, `y(x)` giving its course. */
const line = (r: Rand, x0: number, x1: number, y: (x: number) => number): Point[] => {
  const pts: Point[] = [];
  let wobble = 0;
  for (let x = x0; x < x1; x += 3) {
    wobble = Math.max(-0.4, Math.min(0.4, wobble + between(r, -0.15, 0.15)));
    pts.push({ x, y: y(x) + wobble });
  }
  pts.push({ x: x1, y: y(x1) + wobble });
  return pts;
};

const middleOf = (g: RowGuide): number => (g.bandTop + g.baseline) / 2;

/** A strike through the whole name, beyond both ends. */
export const strike = (r: Rand, g: RowGuide, shape: StrikeShape, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const x0 = g.textX0 - between(r, 1, 10);
  const x1 = g.textX1 + between(r, 1, 10);
  const y0 = middleOf(g) + between(r, -0.8, 0.8);
  switch (shape) {
    case 'straight':
      return [{ points: line(r, x0, x1, () => y0), width, ink }];
    case 'slanted': {
      const rise = between(r, 2, 5) * (r() < 0.5 ? -1 : 1);
      return [{ points: line(r, x0, x1, (x) => y0 + rise * ((x - x0) / (x1 - x0) - 0.5)), width, ink }];
    }
    case 'wavy': {
      const amp = between(r, 0.8, 1.8);
      const period = between(r, 7, 16);
      const phase = between(r, 0, 6.28);
      const pts: Point[] = [];
      for (let x = x0; x <= x1; x += 1) pts.push({ x, y: y0 + amp * Math.sin((2 * Math.PI * x) / period + phase) });
      return [{ points: pts, width, ink }];
    }
    case 'double': {
      const d = between(r, 1, 1.7);
      return [{ points: line(r, x0, x1, () => y0 - d), width, ink }, { points: line(r, x0 + between(r, -3, 3), x1 + between(r, -3, 3), () => y0 + d), width, ink }];
    }
  }
};

/** A strike over part of the name only: the family name, or the given name. */
export const partialStrike = (r: Rand, g: RowGuide, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  const w = g.textX1 - g.textX0;
  const share = between(r, 0.25, 0.55);
  const y = middleOf(g) + between(r, -0.8, 0.8);
  return r() < 0.6
    ? [{ points: line(r, g.textX0 - between(r, 1, 6), g.textX0 + share * w, () => y), width, ink }]
    : [{ points: line(r, g.textX1 - share * w, g.textX1 + between(r, 1, 6), () => y), width, ink }];
};

/** A mark that is not a strike: it keeps the name. */
export const nonStrike = (r: Rand, g: RowGuide, kind: NonStrike, p: Pen): Stroke[] => {
  const { width, ink } = pen(r, p);
  switch (kind) {
    case 'underline': {
      const y = g.baseline + 2 + width / 2 + between(r, 0, 1.5);
      return [{ points: line(r, g.textX0 - between(r, 0, 4), g.textX1 + between(r, 0, 4), () => y), width, ink }];
    }
    case 'tick': {
      const x = g.textX1 + between(r, 8, 20);
      const y = middleOf(g);
      return [{ points: [{ x, y }, { x: x + 3, y: y + 4 }, { x: x + 10, y: y - 6 }], width, ink }];
    }
    case 'circle': {
      const cx = (g.textX0 + g.textX1) / 2;
      const cy = middleOf(g) - 1;
      const a = (g.textX1 - g.textX0) / 2 + between(r, 6, 12);
      const b = between(r, 9, 10.5);
      const pts: Point[] = [];
      const start = between(r, 0, 6.28);
      for (let k = 0; k <= 72; k++) {
        const t = start + (k / 64) * 2 * Math.PI;
        pts.push({ x: cx + a * Math.cos(t), y: cy + b * Math.sin(t) });
      }
      return [{ points: pts, width: Math.min(width, 1.6), ink }];
    }
    case 'dot': {
      const x = between(r, g.row.row.x + 4, g.row.row.x + g.row.row.width - 4);
      const y = between(r, g.row.row.y + 4, g.row.row.y + g.row.row.height - 4);
      return [{ points: [{ x, y }], width: between(r, 1.5, 3), ink }];
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

/** A signature-like scribble at (x, y). */
export const scribble = (r: Rand, x: number, y: number): Stroke[] => {
  const pts: Point[] = [];
  for (let k = 0; k < 40; k++) pts.push({ x: x + k * 1.5, y: y + 5 * Math.sin(k * 0.9) + between(r, -1, 1) });
  return [{ points: pts, width: 1, ink: 50 }];
};
