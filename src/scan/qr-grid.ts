/**
 * The ballot's QR code read module by module where the layout prints it, for photos and scans where it is only
 * about two pixels a module (a 1080p phone photo of an A4 page: 1.0–1.3 px/pt, a module 1.6 pt) and blurred:
 * there jsQR's own search for the finder patterns and its 8-pixel blocks of binarisation lose it. The module grid
 * is known — the code of this round's ballot has a known number of modules (its text is known up to the page
 * number, which does not change its length) and fills the QR box inside a quiet zone of 2 modules
 * (src/documents/pdf/qr.ts) — so each module's centre is sampled through the registration map, split dark/light
 * by Otsu's threshold, and the clean matrix drawn again for jsQR to decode (its Reed–Solomon correction and the
 * strict payload check of register.ts stand as for any scan: a misread code is refused, never guessed).
 */
import jsqr from 'jsqr';
import type { Box } from '../documents/ballot-layout.ts';
import { encodeBallotQr } from '../documents/ballot-qr.ts';
import { QR_QUIET as QUIET, qrMatrix, type QrMatrix } from '../documents/qr-matrix.ts';
import type { ScanTarget } from './form.ts';
import type { GreyImage } from './image.ts';
import type { Affine } from './transform.ts';

const jsQR = jsqr.default;

/** Pixels per module and quiet modules of the image drawn for jsQR. */
const DRAW = 4;
const DRAW_QUIET = 4;
/** Shifts of the grid tried, in modules: the registration map may be off by a few tenths of a point there. */
const SHIFTS = [0, -0.25, 0.25, -0.5, 0.5];
/** How much a module is set off against its neighbours (1: as much again as it differs from them). */
const SHARPEN = 1;

interface BallotCode extends QrMatrix { readonly text: string }

const codesOf = new WeakMap<ScanTarget, readonly BallotCode[]>();

/** The code printed on each page of this round's ballot, as text and matrix (made once per target). */
const ballotCodes = (target: ScanTarget): readonly BallotCode[] => {
  const known = codesOf.get(target);
  if (known !== undefined) return known;
  const pages = target.layout.pages.length;
  const codes = target.layout.pages.map((_, i) => {
    const text = encodeBallotQr({ congressId: target.congressId, electionId: target.electionId, round: target.round, page: i + 1, pages, layoutHash: target.layout.hash });
    return { text, ...qrMatrix(text) };
  });
  codesOf.set(target, codes);
  return codes;
};

/** The number of modules a side of this round's ballot QR code (that of its last page). */
export const qrModules = (target: ScanTarget): number => ballotCodes(target).at(-1)!.size;

/** Bilinear grey at pixel position (x, y); white outside the image. */
const at = (img: GreyImage, x: number, y: number): number => {
  const sx = x - 0.5, sy = y - 0.5;
  const x0 = Math.floor(sx), y0 = Math.floor(sy);
  if (x0 < 0 || y0 < 0 || x0 >= img.width - 1 || y0 >= img.height - 1) return 255;
  const fx = sx - x0, fy = sy - y0, k = y0 * img.width + x0, d = img.data;
  const top = d[k]! + (d[k + 1]! - d[k]!) * fx;
  const bottom = d[k + img.width]! + (d[k + img.width + 1]! - d[k + img.width]!) * fx;
  return top + (bottom - top) * fy;
};

/** Otsu's threshold of the values (clamped to 0–255). */
const otsu = (values: Float32Array): number => {
  const hist = new Float64Array(256);
  for (const v of values) hist[Math.max(0, Math.min(255, Math.round(v)))]!++;
  const total = values.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let below = 0, sumBelow = 0, best = 0, level = 128;
  for (let v = 0; v < 256; v++) {
    below += hist[v]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += v * hist[v]!;
    const m0 = sumBelow / below, m1 = (sum - sumBelow) / above;
    const between = below * above * (m0 - m1) ** 2;
    if (between > best) { best = between; level = v + 0.5; }
  }
  return level;
};

/**
 * The module values of the grid shifted by (sx, sy) modules, at each centre, sharpened against their four
 * neighbours (v + SHARPEN·(v − their mean)): blur greys a lone dark module among light ones and the reverse, and
 * no one threshold splits both; the ring of quiet modules around the code gives the edge modules their neighbours.
 */
