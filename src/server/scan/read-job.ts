/**
 * Reading one uploaded stack: file by file and page by page, several pages at once (each page decoded and read
 * against the round's blank ballot in the worker threads, so the server keeps answering, taken back in the stack's
 * order and let go as soon as its ballot is complete — the crop the board needs is cut then); then the sheets are stored and, when none needs the board, entered as the
 * scanner's entry. A stack that cannot be read ends 'failed' with its reason and enters nothing; a stack with more
 * ballots than the batch's count is refused at the first sheet beyond it (a file with more pages than the batch can
 * hold, before any page is decoded).
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ruleError, type RuleError } from '../../rules/index.ts';
import { FOREIGN_SHEET, groupSheets, reviewPng, type ForeignBallot, type GreyImage, type SheetOutcome } from '../../scan/index.ts';
import { pageSources } from '../../scan/pages.ts';
import { sniffFile } from '../../scan/sniff.ts';
import type { ScanJobsTable } from '../../store/schema.ts';
import type { Selectable } from 'kysely';
import type { ServerDeps } from '../deps.ts';
import { audit } from '../audit.ts';
import { findElection } from '../election-data.ts';
import { nowIso, transact } from '../tx.ts';
import { enterJob, SCANNER } from './enter-job.ts';
import type { SheetPage } from './sheet-protocol.ts';
import type { PageReading, SheetReader } from './sheet-reader.ts';
import { roundTarget, type PrepareTarget } from './target.ts';
import { tempFolder } from '../../runtime/temp-folder.ts';

type ScanJob = Selectable<ScanJobsTable>;

export interface StoredReason { readonly sheet: number; readonly candidateId: string | null; readonly code: string; readonly message_vi: string; readonly message_en: string }

export interface ReadHooks {
  /**
   * After each file (and every second or so within a long one): records the files and sheets read and renews the
   * lease; false when the job is no longer ours (discarded).
   */
  readonly progress: (filesRead: number, sheetsRead: number) => Promise<boolean>;
  /** The server is closing: stop between sheets and leave the job to be read again. */
  readonly stopping: () => boolean;
  /** prepareTarget of src/scan, off the event loop (sheet-reader.ts). */
  readonly prepareTarget: PrepareTarget;
  /** A page decoded if need be and read, off the event loop, `size` of them at once (sheet-reader.ts). */
  readonly reader: Pick<SheetReader, 'read' | 'size'>;
  /**
   * A stored file read off the event loop and written into `folder` (a SQLite file: sheet-reader.ts), its path;
   * missing, or null for a file it cannot read, the server's own query reads it and writes it there.
   */
  readonly loadFile?: (fileId: number, folder: string) => Promise<string | null>;
}

export type ReadOutcome = 'done' | 'abandoned';

/** A page with the readers (its reading, or what it threw), or the end of a file (`file` files are then read). */
type Queued = { readonly kind: 'page'; readonly file: number; readonly reading: Promise<PageReading | Error> }
  | { readonly kind: 'file-end'; readonly file: number; readonly path: string };

/** A stored file read by the server's own query (PostgreSQL) and written into `folder`: its path. */
const storedFile = async (deps: ServerDeps, fileId: number, folder: string): Promise<string> => {
  const { data } = await deps.db.selectFrom('scan_files').select('data').where('id', '=', fileId).executeTakeFirstOrThrow();
  const path = join(folder, String(fileId));
  await writeFile(path, data, { mode: 0o600 });
  return path;
};

const scanEvents = (congressId: number, roundId: number) => [
  { congressId, kind: 'scan' as const, id: roundId }, { congressId, kind: 'counting' as const, id: roundId },
];

const actorOf = (job: ScanJob) => ({ congressId: job.congress_id, actor: job.created_by === null ? SCANNER : `user:${job.created_by}`, role: null, userId: job.created_by });

