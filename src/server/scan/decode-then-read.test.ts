/**
 * A reading thread lets a request's file bytes go once the page is decoded: while the page is read, nothing holds
 * them, so a scavenge frees them rather than promoting them (decode-then-read.ts: why).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { pagePool } from '../../scan/page-pool.ts';
import { decodeThenRead } from './decode-then-read.ts';
import type { SheetPage } from './sheet-protocol.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const png = (): Promise<Buffer> => sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } })
  .toColourspace('b-w').png().toBuffer();

it('lets the file bytes go before the page is read, keeping the rest of the request', async () => {
  let file: Uint8Array | null = new Uint8Array(await png());
  const bytes = new WeakRef(file);
  let request: { id: number; sheet: number; page: SheetPage } | null = { id: 7, sheet: 0, page: { kind: 'encoded', file, index: 0 } };
  file = null;
  let seen: { asked: object; width: number; bytesAlive: boolean } | null = null;
  const done = decodeThenRead(request, pagePool(), (asked, page) => {
    if (!page.ok) throw new Error(page.error.message_en);
    // What the page's reading sees, synchronously (readSheet): the bytes are no one's any more.
    collect();
    seen = { asked, width: page.value.width, bytesAlive: bytes.deref() !== undefined };
  });
  request = null;
  await done;
  expect(seen).toEqual({ asked: { id: 7, sheet: 0 }, width: 40, bytesAlive: false });
});
