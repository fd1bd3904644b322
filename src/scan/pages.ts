/**
 * The pages of one scan file one at a time (PDF pages rasterised one by one by pdftoppm), so the server never
 * holds a whole decoded stack in memory: an A4 page at 200 dpi is 3.9 MB grey, a stack of 200 would be 780 MB.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { err, ok, type Result, type RuleError } from '../rules/index.ts';
import type { GreyImage } from './image.ts';
import { decodePage, parsePgm, sniffKind, unreadable } from './input.ts';

const run = promisify(execFile);
const firstLine = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e));

async function* pdfPages(bytes: Uint8Array, dpi: number): AsyncGenerator<Result<GreyImage, RuleError>> {
  const dir = await mkdtemp(join(tmpdir(), 'daihoi-scan-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    let count: number;
    try {
      const info = await run('pdfinfo', [pdf], { maxBuffer: 1 << 20 });
      count = Number(/^Pages:\s+(\d+)/mu.exec(info.stdout)?.[1] ?? 0);
    } catch (e) {
      yield err(unreadable(`pdfinfo: ${firstLine(e)}`));
      return;
    }
    if (count === 0) {
      yield err(unreadable('PDF không có trang'));
      return;
    }
    for (let p = 1; p <= count; p++) {
      const out = join(dir, `p${p}`);
      try {
        await run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(p), '-l', String(p), '-singlefile', pdf, out], { maxBuffer: 1 << 20 });
        const img = parsePgm(await readFile(`${out}.pgm`));
        await rm(`${out}.pgm`, { force: true });
        yield img === null ? err(unreadable(`trang PDF ${p}`)) : ok(img);
      } catch (e) {
        yield err(unreadable(`pdftoppm, trang ${p}: ${firstLine(e)}`));
        return;
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every page of one scan file, in order, decoded only when asked for; an unreadable page ends the file. */
export async function* scanPages(bytes: Uint8Array, dpi = 200): AsyncGenerator<Result<GreyImage, RuleError>> {
  const kind = sniffKind(bytes);
  if (kind === null) {
    yield err(unreadable('không phải PDF, PNG, JPEG hay TIFF'));
    return;
  }
  if (kind === 'pdf') {
    yield* pdfPages(bytes, dpi);
    return;
  }
  let pages: number;
  try {
    pages = kind === 'tiff' ? ((await sharp(bytes).metadata()).pages ?? 1) : 1;
  } catch (e) {
    yield err(unreadable(firstLine(e)));
    return;
  }
  for (let p = 0; p < pages; p++) {
    try {
      yield ok(await decodePage(bytes, p));
    } catch (e) {
      yield err(unreadable(firstLine(e)));
      return;
    }
  }
}