/** Ends a job that cannot be read: its reason kept, its files deleted, nothing entered. */
export const failJob = async (deps: ServerDeps, job: ScanJob, reason: RuleError): Promise<void> => {
  const error = { code: reason.code, message_vi: reason.message_vi, message_en: reason.message_en };
  await transact(deps, async (trx) => {
    const r = await trx.updateTable('scan_jobs').set({ status: 'failed', error: JSON.stringify(error), lease_until: null })
      .where('id', '=', job.id).where('status', '=', 'reading').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      await trx.deleteFrom('scan_files').where('job_id', '=', job.id).execute();
      await audit(trx, { ...actorOf(job), action: 'scan.failed', subject: `round:${job.round_id}`, payload: { job: job.id, ...error } });
    }
    return { ok: true, value: null };
  }, scanEvents(job.congress_id, job.round_id));
};

/** The stack holds more sheets than the batch's ballots can have: refused at the first one beyond, the rest not read. */
const tooManySheets = (batch: { readonly label: string; readonly physical_count: number }, sheet: number): RuleError => ruleError('scan.too-many-sheets',
  `Tập "${batch.label}" có ${batch.physical_count} phiếu (đếm tay) nhưng tập quét có nhiều tờ hơn: dừng ở tờ thứ ${sheet}, không đọc tiếp. Đếm lại tập phiếu và quét lại cả tập.`,
  `Batch "${batch.label}" holds ${batch.physical_count} ballots (counted by hand) but the stack has more sheets: stopped at sheet ${sheet}, the rest not read. Count the batch again and scan the whole batch again.`);

/** Another election's ballot of this congress, named by its title (the reader knows only the number in its QR code). */
const namedForeign = async (deps: ServerDeps, congressId: number, reason: RuleError | ForeignBallot): Promise<RuleError> => {
  if (reason.code !== 'scan.other-election' || !('qr' in reason) || !/^[0-9]+$/u.test(reason.qr.electionId)) return reason;
  const other = await findElection(deps.db, congressId, Number(reason.qr.electionId));
  if (other === undefined) return reason;
  return ruleError(reason.code, `Phiếu của cuộc bầu cử khác ("${other.title}"), không phải của cuộc bầu cử này: không nhận phiếu.`,
    `A ballot of another election ("${other.title}"), not of this one: rejected.`);
};

const fileError = (i: number, e: RuleError): RuleError =>
  ({ ...e, message_vi: `Tệp thứ ${i}: ${e.message_vi}`, message_en: `File ${i}: ${e.message_en}` });

