/**
 * Scans in: PNG, JPEG, TIFF (every page) through sharp, PDF through `pdftoppm -r 200 -gray` (poppler-utils),
 * greyscale or colour, to 8-bit grey pages. The only I/O of the reader besides the review crops (a decoded page passes
 * through a temporary file: page-file.ts).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import type { GreyImage } from './image.ts';
import { pdfToolFailed, unreadable } from './scan-errors.ts';
import { sniffKind } from './file-kind.ts';
import { pageThroughFile } from './page-file.ts';
import { pagePool, type PagePool } from './page-pool.ts';
import { tempFolder } from '../runtime/temp-folder.ts';

const run = promisify(execFile);

// Every scan is decoded once: libvips' cache of operations would only hold memory (a page is 4–9 MB).
sharp.cache(false);

export { sniffFile } from './sniff.ts';
export { sniffKind, type ScanFileKind } from './file-kind.ts';
export { PDF_TOOL_MISSING, pdfToolFailed, unreadable } from './scan-errors.ts';

/**
 * A scan file: its bytes, or the path of a file holding them (libvips reads from it what a page needs: the server
 * keeps a stored stack's files on disk while it reads them, never 25–60 MB of each in memory).
 */
export type ScanFile = Uint8Array | string;

/** A page larger than a ballot can be (A3): refused before it is decoded. */
export const pageTooLarge = (detail_vi: string, detail_en: string): RuleError => ruleError('scan.page-too-large',
  `Trang quét lớn hơn khổ A3 (${detail_vi}): phiếu bầu là khổ A5 hoặc A4; quét lại đúng khổ giấy.`,
  `A scanned page is larger than A3 (${detail_en}): ballots are A5 or A4; scan them again at their paper size.`);

/** More pages than the batch's ballots can have sheets: the stack is refused before they are read. */
export const tooManySheets = (pages: number, maxSheets: number): RuleError => ruleError('scan.too-many-sheets',
  `Tập quét có nhiều tờ hơn số phiếu của tập: tệp có ${pages} trang, tập chỉ còn chỗ cho ${Math.max(0, maxSheets)} tờ. Đếm lại tập phiếu và quét lại.`,
  `The stack has more sheets than the batch's count: the file has ${pages} pages, the batch has room for ${Math.max(0, maxSheets)} more. Count the batch again and scan it again.`);

/** The most pixels of one scanned image page: an A4 page at 600 dpi (34.8 million) and a margin. */
export const MAX_PAGE_PIXELS = 40_000_000;

/**
 * One page of a PNG/JPEG/TIFF through sharp, turned upright by its EXIF orientation (a phone photo), flattened on
 * white, as 8-bit grey; a page over MAX_PAGE_PIXELS is
 * refused before it is decoded. A grey scan's one channel is taken as it is; an 8-bit RGB scan's channels are weighed
 * into luminance (ITU-R BT.601) here (`luminance`), any other colour page by libvips (`recomb`, after sharp has
 * turned it into 8-bit sRGB) — never by sharp's colour pipeline, which costs as much again as the decoding itself.
 * The grey and the 8-bit sRGB pages are read back from a file libvips writes (page-file.ts: memory of V8's own, which
 * a scavenge or freeNow frees, not a Buffer that only a full collection does), into a buffer of `pool`'s (a reading
 * thread's, kept from page to page; by default a new one each page).
 */
export const decodePage = async (file: ScanFile, page: number, pool: PagePool = ONE_PAGE_AT_A_TIME): Promise<Result<GreyImage, RuleError>> => {
  const image = sharp(file, { page, limitInputPixels: MAX_PAGE_PIXELS, sequentialRead: true });
  const meta = await image.metadata();
  const height = meta.pageHeight ?? meta.height;
  if (meta.width * height > MAX_PAGE_PIXELS) {
    return err(pageTooLarge(`trang ${page + 1}: ${meta.width} × ${height} điểm ảnh`, `page ${page + 1}: ${meta.width} × ${height} pixels`));
  }
  // A phone's JPEG may be stored sideways with an EXIF orientation: turned upright as the phone showed it.
  const upright = (meta.orientation ?? 1) > 1 ? image.rotate() : image;
  const flat = meta.hasAlpha ? upright.flatten({ background: '#ffffff' }) : upright;
  const channels = meta.channels - (meta.hasAlpha ? 1 : 0);
  // A scanner's plain grey page (8 bits, one channel, no alpha, no ICC profile) is kept grey to the end: sharp turns its
  // output to sRGB unless told otherwise, and extracting one channel of that costs a quarter of the decoding (22 → 17 ms
  // for an A4 PNG at 200 dpi), for the same pixels.
  if (meta.channels === 1 && meta.space === 'b-w' && meta.depth === 'uchar' && meta.icc === undefined) {
    const grey = await pageThroughFile(flat.clone().toColourspace('b-w'), pool) ?? await rawGrey(flat.toColourspace('b-w'));
    if (grey !== null) return ok(grey);
  }
  if (channels === 1) return ok(await rawChannel(flat.extractChannel(0)));
  // libvips' recomb works in floats on all three output channels: 3–4 times the PNG's decoding (85 against 25 ms
  // for an A4 page at 200 dpi); weighing the RGB page here costs about 10 ms, for the same grey levels.
  if (channels === 3 && meta.space === 'srgb' && meta.depth === 'uchar') {
    const grey = await pageThroughFile(flat.clone(), pool, luminanceInto);
    if (grey !== null) return ok(grey);
    const { data, info } = await flat.raw().toBuffer({ resolveWithObject: true });
    // Weighed through a plain Uint8Array view: sharp's Buffer gets a map of its own that dies with the page, and
    // `luminance`'s optimized code with it (compiled again on most colour pages).
    if (info.channels === 3) return ok({ width: info.width, height: info.height, data: luminance(new Uint8Array(data.buffer, data.byteOffset, data.length)) });
  }
  return ok(await rawChannel(flat.recomb(LUMINANCE).extractChannel(0)));
};

