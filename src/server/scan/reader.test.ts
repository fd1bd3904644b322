/**
 * An upload's files kept in its spool are read from there by this server's reader, not copied out of the database
 * (SQLite loads a whole stored file into memory for every part copied out: the server's peak while reading a stack
 * of 500); the spool is deleted once the job is read, and the spool of a job no longer waiting to be read at the
 * reader's next pass.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { generateBallot } from '../../scan/testing/generate.ts';
import { openDatabase } from '../../store/db.ts';
import { memoryBus } from '../live/memory-bus.ts';
import { startScanReader } from './reader.ts';
import { roundAtCounting } from './test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads a job from the files its upload kept on disk, not from the stored copy, and deletes them once read', async () => {
  const sqliteFile = join(dir, 'daihoi.sqlite');
  const opened = openDatabase({ sqliteFile });
  const { db } = opened;
  const { k, g } = await roundAtCounting(db, 'giu-tep', 4);
  // Unsealed: the board sees it (a decided ballot would be entered, and this batch has no counting log to enter into).
  const page = (await generateBallot(g, { seed: 11, degrade: 'none', stamped: false, writingOutside: false })).pages[0]!;
  const ballot = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).tiff({ compression: 'jpeg', quality: 90 }).toBuffer();

  const now = new Date().toISOString();
  const jobOf = async (number: number, status: 'reading' | 'failed'): Promise<{ job: number; file: number }> => {
    const batch = await db.insertInto('counting_batches').values({ congress_id: k.congressId, round_id: k.roundId, number, label: `Hòm ${number}`,
      physical_count: 1, entries_required: 2, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const job = await db.insertInto('scan_jobs').values({ congress_id: k.congressId, round_id: k.roundId, batch_id: batch.id, terminal: 'scanner',
      status, created_by: null, created_at: now, files: 1, error: null, lease_until: null }).returning('id').executeTakeFirstOrThrow();
    // The stored copy is no scan: a reading of it fails the job.
    const file = await db.insertInto('scan_files').values({ job_id: job.id, position: 1, data: Buffer.from('không phải ảnh quét') })
      .returning('id').executeTakeFirstOrThrow();
    return { job: job.id, file: file.id };
  };
  const spool = (name: string): { folder: string; path: string } => {
    const folder = mkdtempSync(join(dir, `${name}-`));
    const path = join(folder, '1');
    writeFileSync(path, ballot);
    return { folder, path };
  };

  const deps = { db, dialect: 'sqlite' as const, bus: memoryBus(), version: 'test', now: () => new Date(), secureCookies: false, sessionHours: 12, checkReplies: false };
  const reader = startScanReader(deps, { sqliteFile, pollMs: 0 });
  try {
    await reader.idle();
    const read = await jobOf(1, 'reading');
    const left = await jobOf(2, 'failed');
    const kept = spool('read');
    const stale = spool('stale');
    reader.keep(read.job, kept.folder, new Map([[read.file, kept.path]]));
    reader.keep(left.job, stale.folder, new Map([[left.file, stale.path]]));
    reader.kick();
    await reader.idle();
    const job = await db.selectFrom('scan_jobs').select(['status', 'sheets_read', 'error']).where('id', '=', read.job).executeTakeFirstOrThrow();
    expect(job.error).toBeNull();
    expect(job.status).toBe('review');
    expect(job.sheets_read).toBe(1);
    expect(existsSync(kept.folder)).toBe(false);
    expect(existsSync(stale.folder)).toBe(false);
  } finally {
    await reader.close();
    await opened.close();
  }
}, 120_000);
