/**
 * Crash while reading a scanned stack: the real server process is killed with SIGKILL (1) in the
 * middle of the background reading of a stack of 16 ballots (after at least 2 files were read) and (2) right
 * after it acknowledged an upload with 202, before reading it. A new server on the same database reads both
 * stacks to the end: the job ends as a fresh read of the same stack ends (here 'entered'), with exactly 16 ballots,
 * the scanner's entry entered once (no ballot doubled, none lost) and equal, ballot by ballot, to the entry of
 * the same stack read by a server that was not killed, and to the ballots' truth. On SQLite the restarted server
 * frees its dead self's lease at once; on PostgreSQL it waits for the lease to run out (DAIHOI_SCAN_LEASE_MS,
 * short here). The audit chain stays intact, and the killed server's folder of the stack's files is removed by the next.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScanJobView } from '../../src/api/scan.ts';
import type { Ballot } from '../../src/rules/index.ts';
import { greyPngFile } from '../../src/scan/testing/png-file.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot } from '../../src/scan/testing/generate.ts';
import { loadPrintRound, roundHeader } from '../../src/server/printouts/round.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import type { Database } from '../../src/store/schema.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertFaultCongress, send, type FaultCongress, type Staff } from './support.ts';

const BALLOTS = 16;
/** Short, so that the server restarted on PostgreSQL takes the dead server's job over within seconds. */
const LEASE_MS = 3000;
const DELEGATES = 8;

interface ScanFile { readonly name: string; readonly data: Uint8Array }

const uploadStack = async (base: string, path: string, who: Staff, files: readonly ScanFile[]): Promise<{ status: number; body: ScanJobView }> => {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.data], { type: 'image/png' }), f.name);
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { cookie: who.cookie }, body: form });
  return { status: res.status, body: (await res.json()) as ScanJobView };
};

const jobOf = async (base: string, k: FaultCongress, jobId: number): Promise<ScanJobView> => {
  const list = await send<ScanJobView[]>(base, 'GET', `${k.R}/scan`, k.staff.head);
  expect(list.status).toBe(200);
  const job = list.body.find((j) => j.id === jobId);
  if (job === undefined) throw new Error(`job ${jobId} is gone`);
  return job;
};