/** No buffer kept: each page's pixels new, freed when its reader gives them back (or by the collector). */
const ONE_PAGE_AT_A_TIME = pagePool(0);

/** An image that libvips gives as one channel, as a grey page; null when it gives more (a page made colour on the way). */
const rawGrey = async (image: ReturnType<typeof sharp>): Promise<GreyImage | null> => {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return info.channels !== 1 ? null : { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
};

/** The one channel extracted from an image (extractChannel), as a grey page. */
const rawChannel = async (image: ReturnType<typeof sharp>): Promise<GreyImage> => {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
};

/** ITU-R BT.601 luminance in the first channel (the others unused). */
const LUMINANCE: [[number, number, number], [number, number, number], [number, number, number]] = [[0.299, 0.587, 0.114], [0, 0, 0], [0, 0, 0]];

/**
 * The grey of 8-bit RGB pixels by BT.601, with the very arithmetic of libvips' recomb and cast (the sum in double,
 * rounded to a float, truncated), so that a colour page gives the reader the same grey levels either way.
 */
export const luminance = (rgb: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.floor(rgb.length / 3));
  luminanceInto(rgb, out);
  return out;
};

/**
 * `luminance` of the first `out.length` pixels of `rgb`, written into `out`: in integers scaled by 2^19 — the same
 * level as `Math.fround(0.299 r + 0.587 g + 0.114 b)` truncated for every one of the 2^24 RGB triples (checked in
 * test/scan/input.test.ts), a fifth less time than the floats (~12 → ~9.5 ms an A4 page at 200 dpi).
 */
export const luminanceInto = (rgb: Uint8Array, out: Uint8Array): void => {
  const n = out.length;
  for (let i = 0, k = 0; i < n; i++, k += 3) out[i] = (LUMA_R * rgb[k]! + LUMA_G * rgb[k + 1]! + LUMA_B * rgb[k + 2]! + LUMA_ROUND) >>> LUMA_SHIFT;
};

/** BT.601's weights scaled by 2^LUMA_SHIFT (their sum 2^19 exactly) and the offset that makes the truncation libvips'. */
const LUMA_SHIFT = 19;
const LUMA_R = 156_762;
const LUMA_G = 307_757;
const LUMA_B = 59_769;
const LUMA_ROUND = 64;

/** A binary PGM (P5, maxval 255) as written by pdftoppm -gray. */
export const parsePgm = (bytes: Uint8Array): GreyImage | null => {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (m === null || m[3] !== '255') return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const start = m[0].length;
  if (bytes.length < start + width * height) return null;
  return { width, height, data: bytes.subarray(start, start + width * height) };
};

/** Every page of a PDF at `dpi` (200 by default), grey. */
export const rasterisePdf = async (bytes: Uint8Array, dpi = 200): Promise<Result<GreyImage[], RuleError>> => {
  const dir = await tempFolder('scan-pages');
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    await run('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'in.pdf'), join(dir, 'p')], { maxBuffer: 1 << 20 });
    const names = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort((a, b) => pageNo(a) - pageNo(b));
    const pages: GreyImage[] = [];
    for (const name of names) {
      const img = parsePgm(await readFile(join(dir, name)));
      if (img === null) return err(unreadable(`trang PDF ${name}`));
      pages.push(img);
    }
    return pages.length === 0 ? err(unreadable('PDF không có trang')) : ok(pages);
  } catch (e) {
    return err(pdfToolFailed('pdftoppm', e));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const pageNo = (name: string): number => Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? 0);

/** Every page of one scan file, in order. */
export const decodeScan = async (bytes: Uint8Array): Promise<Result<GreyImage[], RuleError>> => {
  const kind = sniffKind(bytes);
  if (kind === null) return err(unreadable('không phải PDF, PNG, JPEG hay TIFF'));
  if (kind === 'pdf') return rasterisePdf(bytes);
  try {
    const pages = kind === 'tiff' ? ((await sharp(bytes).metadata()).pages ?? 1) : 1;
    const out: GreyImage[] = [];
    for (let p = 0; p < pages; p++) {
      const page = await decodePage(bytes, p);
      if (!page.ok) return page;
      out.push(page.value);
    }
    return ok(out);
  } catch (e) {
    return err(unreadable(e instanceof Error ? e.message : String(e)));
  }
};

export const readScanFile = async (path: string): Promise<Result<GreyImage[], RuleError>> => {
  try {
    return await decodeScan(await readFile(path));
  } catch (e) {
    return err(unreadable(e instanceof Error ? e.message : String(e)));
  }
};
