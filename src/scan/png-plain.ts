/**
 * The plain PNG a scanner writes — 8-bit grey or RGB, not interlaced, no colour profile, gamma, transparency or
 * orientation — decoded here to the grey page libvips would give (input.ts `decodePage`): Node's zlib inflates the
 * image data, each row is unfiltered and, for RGB, weighed into grey (`luminance`'s arithmetic) as it comes, so a
 * colour page never exists as a 14.8 MB RGB buffer (at 200 dpi A4) and nothing goes through libvips' pipeline.
 * Any other PNG — and any file this reader finds the least fault with (a chunk's CRC, the compressed data's length,
 * a chunk it does not know) — is left to libvips: `null`, and the caller decodes it as before.
 */
import { crc32, inflateSync } from 'node:zlib';
import type { GreyImage } from './image.ts';
import { greyOf } from './luminance.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Chunks that change nothing in the pixels libvips gives, with the only length they may have (-1: any). */
const HARMLESS: ReadonlyMap<string, number> = new Map([['pHYs', 9], ['tIME', 7]]);
const GREY = 0;
const RGB = 2;

interface Header { readonly width: number; readonly height: number; readonly channels: 1 | 3 }

const chunkType = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
const u32 = (bytes: Uint8Array, at: number): number => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** IHDR's fields when they are a plain 8-bit grey or RGB image, else null. */
const plainHeader = (bytes: Uint8Array, at: number, length: number): Header | null => {
  if (length !== 13) return null;
  const width = u32(bytes, at);
  const height = u32(bytes, at + 4);
  const [depth, colour, compression, filter, interlace] = [bytes[at + 8], bytes[at + 9], bytes[at + 10], bytes[at + 11], bytes[at + 12]];
  if (width === 0 || height === 0 || depth !== 8 || compression !== 0 || filter !== 0 || interlace !== 0) return null;
  if (colour !== GREY && colour !== RGB) return null;
  return { width, height, channels: colour === GREY ? 1 : 3 };
};

/** The header and the compressed image data of a plain PNG whose every chunk is sound and known; else null. */
const plainChunks = (bytes: Uint8Array): { header: Header; data: Uint8Array[] } | null => {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  let header: Header | null = null;
  const data: Uint8Array[] = [];
  let dataEnded = false;
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = u32(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = chunkType(bytes, at + 4);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length)) return null;
    if (header === null) {
      if (type !== 'IHDR') return null;
      header = plainHeader(bytes, at + 8, length);
      if (header === null) return null;
    } else if (type === 'IDAT') {
      if (dataEnded) return null;
      data.push(bytes.subarray(at + 8, at + 8 + length));
    } else if (type === 'IEND') {
      return length === 0 && data.length > 0 ? { header, data } : null;
    } else {
      const expected = HARMLESS.get(type);
      if (expected === undefined || (expected >= 0 && expected !== length)) return null;
      if (data.length > 0) dataEnded = true;
    }
    at = end;
  }
  return null;
};

/**
 * A grey page from a plain PNG's bytes, or null for libvips to decode (see the file's comment), as it does a page of
 * more than `maxPixels` (to refuse it).
 */
export const decodePlainPng = (bytes: Uint8Array, maxPixels: number): GreyImage | null => {
  const chunks = plainChunks(bytes);
  if (chunks === null || chunks.header.width * chunks.header.height > maxPixels) return null;
  const { width, height, channels } = chunks.header;
  const stride = width * channels;
  const compressed = chunks.data.length === 1 ? chunks.data[0]! : Buffer.concat(chunks.data);
  let raw: Buffer;
  try {
    const inflated = inflateSync(compressed, { info: true, chunkSize: height * (stride + 1) + 1 }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (inflated.engine.bytesWritten !== compressed.length) return null;
    raw = inflated.buffer;
  } catch {
    return null;
  }
  if (raw.length !== height * (stride + 1)) return null;
  if (!unfilter(raw, height, stride, channels)) return null;
  // The page in a buffer of its own, as libvips gives it: the server's threads move it whole (sheet-protocol.ts).
  const grey = new Uint8Array(width * height);
  if (channels === 1) {
    for (let y = 0; y < height; y++) grey.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * width);
    return { width, height, data: grey };
  }
  let o = 0;
  for (let y = 0; y < height; y++) {
    for (let k = y * (stride + 1) + 1, e = k + stride; k < e; k += 3) grey[o++] = greyOf(raw[k]!, raw[k + 1]!, raw[k + 2]!);
  }
  return { width, height, data: grey };
};

/**
 * PNG's five row filters undone in place (each row's first byte is its filter); false for an unknown filter. The
 * first row's "row above" is zeros, and the first pixel's "pixel before": each case written out, without a test per byte.
 */
const unfilter = (raw: Uint8Array, height: number, stride: number, bpp: number): boolean => {
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    const f = raw[row - 1];
    if (f === 0) continue;
    if (f === 1) sub(raw, row, stride, bpp);
    else if (f === 2) { if (y > 0) up(raw, row, stride); }
    else if (f === 3) average(raw, row, stride, bpp, y > 0);
    else if (f === 4) { if (y > 0) paeth(raw, row, stride, bpp); else sub(raw, row, stride, bpp); }
    else return false;
  }
  return true;
};

// Each channel is undone on its own, its byte before carried in a variable rather than read back from the row just
// written: two to three times faster so (V8 does not see that the store and the load are the same byte).
const sub = (raw: Uint8Array, row: number, stride: number, bpp: number): void => {
  const end = row + stride;
  for (let ch = 0; ch < bpp; ch++) {
    let a = raw[row + ch]!;
    for (let i = row + ch + bpp; i < end; i += bpp) raw[i] = a = (raw[i]! + a) & 255;
  }
};

const up = (raw: Uint8Array, row: number, stride: number): void => {
  const above = stride + 1;
  for (let i = row, end = row + stride; i < end; i++) raw[i] = raw[i]! + raw[i - above]!;
};

const average = (raw: Uint8Array, row: number, stride: number, bpp: number, hasAbove: boolean): void => {
  const above = stride + 1;
  const end = row + stride;
  for (let ch = 0; ch < bpp; ch++) {
    let a = 0;
    if (hasAbove) for (let i = row + ch; i < end; i += bpp) raw[i] = a = (raw[i]! + ((a + raw[i - above]!) >> 1)) & 255;
    else for (let i = row + ch; i < end; i += bpp) raw[i] = a = (raw[i]! + (a >> 1)) & 255;
  }
};

/** Paeth's predictor, a row with a row above: of a (before), b (above), c (above before), the nearest to a + b − c. */
const paeth = (raw: Uint8Array, row: number, stride: number, bpp: number): void => {
  const above = stride + 1;
  const end = row + stride;
  for (let ch = 0; ch < bpp; ch++) {
    let a = 0;
    let c = 0;
    for (let i = row + ch; i < end; i += bpp) {
      const b = raw[i - above]!;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - c - c);
      raw[i] = a = (raw[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      c = b;
    }
  }
};
