/**
 * The pages of one scan file one at a time (PDF pages rasterised one by one by pdftoppm), so the server never
 * holds a whole decoded stack in memory: an A4 page at 200 dpi is 3.9 MB grey, a stack of 200 would be 780 MB.
 * Before anything is rasterised, the file's page count is checked against the sheets the batch can hold, and every
 * page's size against A3: a 454-byte PDF page of 14,400 pt would otherwise become 40,000² pixels (1.6 GB grey).
 */
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { err, ok, type Result, type RuleError } from '../rules/index.ts';
import type { GreyImage } from './image.ts';
import type { PagePool } from './page-pool.ts';
import { decodePage, parsePgm, pageTooLarge, pdfToolFailed, sniffFile, sniffKind, tooManySheets, unreadable, type ScanFile } from './input.ts';
import { tempFolder } from '../runtime/temp-folder.ts';

const run = promisify(execFile);
const firstLine = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e));

/** The largest page accepted, in points, either way round: A3 (842 × 1191 pt) and a scanner's margin. */
export const MAX_PAGE_POINTS = { short: 900, long: 1250 } as const;

/** Every page's size in points, from `pdfinfo -f 1 -l N` ("Page    3 size: 595.28 x 841.89 pts"). */
const pageSizes = (info: string): Array<{ page: number; width: number; height: number }> =>
  [...info.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gmu)]
    .map((m) => ({ page: Number(m[1]), width: Number(m[2]), height: Number(m[3]) }));

const tooLarge = (width: number, height: number): boolean =>
  Math.min(width, height) > MAX_PAGE_POINTS.short || Math.max(width, height) > MAX_PAGE_POINTS.long;

/** The page count and every page's size, checked before anything is rasterised; the count when all is well. */
const checkPdf = async (pdf: string, maxSheets: number): Promise<Result<number, RuleError>> => {
  let count: number;
  try {
    const info = await run('pdfinfo', [pdf], { maxBuffer: 1 << 20 });
    count = Number(/^Pages:\s+(\d+)/mu.exec(info.stdout)?.[1] ?? 0);
  } catch (e) {
    return err(pdfToolFailed('pdfinfo', e));
  }
  if (count === 0) return err(unreadable('PDF không có trang'));
  if (count > maxSheets) return err(tooManySheets(count, maxSheets));
  let sizes: ReturnType<typeof pageSizes>;
  try {
    sizes = pageSizes((await run('pdfinfo', ['-f', '1', '-l', String(count), pdf], { maxBuffer: 64 << 20 })).stdout);
  } catch (e) {
    return err(pdfToolFailed('pdfinfo', e));
  }
  if (sizes.length !== count) return err(unreadable('pdfinfo: kích thước trang'));
  const large = sizes.find((s) => tooLarge(s.width, s.height));
  return large === undefined ? ok(count) : err(pageTooLarge(`trang ${large.page}: ${Math.round(large.width)} × ${Math.round(large.height)} pt`,
    `page ${large.page}: ${Math.round(large.width)} × ${Math.round(large.height)} pt`));
};

async function* pdfPages(file: ScanFile, dpi: number, maxSheets: number): AsyncGenerator<Result<GreyImage, RuleError>> {
  const dir = await tempFolder('scan-pages');
  try {
    const pdf = typeof file === 'string' ? file : join(dir, 'in.pdf');
    if (typeof file !== 'string') await writeFile(pdf, file);
    const checked = await checkPdf(pdf, maxSheets);
    if (!checked.ok) {
      yield checked;
      return;
    }
    const count = checked.value;
    for (let p = 1; p <= count; p++) {
      const out = join(dir, `p${p}`);
      try {
        await run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(p), '-l', String(p), '-singlefile', pdf, out], { maxBuffer: 1 << 20 });
        const img = parsePgm(await readFile(`${out}.pgm`));
        await rm(`${out}.pgm`, { force: true });
        yield img === null ? err(unreadable(`trang PDF ${p}`)) : ok(img);
      } catch (e) {
        yield err(pdfToolFailed(`pdftoppm, trang ${p}`, e));
        return;
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ScanPagesOptions {
  readonly dpi?: number;
  /** The sheets the batch can still hold: a file with more pages is refused before any page is decoded. */
  readonly maxSheets?: number;
}

/**
 * One page of a scan file: a PDF page already rasterised (pdftoppm, its own process), or page `index` of an image
 * file (PNG, JPEG, TIFF) left encoded, to be decoded where it is read (the server's scanning threads).
 */
export type PageSource = { readonly kind: 'decoded'; readonly image: GreyImage } | { readonly kind: 'encoded'; readonly index: number };

/** Every page of one scan file, in order, as a source; nothing of an image file is decoded here. */
export async function* pageSources(file: ScanFile, options: ScanPagesOptions = {}): AsyncGenerator<Result<PageSource, RuleError>> {
  const dpi = options.dpi ?? 200;
  const maxSheets = options.maxSheets ?? Number.MAX_SAFE_INTEGER;
  const kind = typeof file === 'string' ? await sniffFile(file) : sniffKind(file);
  if (kind === null) {
    yield err(unreadable('không phải PDF, PNG, JPEG hay TIFF'));
    return;
  }
  if (kind === 'pdf') {
    for await (const page of pdfPages(file, dpi, maxSheets)) yield page.ok ? ok({ kind: 'decoded', image: page.value }) : page;
    return;
  }
  let pages: number;
  try {
    pages = kind === 'tiff' ? ((await sharp(file).metadata()).pages ?? 1) : 1;
  } catch (e) {
    yield err(unreadable(firstLine(e)));
    return;
  }
  if (pages > maxSheets) {
    yield err(tooManySheets(pages, maxSheets));
    return;
  }
  for (let p = 0; p < pages; p++) yield ok({ kind: 'encoded', index: p });
}

/** Page `index` of an image file, decoded; an error as the file's reason. */
export const decodeSource = async (file: ScanFile, index: number, pool?: PagePool): Promise<Result<GreyImage, RuleError>> => {
  try {
    return await decodePage(file, index, pool);
  } catch (e) {
    return err(unreadable(firstLine(e)));
  }
};

/** Every page of one scan file, in order, decoded only when asked for; an unreadable page ends the file. */
export async function* scanPages(bytes: Uint8Array, options: ScanPagesOptions = {}): AsyncGenerator<Result<GreyImage, RuleError>> {
  for await (const source of pageSources(bytes, options)) {
    const page = !source.ok ? source : source.value.kind === 'decoded' ? ok(source.value.image) : await decodeSource(bytes, source.value.index);
    yield page;
    if (!page.ok) return;
  }
}
