/**
 * Plane-to-plane perspective maps (homographies) for photographed ballots: x' = (a·x + b·y + c) / (g·x + h·y + 1),
 * y' = (d·x + e·y + f) / (g·x + h·y + 1). Eight parameters, solved exactly from four point pairs (the four
 * registration marks). Pure arithmetic: also runs in the browser's camera worker.
 */
import type { Point } from './transform.ts';

export interface Homography {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
  readonly g: number;
  readonly h: number;
}

export const applyH = (m: Homography, p: Point): Point => {
  const w = m.g * p.x + m.h * p.y + 1;
  return { x: (m.a * p.x + m.b * p.y + m.c) / w, y: (m.d * p.x + m.e * p.y + m.f) / w };
};

/** Solves the n×n system `m`·v = `r` by Gaussian elimination with partial pivoting; null when (nearly) singular. */
export const solveLinear = (m: readonly (readonly number[])[], r: readonly number[]): number[] | null => {
  const n = r.length;
  const a = m.map((row, i) => [...row, r[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(a[i]![col]!) > Math.abs(a[pivot]![col]!)) pivot = i;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const row = a[i]!;
      const k = row[col]! / p[col]!;
      if (k === 0) continue;
      for (let j = col; j <= n; j++) row[j]! -= k * p[j]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
};

/**
 * The homography taking each of the four points `from` to the matching point of `to`; null when three of them are
 * (nearly) on one line. Coordinates are scaled to about 1 before solving, for a well-conditioned system.
 */
export const homographyFrom4 = (from: readonly Point[], to: readonly Point[]): Homography | null => {
  if (from.length !== 4 || to.length !== 4) return null;
  const s = Math.max(1, ...from.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const t = Math.max(1, ...to.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const x = from[i]!.x / s, y = from[i]!.y / s, X = to[i]!.x / t, Y = to[i]!.y / t;
    rows.push([x, y, 1, 0, 0, 0, -x * X, -y * X]);
    rhs.push(X);
    rows.push([0, 0, 0, x, y, 1, -x * Y, -y * Y]);
    rhs.push(Y);
  }
  const v = solveLinear(rows, rhs);
  if (v === null || v.some((x) => !Number.isFinite(x))) return null;
  const [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
  // Undo the scaling: the map of unscaled points is T·H·S⁻¹ with S = diag(s, s, 1), T = diag(t, t, 1).
  return { a: (a * t) / s, b: (b * t) / s, c: c * t, d: (d * t) / s, e: (e * t) / s, f: f * t, g: g / s, h: h / s };
};

/** The Jacobian of the map at `p`: how a small step along x and along y of the page moves in the image. */
export const jacobian = (m: Homography, p: Point): { readonly dx: Point; readonly dy: Point } => {
  const w = m.g * p.x + m.h * p.y + 1;
  const X = (m.a * p.x + m.b * p.y + m.c) / w;
  const Y = (m.d * p.x + m.e * p.y + m.f) / w;
  return { dx: { x: (m.a - m.g * X) / w, y: (m.d - m.g * Y) / w }, dy: { x: (m.b - m.h * X) / w, y: (m.e - m.h * Y) / w } };
};

/** The smallest and largest stretch (singular values of the Jacobian) of the map at `p`, in image pixels per unit. */
export const stretch = (m: Homography, p: Point): { readonly min: number; readonly max: number } => {
  const { dx, dy } = jacobian(m, p);
  // Singular values of [[dx.x, dy.x], [dx.y, dy.y]].
  const a = dx.x, b = dy.x, c = dx.y, d = dy.y;
  const s1 = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  const root = Math.sqrt(Math.max(0, s1 * s1 - 4 * det * det));
  return { min: Math.sqrt(Math.max(0, (s1 - root) / 2)), max: Math.sqrt((s1 + root) / 2) };
};

/** `outer` after `inner`: p ↦ outer(inner(p)); null when the product is degenerate. */
export const composeH = (outer: Homography, inner: Homography): Homography | null => {
  const m = (x: Homography): number[] => [x.a, x.b, x.c, x.d, x.e, x.f, x.g, x.h, 1];
  const A = m(outer), B = m(inner);
  const r = Array.from({ length: 9 }, (_, k) => {
    const i = Math.floor(k / 3), j = k % 3;
    return A[3 * i]! * B[j]! + A[3 * i + 1]! * B[3 + j]! + A[3 * i + 2]! * B[6 + j]!;
  });
  const s = r[8]!;
  if (Math.abs(s) < 1e-12) return null;
  return { a: r[0]! / s, b: r[1]! / s, c: r[2]! / s, d: r[3]! / s, e: r[4]! / s, f: r[5]! / s, g: r[6]! / s, h: r[7]! / s };
};