/** Follows the job list as a console does until `done` holds (or 180 s have passed). */
const until = async (base: string, k: FaultCongress, jobId: number, done: (j: ScanJobView) => boolean, everyMs: number): Promise<ScanJobView> => {
  const end = Date.now() + 180_000;
  for (;;) {
    const job = await jobOf(base, k, jobId);
    if (done(job)) return job;
    if (Date.now() > end) throw new Error(`job ${jobId}: still ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/** A ballot in a canonical form (struck ids sorted), to compare entries. */
const canonical = (b: Ballot): string => JSON.stringify({ ...b, struck: 'struck' in b && Array.isArray(b.struck) ? [...b.struck].sort() : undefined });

/** The scanner's events of a batch, as stored. */
const scannerEvents = async (db: Kysely<Database>, roundId: number, batchNumber: number) => {
  const rows = await db.selectFrom('counting_events').innerJoin('counting_batches', 'counting_batches.id', 'counting_events.batch_id')
    .select(['counting_events.type', 'counting_events.event']).where('counting_batches.round_id', '=', roundId)
    .where('counting_batches.number', '=', batchNumber).where('counting_events.terminal', '=', 'scanner').orderBy('counting_events.seq').execute();
  return rows.map((r) => ({ type: r.type, event: JSON.parse(r.event) as { position?: number; ballot?: Ballot } }));
};

/** The stored state of a job, straight from the database (the server is dead). */
const storedJob = async (db: Kysely<Database>, jobId: number) => {
  const job = await db.selectFrom('scan_jobs').select(['status', 'files', 'files_read', 'lease_until']).where('id', '=', jobId).executeTakeFirstOrThrow();
  const files = await db.selectFrom('scan_files').select(['position']).where('job_id', '=', jobId).orderBy('position').execute();
  const sheets = await db.selectFrom('scan_sheets').select('id').where('job_id', '=', jobId).execute();
  return { ...job, filePositions: files.map((f) => f.position), sheets: sheets.length };
};

describeEachDatabase('faults: SIGKILL of the server while it reads a scanned stack', (db) => {
  let server: RunningServer | null = null;
  let k: FaultCongress;
  const ballots: GeneratedBallot[] = [];
  let files: ScanFile[] = [];
  // The servers' own temporary folder, to see what a killed one leaves there.
  const temp = mkdtempSync(join(tmpdir(), 'daihoi-crash-tmp-'));
  const tempOf = (pid: number): string[] => readdirSync(temp).filter((name) => name.startsWith(`daihoi-scan-read-${pid}-`));
  const env = (): Record<string, string> => ({ ...db.database.env, DAIHOI_SCAN_LEASE_MS: String(LEASE_MS), TMPDIR: temp });
  const jobs = new Map<number, number>(); // batch number → job id

  beforeAll(async () => {
    k = await insertFaultCongress(db.db, 'quet-sap', DELEGATES);
    // The ballot exactly as the server prints it for this round (27 names, 24 seats, strike-out).
    const congress = await db.db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
    const p = await loadPrintRound(db.db, congress, k.electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    const gen = await prepareGenerator({ header: roundHeader(congress, p.value), round: p.value.model });
    if (!gen.ok) throw new Error(gen.error.message_en);
    for (let j = 0; j < BALLOTS; j++) {
      ballots.push(await generateBallot(gen.value, {
        seed: 1000 + j, degrade: 'none', stamped: true, writingOutside: false,
        plan: (i) => ((i * 7 + j) % 6 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }),
      }));
    }
    const pages = ballots.flatMap((b) => [...b.pages]);
    files = await Promise.all(pages.map(async (page, i) => ({ name: `quet-${String(i + 1).padStart(3, '0')}.png`, data: new Uint8Array(await greyPngFile(page)) })));
    server = await startServer(env());
    const { R, staff } = k;
    expect((await send(server.url, 'POST', `${R}/counting`, staff.head, { issued: 200, collected: 200 })).status).toBe(200);
    for (const b of [1, 2, 3]) expect((await send(server.url, 'POST', `${R}/batches`, staff.head, { label: `Hòm ${b}`, physicalCount: BALLOTS })).status).toBe(201);
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('a server killed mid-reading (≥ 2 files read): the next server reads the stack to the end, once', async () => {
    const s1 = server!;
    const up = await uploadStack(s1.url, `${k.R}/batches/1/scan`, k.staff.op1, files);
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    expect(up.body).toMatchObject({ status: 'reading', files: files.length, filesRead: 0 });
    jobs.set(1, up.body.id);
    const midway = await until(s1.url, k, up.body.id, (j) => j.status !== 'reading' || j.filesRead >= 2, 20);
    process.kill(s1.pid, 'SIGKILL');
    await s1.stop();
    // Caught in the middle: the kill came while the job was being read, not after.
    expect(midway.status).toBe('reading');
    expect(midway.filesRead).toBeGreaterThanOrEqual(2);

    // What the database holds after the kill: the job still reading, its files all kept, nothing entered.
    const dead = await storedJob(db.db, up.body.id);
    expect(dead.status).toBe('reading');
    expect(dead.files_read).toBeGreaterThanOrEqual(2);
    expect(dead.files_read).toBeLessThan(files.length);
    expect(dead.filePositions).toEqual(files.map((_, i) => i + 1));
    expect(dead.sheets).toBe(0);
    expect(await scannerEvents(db.db, k.roundId, 1)).toEqual([]);
    if (db.dialect === 'postgres') expect(dead.lease_until).not.toBeNull(); // the dead server's lease, which the next one must wait out
    expect(tempOf(s1.pid)).toHaveLength(1);

    server = await startServer(env());
    const done = await until(server.url, k, up.body.id, (j) => j.status !== 'reading', 100);
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'entered', files: files.length, filesRead: files.length, ballots: BALLOTS, error: null });
    expect((await storedJob(db.db, up.body.id)).filePositions).toEqual([]);
    expect(tempOf(s1.pid)).toEqual([]);
  }, 300_000);

  it('a server killed right after the 202: the upload is not lost, the next server reads it', async () => {
    const s2 = server!;
    const up = await uploadStack(s2.url, `${k.R}/batches/2/scan`, k.staff.op2, files);
    process.kill(s2.pid, 'SIGKILL');
    await s2.stop();
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    expect(up.body).toMatchObject({ status: 'reading', files: files.length, filesRead: 0 });
    jobs.set(2, up.body.id);

    const dead = await storedJob(db.db, up.body.id);
    expect(dead.status).toBe('reading');
    expect(dead.files).toBe(files.length);
    expect(dead.filePositions).toEqual(files.map((_, i) => i + 1));
    expect(dead.sheets).toBe(0);
    const audits = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'scan.upload').execute();
    expect(audits.some((a) => (JSON.parse(a.payload) as { job?: number }).job === up.body.id)).toBe(true);

    server = await startServer(env());
    const done = await until(server.url, k, up.body.id, (j) => j.status !== 'reading', 100);
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'entered', files: files.length, filesRead: files.length, ballots: BALLOTS, error: null });
  }, 300_000);

  it('both scanner entries hold exactly the 16 ballots, equal to a fresh read of the same stack and to the truth; the audit chain is intact', async () => {
    const s3 = server!;
    const up = await uploadStack(s3.url, `${k.R}/batches/3/scan`, k.staff.op3, files);
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    jobs.set(3, up.body.id);
    const fresh = await until(s3.url, k, up.body.id, (j) => j.status !== 'reading', 100);
    expect(fresh).toMatchObject({ status: 'entered', ballots: BALLOTS, decided: BALLOTS, review: 0 });

    const entries = new Map<number, string[]>();
    for (const batch of [1, 2, 3]) {
      const events = await scannerEvents(db.db, k.roundId, batch);
      // One entry: opened once, 16 ballots at positions 1..16 each once, closed once with 16.
      expect(events.filter((e) => e.type === 'entry-opened')).toHaveLength(1);
      const entered = events.filter((e) => e.type === 'ballot-entered');
      expect(entered.map((e) => e.event.position)).toEqual(Array.from({ length: BALLOTS }, (_, i) => i + 1));
      expect(events.filter((e) => e.type === 'entry-closed').map((e) => (e.event as { ballots?: number }).ballots)).toEqual([BALLOTS]);
      entries.set(batch, entered.map((e) => canonical(e.event.ballot!)));
    }
    expect(entries.get(1)).toEqual(entries.get(3));
    expect(entries.get(2)).toEqual(entries.get(3));
    // And what the ballots say.
    const truth = ballots.map((b) => [...b.truth.rows].filter(([, t]) => t === 'struck').map(([id]) => id).sort());
    const read = (await scannerEvents(db.db, k.roundId, 3)).filter((e) => e.type === 'ballot-entered')
      .map((e) => ('struck' in e.event.ballot! ? [...(e.event.ballot as { struck: string[] }).struck].sort() : null));
    expect(read).toEqual(truth);

    const chain = await verifyAuditChain(db.db);
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    const reads = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'scan.read').execute();
    for (const batch of [1, 2, 3]) {
      expect(reads.filter((a) => (JSON.parse(a.payload) as { job?: number }).job === jobs.get(batch)), `scan.read of batch ${batch}`).toHaveLength(1);
    }
  }, 300_000);
});
