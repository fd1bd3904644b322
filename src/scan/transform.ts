/**
 * Affine maps from page points to image pixels: x' = a·x + b·y + c, y' = d·x + e·y + f. Fitted by least squares
 * on the four registration marks; the residual says whether the marks agree with each other.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export const apply = (t: Affine, p: Point): Point => ({ x: t.a * p.x + t.b * p.y + t.c, y: t.d * p.x + t.e * p.y + t.f });

/** Solves the 3×3 system m·v = r (Cramer); null when singular. */
const solve3 = (m: readonly number[], r: readonly [number, number, number]): [number, number, number] | null => {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (Math.abs(det) < 1e-9) return null;
  const [p, q, s] = r;
  return [
    (p * (e * i - f * h) - b * (q * i - f * s) + c * (q * h - e * s)) / det,
    (a * (q * i - f * s) - p * (d * i - f * g) + c * (d * s - q * g)) / det,
    (a * (e * s - q * h) - b * (d * s - q * g) + p * (d * h - e * g)) / det,
  ];
};

export interface Fit {
  readonly transform: Affine;
  /** The largest distance, in pixels, between a mark found and where the fitted map puts it. */
  readonly residual: number;
}

/** Least-squares affine map from `from` (page points) to `to` (pixels); null when the points are degenerate. */
export const fitAffine = (from: readonly Point[], to: readonly Point[]): Fit | null => {
  let sxx = 0, sxy = 0, sx = 0, syy = 0, sy = 0;
  let ux = 0, uy = 0, u1 = 0, vx = 0, vy = 0, v1 = 0;
  from.forEach((p, k) => {
    const q = to[k]!;
    sxx += p.x * p.x; sxy += p.x * p.y; sx += p.x; syy += p.y * p.y; sy += p.y;
    ux += q.x * p.x; uy += q.x * p.y; u1 += q.x;
    vx += q.y * p.x; vy += q.y * p.y; v1 += q.y;
  });
  const m = [sxx, sxy, sx, sxy, syy, sy, sx, sy, from.length];
  const row1 = solve3(m, [ux, uy, u1]);
  const row2 = solve3(m, [vx, vy, v1]);
  if (row1 === null || row2 === null) return null;
  const transform: Affine = { a: row1[0], b: row1[1], c: row1[2], d: row2[0], e: row2[1], f: row2[2] };
  const residual = Math.max(...from.map((p, k) => {
    const q = apply(transform, p);
    return Math.hypot(q.x - to[k]!.x, q.y - to[k]!.y);
  }));
  return { transform, residual };
};

/** Pixels per point along the page's x and y axes, the rotation in degrees and the shear (0 for a similarity). */
export const describe = (t: Affine): { readonly sx: number; readonly sy: number; readonly degrees: number; readonly shear: number } => {
  const sx = Math.hypot(t.a, t.d);
  const sy = Math.hypot(t.b, t.e);
  return { sx, sy, degrees: (Math.atan2(t.d, t.a) * 180) / Math.PI, shear: (t.a * t.b + t.d * t.e) / (sx * sy) };
};