export const readJob = async (deps: ServerDeps, jobId: number, hooks: ReadHooks): Promise<ReadOutcome> => {
  const job = await deps.db.selectFrom('scan_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (job?.status !== 'reading') return 'done';
  const congress = await deps.db.selectFrom('congresses').selectAll().where('id', '=', job.congress_id).executeTakeFirstOrThrow();
  const round = await deps.db.selectFrom('election_rounds').selectAll().where('id', '=', job.round_id).executeTakeFirstOrThrow();
  const batch = await deps.db.selectFrom('counting_batches').selectAll().where('id', '=', job.batch_id).executeTakeFirstOrThrow();
  const fail = async (reason: RuleError): Promise<ReadOutcome> => { await failJob(deps, job, reason); return 'done'; };
  if (round.status !== 'counting' || (await findElection(deps.db, congress.id, round.election_id)) === undefined) {
    return fail(ruleError('counting.not-open', 'Vòng bầu không còn ở bước kiểm phiếu: không đọc tập phiếu.', 'The round is no longer being counted: the stack is not read.'));
  }
  const target = await roundTarget(deps.db, congress, round.election_id, round.number, round.id, hooks.prepareTarget);
  if (!target.ok) return fail(target.error);

  // The stack's files are read from disk, one at a time, by the readers (sheet-worker.ts: why not from memory).
  const folder = await tempFolder('scan-read');
  try {
    const files = await deps.db.selectFrom('scan_files').select(['id', 'position']).where('job_id', '=', job.id).orderBy('position').execute();
    const outcomes: SheetOutcome[] = [];
    // Only the images of ballots not yet complete: a ballot in review has its review image made as soon as it is.
    const images: (GreyImage | undefined)[] = [];
    const crops = new Map<number, Buffer | null>();
    // The review images the reader threads made (a form of one page), by sheet, until their ballot is complete.
    const made = new Map<number, Buffer | null>();
    const reviewOf = (b: ReturnType<typeof groupSheets>[number]): Buffer | null => {
      const first = b.sheets[0]!;
      return made.has(first) ? made.get(first)! : reviewPng(b, outcomes, images, target.value.layout);
    };
    const maxSheets = batch.physical_count * target.value.layout.pages.length;
    let renewed = Date.now();
    let from = 0;
    let complete = 0;
    // The pages given to the readers and not yet taken back, in the stack's order, with each file's end: a file's
    // progress is told once all its pages are taken back, and every reason in the order a page-by-page reading finds it.
    const queue: Queued[] = [];
    let sent = 0;

    /** The oldest page taken back (or a file's end told): the job's end when it must stop, null to go on. */
    const takeBack = async (): Promise<ReadOutcome | null> => {
      const q = queue.shift()!;
      if (q.kind === 'file-end') {
        await rm(q.path, { force: true });
        renewed = Date.now();
        return (await hooks.progress(q.file, outcomes.length)) ? null : 'abandoned';
      }
      const r = await q.reading;
      if (r instanceof Error) throw r;
      if (hooks.stopping()) return 'abandoned';
      if (!r.ok) return fail(fileError(q.file + 1, r.error));
      const { outcome, image, review } = r.value;
      const sheet = outcomes.length;
      if (outcome.kind === 'rejected' && FOREIGN_SHEET.has(outcome.reason.code)) {
        const reason = await namedForeign(deps, congress.id, outcome.reason);
        return fail({ code: reason.code,
          message_vi: `Tờ quét thứ ${sheet + 1}: ${reason.message_vi} Lấy tờ này ra khỏi tập, đếm lại tập phiếu (sửa số phiếu đếm tay nếu khác) rồi quét lại cả tập.`,
          message_en: `Scanned sheet ${sheet + 1}: ${reason.message_en} Take this sheet out of the batch, count the batch again (correct its hand count if it differs) and scan the whole batch again.` });
      }
      outcomes.push(outcome);
      if (image === null) made.set(sheet, review);
      else images[sheet] = image;
      // Let go of every page but those the board may need, page by page: one PDF or TIFF may be the whole stack.
      // Only the sheets since the last complete ballot are grouped again (a ballot starts at `from`).
      const done = groupSheets(target.value, outcomes.slice(from)).slice(0, -1);
      for (const b of done) {
        if (b.kind === 'review') crops.set(b.sheets[0]!, reviewOf(b));
        for (const s of b.sheets) {
          images[s] = undefined;
          made.delete(s);
        }
        from += b.sheets.length;
        complete += 1;
      }
      if (complete + 1 > batch.physical_count) return fail(tooManySheets(batch, sheet + 1));
      // A long file (a scanner's PDF) tells its progress and renews the lease too, so that no other instance takes it.
      if (Date.now() - renewed > 1000) {
        renewed = Date.now();
        if (!(await hooks.progress(q.file, outcomes.length))) return 'abandoned';
      }
      return null;
    };
    /** Takes back pages until at most `left` are with the readers. */
    const takeBackTo = async (left: number): Promise<ReadOutcome | null> => {
      while (queue.length > left) {
        const stop = await takeBack();
        if (stop !== null) return stop;
      }
      return null;
    };

    for (const [i, f] of files.entries()) {
      // One file at a time: loaded once the pages of the one before are all taken back and its copy deleted (loading
      // 25–60 MB while the reader still decoded the last pages of the previous file made the server's memory peak).
      const before = await takeBackTo(0);
      if (before !== null) return before;
      const path = (hooks.loadFile === undefined ? null : await hooks.loadFile(f.id, folder)) ?? (await storedFile(deps, f.id, folder));
      // A JPEG is a photo (a phone's or a tablet's, one page of a ballot): set upright from its four marks first.
      const photo = (await sniffFile(path)) === 'jpeg';
      for await (const source of pageSources(path, { maxSheets: maxSheets - sent })) {
        if (hooks.stopping()) return 'abandoned';
        if (!source.ok) {
          const stop = await takeBackTo(0);
          if (stop !== null) return stop;
          return await fail(source.error.code === 'scan.too-many-sheets' ? tooManySheets(batch, maxSheets + 1) : fileError(i + 1, source.error));
        }
        const page: SheetPage = source.value.kind === 'decoded' ? source.value : { kind: 'encoded', file: path, index: source.value.index };
        const reading = hooks.reader.read(page, target.value, sent, photo).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        queue.push({ kind: 'page', file: i, reading });
        sent += 1;
        const stop = await takeBackTo(hooks.reader.size);
        if (stop !== null) return stop;
      }
      queue.push({ kind: 'file-end', file: i + 1, path });
    }
    const stop = await takeBackTo(0);
    if (stop !== null) return stop;

    const ballots = groupSheets(target.value, outcomes);
    if (ballots.length !== batch.physical_count) {
      return await fail(ruleError('scan.count-mismatch',
        `Tập "${batch.label}" có ${batch.physical_count} phiếu (đếm tay) nhưng các tệp quét cho ${ballots.length} phiếu: quét lại cả tập.`,
        `Batch "${batch.label}" holds ${batch.physical_count} ballots (counted by hand) but the scans give ${ballots.length}: scan the whole batch again.`));
    }
    const rows: Array<{ position: number; outcome: 'decided' | 'review'; proposed: string | null; reasons: string; crop: Buffer | null }> = [];
    for (const [i, b] of ballots.entries()) {
      if (b.kind === 'decided') {
        rows.push({ position: i + 1, outcome: 'decided', proposed: JSON.stringify(b.ballot), reasons: '[]', crop: null });
        continue;
      }
      const reasons: StoredReason[] = b.reasons.map((r) => ({ sheet: r.sheet + 1, candidateId: r.candidateId, code: r.reason.code, message_vi: r.reason.message_vi, message_en: r.reason.message_en }));
      rows.push({ position: i + 1, outcome: 'review', proposed: b.proposal === null ? null : JSON.stringify(b.proposal), reasons: JSON.stringify(reasons),
        crop: crops.has(b.sheets[0]!) ? crops.get(b.sheets[0]!)! : reviewOf(b) });
    }
    if (hooks.stopping()) return 'abandoned';

    const review = rows.filter((r) => r.outcome === 'review').length;
    const stored = await transact(deps, async (trx) => {
      const now = await trx.updateTable('scan_jobs').set({ status: 'review', files_read: files.length, sheets_read: outcomes.length, ballots: rows.length, lease_until: null })
        .where('id', '=', job.id).where('status', '=', 'reading').executeTakeFirst();
      if (Number(now.numUpdatedRows) !== 1) return { ok: true as const, value: false };
      for (const r of rows) {
        await trx.insertInto('scan_sheets').values({ job_id: job.id, position: r.position, outcome: r.outcome, proposed: r.proposed, reasons: r.reasons,
          crop: r.crop, decision: null, decided_by: null, decided_at: null }).execute();
      }
      await trx.deleteFrom('scan_files').where('job_id', '=', job.id).execute();
      await audit(trx, { ...actorOf(job), action: 'scan.read', subject: `round:${round.id}`,
        payload: { job: job.id, batch: batch.number, sheets: outcomes.length, ballots: rows.length, review, at: nowIso(deps) } });
      if (review === 0) {
        const e = await enterJob(deps, trx, actorOf(job), round.id, batch, job.id);
        if (!e.ok) return e;
      }
      return { ok: true as const, value: true };
    }, scanEvents(congress.id, round.id));
    if (!stored.ok) return await fail(stored.error);
    return 'done';
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};
