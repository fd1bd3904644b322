/** Scan files in: PNG, JPEG, TIFF (every page), PDF, colour or grey; anything else refused. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderBallotPdf } from '../../src/documents/pdf/ballot-pdf.ts';
import { decodeScan, sniffKind } from '../../src/scan/index.ts';
import { luminance, parsePgm } from '../../src/scan/input.ts';
import { ballotInput, strikeRound } from './support.ts';

const W = 40;
const H = 30;
/** A grey gradient with a black square: something whose pixels can be checked after the round trip. */
const pixels = (): Buffer => {
  const b = Buffer.alloc(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) b[y * W + x] = x >= 10 && x < 20 && y >= 10 && y < 20 ? 0 : 100 + 3 * x;
  return b;
};
const raw = { raw: { width: W, height: H, channels: 1 as const } };

describe('decodeScan', () => {
  it('decodes PNG, JPEG and colour images to grey', async () => {
    const png = await sharp(pixels(), raw).png().toBuffer();
    const jpeg = await sharp(pixels(), raw).jpeg({ quality: 95 }).toBuffer();
    const colour = await sharp(pixels(), raw).toColourspace('srgb').png().toBuffer();
    for (const [file, tolerance] of [[png, 0], [jpeg, 8], [colour, 1]] as const) {
      const r = await decodeScan(file);
      if (!r.ok) throw new Error(r.error.message_en);
      expect(r.value).toHaveLength(1);
      const img = r.value[0]!;
      expect([img.width, img.height, img.data.length]).toEqual([W, H, W * H]);
      expect(Math.abs(img.data[15 * W + 15]! - 0)).toBeLessThanOrEqual(tolerance + 4);
      expect(Math.abs(img.data[2 * W + 30]! - 190)).toBeLessThanOrEqual(tolerance + 1);
    }
  });

  it('weighs a colour page to the same grey as libvips would (BT.601), on every kind of colour file', async () => {
    const w = 64;
    const h = 48;
    const rgb = Buffer.alloc(w * h * 3);
    let seed = 7;
    for (let i = 0; i < rgb.length; i++) rgb[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    // Pure red, green, blue and white at the start: 76, 149, 29 and 255 by BT.601 in exact decimals.
    rgb.set([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255], 0);
    const colour = { raw: { width: w, height: h, channels: 3 as const } };
    const rgba = Buffer.alloc(w * h * 4, 255);
    for (let i = 0; i < w * h; i++) rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
    const files = {
      png: await sharp(rgb, colour).png().toBuffer(),
      'png, alpha': await sharp(rgba, { raw: { width: w, height: h, channels: 4 } }).png().toBuffer(),
      'png, 16 bits': await sharp(rgb, colour).toColourspace('rgb16').png().toBuffer(),
      tiff: await sharp(rgb, colour).tiff({ compression: 'lzw' }).toBuffer(),
    };
    // The oracle: libvips' own recombination of the same file (the way every colour page was weighed before).
    const L: [[number, number, number], [number, number, number], [number, number, number]] = [[0.299, 0.587, 0.114], [0, 0, 0], [0, 0, 0]];
    for (const [name, file] of Object.entries(files)) {
      const expected = await sharp(file).flatten({ background: '#ffffff' }).recomb(L).extractChannel(0).raw().toBuffer();
      const r = await decodeScan(file);
      if (!r.ok) throw new Error(r.error.message_en);
      const img = r.value[0]!;
      expect([img.width, img.height], name).toEqual([w, h]);
      expect(Buffer.from(img.data).equals(expected), name).toBe(true);
      expect([...img.data.subarray(0, 4)], name).toEqual([76, 149, 29, 255]);
    }
  });

  it('gives a grey page the very pixels of its one channel as libvips decodes it, on every kind of grey file', async () => {
    // A plain 8-bit grey page is kept grey through sharp (toColourspace('b-w')), not turned sRGB and a channel taken out
    // (extractChannel): the pixels must be the same either way — the oracle is the old way.
    const w = 97;
    const h = 61;
    let seed = 3;
    const grey = Buffer.alloc(w * h).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    const one = { raw: { width: w, height: h, channels: 1 as const } };
    const bw = () => sharp(grey, one).toColourspace('b-w');
    const files = {
      png: await bw().png().toBuffer(),
      'png, filtered, level 9': await bw().png({ adaptiveFiltering: true, compressionLevel: 9 }).toBuffer(),
      'png, interlaced': await bw().png({ progressive: true }).toBuffer(),
      'png, 16 bits': await sharp(grey, one).toColourspace('grey16').png().toBuffer(),
      'png, with an ICC profile': await bw().withIccProfile('srgb').png().toBuffer(),
      jpeg: await bw().jpeg().toBuffer(),
      'tiff, two pages': await sharp(Buffer.concat([grey, Buffer.from(grey).reverse()]), { raw: { width: w, height: 2 * h, channels: 1, pageHeight: h } })
        .toColourspace('b-w').tiff({ compression: 'lzw' }).toBuffer(),
    };
    for (const [name, file] of Object.entries(files)) {
      const pages = (await sharp(file).metadata()).pages ?? 1;
      const r = await decodeScan(file);
      if (!r.ok) throw new Error(r.error.message_en);
      expect(r.value.length, name).toBe(pages);
      for (const [page, img] of r.value.entries()) {
        const expected = await sharp(file, { page }).extractChannel(0).raw().toBuffer();
        expect([img.width, img.height], name).toEqual([w, h]);
        expect(Buffer.from(img.data).equals(expected), `${name}, page ${page + 1}`).toBe(true);
      }
    }
  });

  it('luminance: BT.601 in integers, truncated', () => {
    let seed = 11;
    const rgb = new Uint8Array(3 * 5000).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    const grey = luminance(rgb);
    expect(grey.length).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(grey[i]).toBe(Math.floor((299 * rgb[3 * i]! + 587 * rgb[3 * i + 1]! + 114 * rgb[3 * i + 2]!) / 1000));
  });

  it('luminance: the level of libvips\' recomb and cast (the sum in double, rounded to a float, truncated) for every RGB triple', () => {
    const rgb = new Uint8Array(3 * 65536);
    const levels = new Uint8Array(1);
    let differ = 0;
    for (let r = 0; r < 256; r++) {
      for (let i = 0; i < 65536; i++) rgb.set([r, i >> 8, i & 255], 3 * i);
      const grey = luminance(rgb);
      for (let i = 0; i < 65536; i++) {
        levels[0] = Math.fround(0.299 * r + 0.587 * (i >> 8) + 0.114 * (i & 255));
        if (grey[i] !== levels[0]) differ++;
      }
    }
    expect(differ).toBe(0);
  });

  it('turns a phone JPEG upright by its EXIF orientation (stored turned 90°, 180°, 270°)', async () => {
    // Orientation 6: shown turned a quarter clockwise, so stored a quarter anticlockwise; 3: a half turn; 8: the other way.
    for (const [orientation, stored] of [[6, 270], [3, 180], [8, 90]] as const) {
      const turned = await sharp(pixels(), raw).rotate(stored).raw().toBuffer({ resolveWithObject: true });
      const { width, height, channels } = turned.info;
      expect([width, height]).toEqual(stored === 180 ? [W, H] : [H, W]);
      const jpeg = await sharp(turned.data, { raw: { width, height, channels } }).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
      expect((await sharp(jpeg).metadata()).orientation).toBe(orientation);
      const r = await decodeScan(jpeg);
      if (!r.ok) throw new Error(r.error.message_en);
      const img = r.value[0]!;
      expect([img.width, img.height], `orientation ${orientation}`).toEqual([W, H]);
      expect(img.data[15 * W + 15], `orientation ${orientation}`).toBeLessThanOrEqual(12);
      expect(Math.abs(img.data[2 * W + 30]! - 190), `orientation ${orientation}`).toBeLessThanOrEqual(9);
    }
  });

  it('decodes every page of a TIFF', async () => {
    const page = await sharp(pixels(), raw).tiff().toBuffer();
    const two = await sharp([page, page], { join: { animated: true } }).tiff().toBuffer();
    const r = await decodeScan(two);
    if (!r.ok) throw new Error(r.error.message_en);
    expect(r.value.length).toBe(2);
    expect(r.value[1]!.data[15 * W + 15]).toBeLessThanOrEqual(5);
    expect(r.value[1]!.data[2 * W + 30]).toBeGreaterThan(150);
  });

  it('rasterises a PDF at 200 dpi, grey', async () => {
    const pdf = await renderBallotPdf(ballotInput(strikeRound()));
    if (!pdf.ok) throw new Error(pdf.error.message_en);
    const r = await decodeScan(pdf.value);
    if (!r.ok) throw new Error(r.error.message_en);
    expect(r.value).toHaveLength(1);
    expect(Math.abs(r.value[0]!.width - Math.round((595.28 * 200) / 72))).toBeLessThanOrEqual(1);
  });

  it('says what to install when poppler-utils, which draws the PDF pages, is missing', async () => {
    const pdf = await renderBallotPdf(ballotInput(strikeRound()));
    if (!pdf.ok) throw new Error(pdf.error.message_en);
    const path = process.env['PATH'];
    process.env['PATH'] = '';
    try {
      const r = await decodeScan(pdf.value);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('scan.pdf-tool-missing');
        expect(r.error.message_vi).toContain('apt-get install poppler-utils');
      }
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('refuses what is not a scan, in Vietnamese first', async () => {
    const r = await decodeScan(Buffer.from('hello, not an image'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('scan.file');
      expect(r.error.message_vi).toMatch(/^Không đọc được tệp ảnh quét/);
    }
    const broken = await decodeScan(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(broken.ok).toBe(false);
  });

  it('knows files by their first bytes and parses PGM', () => {
    expect(sniffKind(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffKind(Buffer.from([0xff, 0xd8, 0xff]))).toBe('jpeg');
    expect(sniffKind(Buffer.from([0x49, 0x49, 0x2a, 0]))).toBe('tiff');
    expect(sniffKind(Buffer.from('GIF89a'))).toBeNull();
    const pgm = parsePgm(Buffer.concat([Buffer.from('P5\n# c\n2 1\n255\n'), Buffer.from([7, 9])]));
    expect(pgm && [pgm.width, pgm.height, [...pgm.data]]).toEqual([2, 1, [7, 9]]);
    expect(parsePgm(Buffer.from('P5\n2 1\n65535\n'))).toBeNull();
  });
});
