/**
 * A scanner's plain grey PNG decoded without libvips: the very pixels libvips gives, for every row filter; any other
 * PNG (RGB too), and any damaged one, left to libvips.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePage, decodeScan } from '../../src/scan/input.ts';
import { decodePlainPng } from '../../src/scan/png-plain.ts';

const W = 97;
const H = 41;
const MAX = 40_000_000;

/** Noise and smooth runs, so that every filter has something to predict. */
const image = (channels: 1 | 3, seed: number): Uint8Array => {
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) % 256;
  return new Uint8Array(W * H * channels).map((_, i) => (next() < 128 ? next() : (i * 7) % 256));
};

const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
};

/** A PNG written by hand: row y filtered with filter `filterOf(y)` (0 none, 1 sub, 2 up, 3 average, 4 Paeth). */
const handPng = (pixels: Uint8Array, channels: 1 | 3, filterOf: (y: number) => number, extra: Buffer[] = [], junk = Buffer.alloc(0)): Buffer => {
  const stride = W * channels;
  const raw = Buffer.alloc(H * (stride + 1));
  const at = (y: number, i: number): number => (y < 0 || i < 0 ? 0 : pixels[y * stride + i]!);
  for (let y = 0; y < H; y++) {
    const f = filterOf(y);
    raw[y * (stride + 1)] = f;
    for (let i = 0; i < stride; i++) {
      const [a, b, c] = [at(y, i - channels), at(y - 1, i), at(y - 1, i - channels)];
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw[y * (stride + 1) + 1 + i] = (at(y, i) - predicted) & 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(W, 0);
  header.writeUInt32BE(H, 4);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const z = Buffer.concat([deflateSync(raw), junk]);
  const third = Math.floor(z.length / 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), ...extra,
    chunk('IDAT', z.subarray(0, third)), chunk('IDAT', z.subarray(third)), chunk('IEND', new Uint8Array(0))]);
};

/** What libvips gives (sharp, as input.ts decoded every PNG before). */
const viaLibvips = async (png: Buffer, channels: 1 | 3): Promise<Uint8Array> => {
  if (channels === 1) return new Uint8Array(await sharp(png).extractChannel(0).raw().toBuffer());
  const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(W * H);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.floor((299 * data[3 * i]! + 587 * data[3 * i + 1]! + 114 * data[3 * i + 2]!) / 1000);
  return grey;
};

describe('decodePlainPng', () => {
  it('gives libvips\' pixels for an 8-bit grey PNG, every row filter, the data in several chunks', async () => {
    for (const filterOf of [() => 0, () => 1, () => 2, () => 3, () => 4, (y: number) => y % 5, (y: number) => (y * 3 + 1) % 5]) {
      const png = handPng(image(1, 4), 1, filterOf);
      const mine = decodePlainPng(png, MAX);
      expect(mine, `filter ${filterOf(1)}`).not.toBeNull();
      expect([mine!.width, mine!.height]).toEqual([W, H]);
      // In place: the page is the start of the inflated rows' buffer (the rows and their filter bytes), not a copy.
      expect([mine!.data.length, mine!.data.buffer.byteLength > W * H]).toEqual([W * H, true]);
      expect(Buffer.from(mine!.data).equals(Buffer.from(await viaLibvips(png, 1))), `filter ${filterOf(1)}`).toBe(true);
    }
  });

  it('gives libvips\' pixels for the grey PNGs libvips itself writes (adaptive filtering, levels 0 and 9)', async () => {
    for (const options of [{}, { adaptiveFiltering: true }, { compressionLevel: 0 }, { adaptiveFiltering: true, compressionLevel: 9 }]) {
      const png = await sharp(image(1, 9), { raw: { width: W, height: H, channels: 1 } }).toColourspace('b-w').png(options).toBuffer();
      const mine = decodePlainPng(png, MAX);
      expect(mine, JSON.stringify(options)).not.toBeNull();
      expect(Buffer.from(mine!.data).equals(Buffer.from(await viaLibvips(png, 1))), JSON.stringify(options)).toBe(true);
    }
  });

  it('leaves to libvips an RGB PNG, and one with a gamma, a colour profile, transparency, a palette, 16 bits, interlacing or an orientation', async () => {
    const grey = Buffer.from(image(1, 5));
    const raw = { raw: { width: W, height: H, channels: 1 as const } };
    const gamma = Buffer.alloc(4);
    gamma.writeUInt32BE(45455, 0);
    const others = [
      handPng(image(3, 5), 3, (y) => y % 5),
      handPng(grey, 1, () => 0, [chunk('gAMA', gamma)]),
      await sharp(grey, raw).toColourspace('srgb').withIccProfile('p3').png().toBuffer(),
      await sharp(grey, raw).ensureAlpha(0.5).png().toBuffer(),
      await sharp(grey, raw).png({ palette: true, colours: 16 }).toBuffer(),
      await sharp(grey, raw).toColourspace('grey16').png().toBuffer(),
      await sharp(grey, raw).toColourspace('b-w').png({ progressive: true }).toBuffer(),
      await sharp(grey, raw).toColourspace('b-w').png().withMetadata({ orientation: 6 }).toBuffer(),
    ];
    for (const [i, png] of others.entries()) expect(decodePlainPng(png, MAX), `file ${i}`).toBeNull();
    // The RGB page through libvips, weighed to grey as before.
    const rgb = await decodePage(others[0]!, 0);
    if (!rgb.ok) throw new Error(rgb.error.message_en);
    expect(Buffer.from(rgb.value.data).equals(Buffer.from(await viaLibvips(others[0]!, 3)))).toBe(true);
  });

  it('leaves a damaged PNG to libvips: a wrong CRC, data after the compressed stream, rows missing; and a page too large', async () => {
    const png = handPng(image(1, 8), 1, (y) => y % 5);
    const badCrc = Buffer.from(png);
    badCrc.writeUInt8(badCrc[badCrc.length - 20]! ^ 1, badCrc.length - 20);
    expect(decodePlainPng(badCrc, MAX)).toBeNull();
    expect((await decodeScan(badCrc)).ok).toBe(false);
    const header = 8 + 25;
    const shortened = Buffer.from(png);
    shortened.writeUInt32BE(H + 1, 8 + 8 + 4);
    shortened.writeUInt32BE(crc32(shortened.subarray(12, header - 4)), header - 4);
    expect(decodePlainPng(shortened, MAX)).toBeNull();
    expect(decodePlainPng(handPng(image(1, 8), 1, (y) => y % 5, [], Buffer.from('junk')), MAX)).toBeNull();
    expect(decodePlainPng(png, W * H - 1)).toBeNull();
    expect(decodePlainPng(png, W * H)).not.toBeNull();
  });

  it('is what decodePage gives for a plain PNG, from its bytes or from its file', async () => {
    const png = handPng(image(1, 4), 1, (y) => y % 5);
    const page = await decodePage(png, 0);
    if (!page.ok) throw new Error(page.error.message_en);
    expect(Buffer.from(page.value.data).equals(Buffer.from(decodePlainPng(png, MAX)!.data))).toBe(true);
    const path = join(await mkdtemp(join(tmpdir(), 'png-plain-')), 'scan.png');
    await writeFile(path, png);
    const fromFile = await decodePage(path, 0);
    if (!fromFile.ok) throw new Error(fromFile.error.message_en);
    expect(Buffer.from(fromFile.value.data).equals(Buffer.from(page.value.data))).toBe(true);
    await rm(path);
  });
});
