/** A decoded page in memory of V8's own (src/scan/page-file.ts): freed at once, the same pixels as sharp gives. */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeScan } from '../../src/scan/index.ts';
import { decodePage, luminance } from '../../src/scan/input.ts';
import { pagePool } from '../../src/scan/page-pool.ts';
import { freeNow } from '../../src/runtime/free-now.ts';

const noise = (n: number, seed: number): Buffer => Buffer.from(new Uint8Array(n).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256));
const ours = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith(`daihoi-scan-pages-${process.pid}-`));

describe('a decoded page', () => {
  // Sizes: one strip of the colour page's reading (1 MB), several with a short last one, and a single row per strip.
  const sizes = [[97, 61], [1000, 800], [2000, 400], [400_000, 3]] as const;

  it('is a grey page of V8 memory, freed at once, with the pixels sharp decodes, grey or colour, at every size', async () => {
    const before = ours();
    for (const [w, h] of sizes) {
      const grey = noise(w * h, w + h);
      const rgb = noise(3 * w * h, w * h);
      const files = {
        grey: await sharp(grey, { raw: { width: w, height: h, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer(),
        colour: await sharp(rgb, { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer(),
      };
      for (const [kind, file] of Object.entries(files)) {
        const expected = kind === 'grey' ? await sharp(file).toColourspace('b-w').raw().toBuffer() : Buffer.from(luminance(await sharp(file).raw().toBuffer()));
        const r = await decodeScan(file);
        if (!r.ok) throw new Error(r.error.message_en);
        const img = r.value[0]!;
        const name = `${kind} ${w} × ${h}`;
        expect([img.width, img.height], name).toEqual([w, h]);
        expect(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length).equals(expected), name).toBe(true);
        // sharp's toBuffer page could not be freed (held by Node until a full collection): this one is.
        expect(freeNow(img.data), name).toBe(true);
      }
    }
    expect(ours()).toEqual(before);
  });

  it('is decoded into the buffer a reading thread gave back after its last page, grey or colour, with the same pixels', async () => {
    const [w, h] = [1000, 800];
    const pool = pagePool();
    const grey = noise(w * h, 7);
    const files = [
      await sharp(grey, { raw: { width: w, height: h, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer(),
      await sharp(noise(3 * w * h, 8), { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer(),
    ];
    const expected = [grey, Buffer.from(luminance(await sharp(files[1]).raw().toBuffer()))];
    let last: Uint8Array | null = null;
    for (const i of [0, 1, 0, 1]) {
      const r = await decodePage(files[i]!, 0, pool);
      if (!r.ok) throw new Error(r.error.message_en);
      const data = r.value.data;
      expect(Buffer.from(data.buffer, data.byteOffset, data.length).equals(expected[i]!), `file ${i}`).toBe(true);
      // The first page's memory is new; every later page is read into the one given back before it.
      if (last !== null) expect(data, `file ${i}`).toBe(last);
      pool.give(data);
      last = data;
    }
  });

  it('is decoded the other way when no temporary folder can be made, and a broken file is refused as before', async () => {
    const grey = noise(97 * 61, 5);
    const png = await sharp(grey, { raw: { width: 97, height: 61, channels: 1 } }).toColourspace('b-w').png().toBuffer();
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = '/nonexistent/daihoi-test';
    try {
      const r = await decodeScan(png);
      if (!r.ok) throw new Error(r.error.message_en);
      expect(Buffer.from(r.value[0]!.data).equals(grey)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
    const broken = await decodeScan(png.subarray(0, png.length >> 1));
    expect(broken.ok ? 'read' : broken.error.code).toBe('scan.file');
  });
});
