/**
 * An upload's files are stored one at a time from one buffer reused for every file (upload.ts): each read gives that
 * file's bytes exactly, whatever the size of the file read before it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { reusedBufferReader } from './upload.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads each file whole into the one buffer, a smaller file after a larger one as itself', async () => {
  const bytes = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));
  const files = [bytes(300_000, 1), bytes(1_000, 2), bytes(300_000, 3), bytes(0, 4)];
  files.forEach((f, i) => writeFileSync(join(dir, String(i)), f));
  const { read } = reusedBufferReader(300_000);
  const seen: Buffer[] = [];
  for (const [i, f] of files.entries()) {
    const got = await read(join(dir, String(i)));
    expect(got.equals(f)).toBe(true);
    seen.push(got);
  }
  // One buffer under every read: nothing allocated per file.
  expect(new Set(seen.map((b) => b.buffer)).size).toBe(1);
});

it('gives its buffer back when freed, and reads again into a new one after', async () => {
  const bytes = Buffer.alloc(200_000, 9);
  writeFileSync(join(dir, 'f'), bytes);
  const reader = reusedBufferReader(200_000);
  const first = await reader.read(join(dir, 'f'));
  reader.free();
  // The memory is given back at once: every view of the buffer is empty.
  expect(first.length).toBe(0);
  expect((await reader.read(join(dir, 'f'))).equals(bytes)).toBe(true);
});
