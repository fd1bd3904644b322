/**
 * The files of a stored stack are read one at a time: the next file is loaded only once every page of the one
 * before is taken back and its copy on disk deleted (a reader thread loading a 25–60 MB file while it still decodes
 * the last pages of the previous one made the server's peak memory).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { ok, ruleError } from '../../rules/index.ts';
import { openDatabase } from '../../store/db.ts';
import { memoryBus } from '../live/memory-bus.ts';
import { readJob } from './read-job.ts';
import type { SheetReader } from './sheet-reader.ts';
import { roundAtCounting } from './test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-read-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A TIFF of `pages` small blank pages: the reader below never decodes them. */
const tiff = (pages: number): Promise<Buffer> =>
  sharp(Buffer.alloc(20 * 20 * pages, 255), { raw: { width: 20, height: 20 * pages, channels: 1, pageHeight: 20 } }).tiff().toBuffer();

it('loads the next file of a stack only once the previous one is read and deleted from the folder', async () => {
  const opened = openDatabase({ sqliteFile: join(dir, 'daihoi.sqlite') });
  try {
    const { db } = opened;
    const { k, g } = await roundAtCounting(db, 'tap-tep', 4);
    const now = new Date().toISOString();
    const batch = await db.insertInto('counting_batches').values({ congress_id: k.congressId, round_id: k.roundId, number: 1, label: 'Hòm 1',
      physical_count: 9, entries_required: 2, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const job = await db.insertInto('scan_jobs').values({ congress_id: k.congressId, round_id: k.roundId, batch_id: batch.id, terminal: 'scanner',
      status: 'reading', created_by: null, created_at: now, files: 3, error: null, lease_until: null }).returning('id').executeTakeFirstOrThrow();
    for (const [i, pages] of [3, 3, 3].entries()) {
      await db.insertInto('scan_files').values({ job_id: job.id, position: i + 1, data: await tiff(pages) }).execute();
    }

    // Every page is "read" at once as a sheet the board must see: what matters here is when each file is loaded.
    const reader: Pick<SheetReader, 'read' | 'size'> = {
      size: 1,
      read: (_page, _target, sheet) => Promise.resolve(ok({
        outcome: { kind: 'rejected' as const, sheet, reason: ruleError('scan.file', 'Không đọc được tờ quét.', 'The sheet cannot be read.') },
        image: null, review: null,
      })),
    };
    const inFolder: string[][] = [];
    const deps = { db, dialect: 'sqlite' as const, bus: memoryBus(), version: 'test', now: () => new Date(), secureCookies: false, sessionHours: 12, checkReplies: false };
    const outcome = await readJob(deps, job.id, {
      progress: () => Promise.resolve(true),
      stopping: () => false,
      prepareTarget: () => Promise.resolve(ok(g.target)),
      reader,
      loadFile: async (fileId, folder) => {
        inFolder.push(readdirSync(folder));
        const { data } = await db.selectFrom('scan_files').select('data').where('id', '=', fileId).executeTakeFirstOrThrow();
        const path = join(folder, String(fileId));
        await writeFile(path, data);
        return path;
      },
    });
    expect(outcome).toBe('done');
    expect(inFolder).toEqual([[], [], []]);
    const read = await db.selectFrom('scan_jobs').select(['status', 'sheets_read']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(read).toEqual({ status: 'review', sheets_read: 9 });
  } finally {
    await opened.close();
  }
}, 120_000);
