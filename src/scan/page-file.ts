/**
 * A decoded page's pixels in memory of V8's own, written by libvips into a temporary file in its own format (VIPS:
 * a 64-byte header, then the pixels) and read back, rather than taken from sharp's `toBuffer`.
 *
 * Why: `toBuffer` hands libvips' buffer over as an external Buffer that Node holds by a weak handle — a scavenge
 * never frees it, only a full collection; it cannot be freed at once (freeNow: not transferable); and its bytes count
 * toward the old generation's limit until then (V8 starts a full collection once 8 MB more are held than after the
 * last). In a reading thread whose heap holds 13 MB, a grey page (4.9 MB at 200 dpi) brought a full collection every
 * second ballot and a colour page (15 MB) one nearly every time: the bench's 200 dpi files read as the server reads
 * them, 28 of 134 grey and 42 of 66 colour ballots with one inside, 1 and 0 this way. sharp's `toUint8Array` copies
 * into V8's memory, but the copy's fresh pages cost as much again as the decoding's own (4.9 MB touched for the first
 * time: 1,225 page faults; a grey page 32 → 46 ms under load, 37 this way). Written to a file, libvips holds no
 * buffer of the whole page, and a colour page is weighed into grey a strip at a time: its RGB pixels (15 MB) are never
 * in memory at once (a colour page 65 → 77 ms whole, decode + read 161 → 112 ms in strips).
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import type { GreyImage } from './image.ts';
import type { PagePool } from './page-pool.ts';
import { tempFolder } from '../runtime/temp-folder.ts';

/** The VIPS file's header: magic (either byte order), width, height, bands at 4, 8, 12; band format at 20 (0: 8-bit unsigned); coding at 24 (0: none). */
const HEADER_BYTES = 64;
const MAGICS = new Set([0xb6a6f208, 0x08f2a6b6]);

/** A colour page is read this many bytes at a time (about 260 rows of an A4 page at 200 dpi). */
const STRIP_BYTES = 1 << 20;

/** Whether the header says what the pixels are: `width` × `height`, `bands` 8-bit unsigned bands, not coded. */
const headerFits = (h: Uint8Array, width: number, height: number, bands: number): boolean => {
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
  if (!MAGICS.has(v.getUint32(0, false))) return false;
  const le = v.getUint32(0, false) === 0xb6a6f208;
  return v.getUint32(4, le) === width && v.getUint32(8, le) === height && v.getUint32(12, le) === bands
    && v.getUint32(20, le) === 0 && v.getUint32(24, le) === 0;
};

/**
 * The pixels of `image` (sharp, its operations set) as a grey page: one 8-bit band taken as it is, or, given `weigh`,
 * three weighed into grey (`rgb` → `out`, `out.length` pixels); null when libvips gives anything else (the caller
 * decodes it the other way, as it does when the file system fails). The page's pixels and a colour page's strip are
 * taken from `pool` (the strip given back to it); the caller gives the page back once it is read.
 */
export const pageThroughFile = async (image: Sharp, pool: PagePool, weigh?: (rgb: Uint8Array, out: Uint8Array) => void): Promise<GreyImage | null> => {
  const bands = weigh === undefined ? 1 : 3;
  // A folder of its own (removed after): a reading thread may decode the next page while this one is read back.
  let folder: string;
  try {
    folder = await tempFolder('scan-pages');
  } catch {
    return null;
  }
  const path = join(folder, 'page.v');
  try {
    const info = await image.toFile(path);
    if (info.channels !== bands) return null;
    const file = await open(path, 'r');
    try {
      const header = new Uint8Array(HEADER_BYTES);
      await file.read(header, 0, HEADER_BYTES, 0);
      if (!headerFits(header, info.width, info.height, bands)) return null;
      const data = pool.take(info.width * info.height);
      const whole = weigh === undefined ? await readGrey(file, data) : await readWeighed(file, data, 3 * info.width, pool, weigh);
      if (whole) return { width: info.width, height: info.height, data };
      pool.give(data);
      return null;
    } finally {
      await file.close();
    }
  } catch {
    // A file that cannot be decoded, or a temporary folder full: decoded the other way, which says why if it cannot.
    return null;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

/** A grey page's pixels into `data`; false when the file holds fewer. */
const readGrey = async (file: FileHandle, data: Uint8Array): Promise<boolean> =>
  (await file.read(data, 0, data.length, HEADER_BYTES)).bytesRead === data.length;

/** An RGB page's pixels weighed into `data` a strip of rows at a time; false when the file holds fewer. */
const readWeighed = async (
  file: FileHandle, data: Uint8Array, rowBytes: number, pool: PagePool, weigh: (rgb: Uint8Array, out: Uint8Array) => void,
): Promise<boolean> => {
  const width = rowBytes / 3;
  const height = data.length / width;
  const rows = Math.max(1, Math.floor(STRIP_BYTES / rowBytes));
  const buf = pool.take(rows * rowBytes);
  try {
    for (let y = 0; y < height; y += rows) {
      const n = Math.min(rows, height - y) * rowBytes;
      const { bytesRead } = await file.read(buf, 0, n, HEADER_BYTES + y * rowBytes);
      if (bytesRead !== n) return false;
      weigh(buf.subarray(0, n), data.subarray(y * width, y * width + n / 3));
    }
    return true;
  } finally {
    pool.give(buf);
  }
};
