/** Test helpers: the text of a PDF (pdftotext) and of a .docx, and the QR codes of a rendered PDF page. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import jsqr from 'jsqr';
import type { Box } from '../ballot-layout.ts';

// jsqr is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the function.
const jsQR = jsqr.default;

const withTemp = <T>(fn: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-doc-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** `pdftotext -layout`, NFC, no-break spaces as spaces. */
export const pdfText = (pdf: Buffer): string =>
  withTemp((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .normalize('NFC').replace(/\u00a0/gu, ' ');
  });

export const pdfPageCount = (pdf: Buffer): number => {
  const text = pdf.toString('latin1');
  const m = /\/Type \/Pages[^>]*\/Count (\d+)/u.exec(text);
  return m === null ? 0 : Number(m[1]);
};

/** One file of a zip archive (a .docx), read with node:zlib: stored or deflated entries. */
export const unzipEntry = (zip: Buffer, name: string): Buffer => {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    p += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in the archive`);
};

const decodeXml = (s: string): string =>
  s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');

/** word/document.xml as text: one line per paragraph, table cells as "a | b | c | ". */
export const docxText = (docx: Buffer): string => {
  const xml = unzipEntry(docx, 'word/document.xml').toString('utf8');
  return decodeXml(xml
    .replace(/<\/w:p>\s*<\/w:tc>/gu, ' | ')
    .replace(/<\/w:tr>/gu, '\n')
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<w:tab\/>/gu, '\t')
    .replace(/<[^>]+>/gu, '')).normalize('NFC');
};

/** The XML of the Word file (fonts, borders). */
export const docxXml = (docx: Buffer, name = 'word/document.xml'): string => unzipEntry(docx, name).toString('utf8');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Cells of a table row, in order, on one line of either extraction (spaces or " | " between them). */
export const rowPattern = (cells: readonly string[]): RegExp =>
  new RegExp(cells.map(escapeRegExp).join('[ \\t|]+'), 'u');

/** A grey raster of one page at `dpi` (pdftoppm -gray writes PGM). */
export const rasterise = (pdf: Buffer, page: number, dpi = 150): { width: number; height: number; data: Uint8Array } =>
  withTemp((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    return parsePgm(readFileSync(join(dir, 'page.pgm')));
  });

/** Binary PGM (P5, maxval 255). */
export const parsePgm = (buf: Buffer): { width: number; height: number; data: Uint8Array } => {
  const header: string[] = [];
  let p = 0;
  while (header.length < 4) {
    while (/\s/u.test(String.fromCharCode(buf[p]!))) p++;
    if (buf[p] === 0x23) {
      while (buf[p] !== 0x0a) p++;
      continue;
    }
    const start = p;
    while (!/\s/u.test(String.fromCharCode(buf[p]!))) p++;
    header.push(buf.toString('latin1', start, p));
  }
  if (header[0] !== 'P5' || header[3] !== '255') throw new Error('expected a P5 PGM with maxval 255');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(buf.buffer, buf.byteOffset + p + 1, width * height) };
};

/** Decodes the QR code inside `box` (PDF points) of a page rasterised at `dpi`, with a margin around it. */
export const readQr = (page: { width: number; height: number; data: Uint8Array }, box: Box, dpi = 150, margin = 12): string | null => {
  const s = dpi / 72;
  const x0 = Math.max(0, Math.floor((box.x - margin) * s));
  const y0 = Math.max(0, Math.floor((box.y - margin) * s));
  const x1 = Math.min(page.width, Math.ceil((box.x + box.width + margin) * s));
  const y1 = Math.min(page.height, Math.ceil((box.y + box.height + margin) * s));
  const w = x1 - x0;
  const h = y1 - y0;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = page.data[(y0 + y) * page.width + x0 + x]!;
      const o = (y * w + x) * 4;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
      rgba[o + 3] = 255;
    }
  }
  return jsQR(rgba, w, h)?.data ?? null;
};

/** Mean grey level (0 black … 255 white) inside a box of the page. */
export const meanGrey = (page: { width: number; height: number; data: Uint8Array }, box: Box, dpi = 150): number => {
  const s = dpi / 72;
  let sum = 0;
  let count = 0;
  for (let y = Math.ceil(box.y * s) + 1; y < Math.floor((box.y + box.height) * s) - 1; y++) {
    for (let x = Math.ceil(box.x * s) + 1; x < Math.floor((box.x + box.width) * s) - 1; x++) {
      sum += page.data[y * page.width + x]!;
      count++;
    }
  }
  return count === 0 ? 255 : sum / count;
};
