/**
 * The plain grey PNG a scanner writes — 8 bits, one channel, not interlaced, no gamma, colour profile, transparency
 * or orientation — decoded here to the page libvips would give (input.ts `decodePage`): Node's zlib inflates the
 * image data into one buffer (each row after its filter byte), the rows are unfiltered there and moved up into the page.
 * Nothing goes through libvips' pipeline, whose work around the decoding cost about as much again on a grey page
 * (an A4 page at 200 dpi: 24–35 → 13–24 ms). RGB pages are left to libvips: its unfiltering (SIMD) is faster than
 * this file's on three channels, which made an adaptively filtered colour page slower here.
 * Any other PNG — and any file this reader finds the least fault with (a chunk's CRC, the compressed data's length,
 * a chunk it does not know) — is left to libvips: `null`, and the caller decodes it as before.
 */
import { crc32, inflateSync } from 'node:zlib';
import type { GreyImage } from './image.ts';
import { scratch } from './scratch.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Chunks that change nothing in the pixels libvips gives, with the only length they may have. */
const HARMLESS: ReadonlyMap<string, number> = new Map([['pHYs', 9], ['tIME', 7]]);
/** IHDR's colour type of a grey image without alpha. */
const GREY = 0;

interface Header { readonly width: number; readonly height: number }

const chunkType = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
const u32 = (bytes: Uint8Array, at: number): number => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** IHDR's fields when they are a plain 8-bit grey image, else null. */
const plainHeader = (bytes: Uint8Array, at: number, length: number): Header | null => {
  if (length !== 13) return null;
  const width = u32(bytes, at);
  const height = u32(bytes, at + 4);
  const [depth, colour, compression, filter, interlace] = [bytes[at + 8], bytes[at + 9], bytes[at + 10], bytes[at + 11], bytes[at + 12]];
  if (width === 0 || height === 0 || depth !== 8 || colour !== GREY || compression !== 0 || filter !== 0 || interlace !== 0) return null;
  return { width, height };
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
      if (HARMLESS.get(type) !== length) return null;
      if (data.length > 0) dataEnded = true;
    }
    at = end;
  }
  return null;
};

/** The image data's chunks end to end, in an array kept from one page to the next (a scanner writes 8 KB chunks). */
const joined = (parts: readonly Uint8Array[]): Uint8Array => {
  if (parts.length === 1) return parts[0]!;
  const out = compressedBytes(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const compressedBytes = scratch((n) => new Uint8Array(n), false, 16 << 20);

/**
 * A grey page from a plain PNG's bytes, or null for libvips to decode (see the file's comment), as it does a page of
 * more than `maxPixels` (to refuse it).
 */
export const decodePlainPng = (bytes: Uint8Array, maxPixels: number): GreyImage | null => {
  const chunks = plainChunks(bytes);
  if (chunks === null || chunks.header.width * chunks.header.height > maxPixels) return null;
  const { width, height } = chunks.header;
  const compressed = joined(chunks.data);
  let raw: Buffer;
  try {
    // One chunk as large as the rows: zlib writes them straight into it, not into pieces then joined.
    const inflated = inflateSync(compressed, { info: true, chunkSize: height * (width + 1) + 1 }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (inflated.engine.bytesWritten !== compressed.length) return null;
    raw = inflated.buffer;
  } catch {
    return null;
  }
  if (raw.length !== height * (width + 1) || !unfilter(raw, width, height)) return null;
  // Each row moved up over the filter bytes before it, in place: a second page-sized buffer brought more full
  // collections (120 readings, twice: 70 and 65 against libvips' 64 and 61; in place 59 and 56 against 58 and 56).
  // The page is then a view on the rows' buffer, which a server's thread copies rather than moves (sheet-protocol.ts).
  for (let y = 0; y < height; y++) raw.copyWithin(y * width, y * (width + 1) + 1, (y + 1) * (width + 1));
  return { width, height, data: new Uint8Array(raw.buffer, raw.byteOffset, width * height) };
};

/**
 * PNG's five row filters undone in place (each row's first byte is its filter); false for an unknown filter. The
 * first row's "row above" is zeros, as the first pixel's "pixel before".
 */
const unfilter = (raw: Uint8Array, width: number, height: number): boolean => {
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1) + 1;
    const end = row + width;
    const f = raw[row - 1];
    if (f === 0) continue;
    if (f === 1) sub(raw, row, end);
    else if (f === 2) { if (y > 0) up(raw, row, end, width + 1); }
    else if (f === 3) average(raw, row, end, y > 0 ? width + 1 : 0);
    else if (f === 4) { if (y > 0) paeth(raw, row, end, width + 1); else sub(raw, row, end); }
    else return false;
  }
  return true;
};

// The pixel before is carried in a variable rather than read back from the row just written: two to three times
// faster so (V8 does not see that the store and the load are the same byte).
const sub = (raw: Uint8Array, row: number, end: number): void => {
  let a = 0;
  for (let i = row; i < end; i++) raw[i] = a = (raw[i]! + a) & 255;
};

const up = (raw: Uint8Array, row: number, end: number, above: number): void => {
  for (let i = row; i < end; i++) raw[i] = raw[i]! + raw[i - above]!;
};

/** `above`: how far back the row above is, 0 on the first row (whose row above is zeros). */
const average = (raw: Uint8Array, row: number, end: number, above: number): void => {
  let a = 0;
  if (above === 0) for (let i = row; i < end; i++) raw[i] = a = (raw[i]! + (a >> 1)) & 255;
  else for (let i = row; i < end; i++) raw[i] = a = (raw[i]! + ((a + raw[i - above]!) >> 1)) & 255;
};

/** Paeth's predictor, a row with a row above: of a (before), b (above), c (above before), the nearest to a + b − c. */
const paeth = (raw: Uint8Array, row: number, end: number, above: number): void => {
  let a = 0;
  let c = 0;
  for (let i = row; i < end; i++) {
    const b = raw[i - above]!;
    const pa = Math.abs(b - c);
    const pb = Math.abs(a - c);
    const pc = Math.abs(a + b - c - c);
    raw[i] = a = (raw[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
    c = b;
  }
};