const sampleGrid = (img: GreyImage, t: Affine, b: Box, n: number, sx: number, sy: number): Float32Array => {
  const cell = Math.min(b.width, b.height) / (n + 2 * QUIET);
  const m = n + 2;
  const raw = new Float32Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const x = b.x + (c + QUIET - 0.5 + sx) * cell;
      const y = b.y + (r + QUIET - 0.5 + sy) * cell;
      raw[r * m + c] = at(img, t.a * x + t.b * y + t.c, t.d * x + t.e * y + t.f);
    }
  }
  const out = new Float32Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const k = (r + 1) * m + c + 1;
      const around = (raw[k - 1]! + raw[k + 1]! + raw[k - m]! + raw[k + m]!) / 4;
      out[r * n + c] = raw[k]! + SHARPEN * (raw[k]! - around);
    }
  }
  return out;
};

/** Centres of the alignment patterns by version (ISO/IEC 18004 Annex E), versions 1–10 (a ballot's code is 3–7). */
const ALIGNMENT: readonly (readonly number[])[] = [
  [], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
];

/**
 * The function patterns of a code of `n` modules — finders and their separators, timing lines, alignment patterns:
 * the same on every code of that size, carrying no data. Set as printed, so a blurred alignment centre does not
 * lead jsQR astray; null where the module is data (or format information).
 */
const functionPatterns = (n: number): (boolean | null)[] => {
  const version = (n - 17) / 4;
  const out: (boolean | null)[] = new Array<boolean | null>(n * n).fill(null);
  const set = (r: number, c: number, dark: boolean): void => {
    if (r >= 0 && c >= 0 && r < n && c < n) out[r * n + c] = dark;
  };
  for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(r0 + r, c0 + c, ring !== 2 && ring !== 4);
      }
    }
  }
  for (let i = 8; i < n - 8; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
  const centres = ALIGNMENT[version] ?? [];
  for (const r of centres) {
    for (const c of centres) {
      // Not over a finder.
      if ((r === 6 && c === 6) || (r === 6 && c === centres.at(-1)) || (r === centres.at(-1) && c === 6)) continue;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }
  return out;
};

/** The matrix drawn clean, black on white, for jsQR. */
const draw = (dark: (i: number) => boolean, n: number): { rgba: Uint8ClampedArray; side: number } => {
  const side = (n + 2 * DRAW_QUIET) * DRAW;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!dark(r * n + c)) continue;
      for (let y = 0; y < DRAW; y++) {
        const row = ((r + DRAW_QUIET) * DRAW + y) * side;
        for (let x = 0; x < DRAW; x++) {
          const k = (row + (c + DRAW_QUIET) * DRAW + x) * 4;
          rgba[k] = 0; rgba[k + 1] = 0; rgba[k + 2] = 0;
        }
      }
    }
  }
  return { rgba, side };
};

/**
 * Modules of a code that may differ from a page's printed code for the scan to be taken as that code: under half the
 * least distance between two codes of a ballot's size (versions 3–7 at level M: at least 16 error-correction
 * codewords a block, so two codes differ in at least 17 modules), so no other code can be nearer. Blur and a pen
 * over the code cost a few modules; more, and the code is decoded instead (jsQR), and refused if foreign.
 */
const MAX_MODULES_OFF = 8;

/**
 * The text of the page's code printed in the page box `b` when the scan shows that very code: each module sampled
 * through `t` and split dark/light, compared with the matrices this round's ballot prints there. Much cheaper than
 * decoding it, and it needs no finder pattern to be found; null when it is not one of them.
 */
export const matchBallotQr = (img: GreyImage, t: Affine, b: Box, target: ScanTarget, pages: readonly number[]): string | null => {
  const codes = ballotCodes(target).filter((_, i) => pages.includes(i));
  const n = codes[0]?.size;
  if (n === undefined || codes.some((c) => c.size !== n)) return null;
  const fixed = functionPatterns(n);
  for (const sy of SHIFTS) {
    for (const sx of SHIFTS) {
      const values = sampleGrid(img, t, b, n, sx, sy);
      const level = otsu(values);
      for (const code of codes) {
        let off = 0;
        for (let i = 0; i < n * n && off <= MAX_MODULES_OFF; i++) {
          if (fixed[i] === null && (values[i]! < level ? 1 : 0) !== code.dark[i]) off++;
        }
        if (off <= MAX_MODULES_OFF) return code.text;
      }
    }
  }
  return null;
};

/** The QR code of `n` modules in the page box `b`, read module by module through `t`; null when none is read. */
export const readQrGrid = (img: GreyImage, t: Affine, b: Box, n: number): string | null => {
  const fixed = functionPatterns(n);
  for (const sy of SHIFTS) {
    for (const sx of SHIFTS) {
      const values = sampleGrid(img, t, b, n, sx, sy);
      const level = otsu(values);
      const { rgba, side } = draw((i) => fixed[i] ?? values[i]! < level, n);
      const text = jsQR(rgba, side, side, { inversionAttempts: 'dontInvert' })?.data;
      if (text !== undefined && text !== '') return text;
    }
  }
  return null;
};
