/**
 * Scanning a batch, the routes of src/api/scan.ts. The upload is acknowledged once the files are
 * stored (they are read in the background by reader.ts); the board decides each sheet in review from its crop;
 * once none is pending, the scanner's entry goes into the batch (enter-job.ts).
 */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { BallotInput } from '../../api/ballot.ts';
import { urlOf } from '../../api/endpoint.ts';
import type { JobParams } from '../../api/endpoints/scan.ts';
import { ScanError, ScanReason, type ScanJobView, type ScanSheetView } from '../../api/scan.ts';
import { checkBallotShape, err, ok, ruleError } from '../../rules/index.ts';
import { readJsonColumn } from '../../store/json-column.ts';
import type { Congress, Database } from '../../store/schema.ts';
import { audit } from '../audit.ts';
import { findBatch, lockRound, roundCounting } from '../counting-data.ts';
import type { ServerDeps } from '../deps.ts';
import { loadRound } from '../election-data.ts';
import { conflict, notFound, problem, unprocessable, type Problem } from '../problems.ts';
import { json, serve } from '../route.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';
import { enterJob, notCounting } from './enter-job.ts';
import type { ScanReader } from './reader.ts';
import { shotChecker } from './shot-check.ts';
import { roundTarget } from './target.ts';
import { spoolScans } from './upload.ts';
import { sniffFile } from '../../scan/sniff.ts';


type Db = ServerDeps['db'] | Transaction<Database>;

const jobNotFound = (): Problem => notFound('lần quét', 'Scan job', 'params.job');

/** The jobs of a round (or one of them) as the consoles show them, counts of their sheets included. */
const jobViews = async (db: Db, roundId: number, jobId?: number): Promise<ScanJobView[]> => {
  let q = db.selectFrom('scan_jobs').innerJoin('counting_batches', 'counting_batches.id', 'scan_jobs.batch_id')
    .select(['scan_jobs.id', 'scan_jobs.status', 'scan_jobs.files', 'scan_jobs.files_read', 'scan_jobs.sheets_read', 'scan_jobs.ballots', 'scan_jobs.error', 'scan_jobs.created_at',
      'counting_batches.number', 'counting_batches.label'])
    .where('scan_jobs.round_id', '=', roundId).orderBy('counting_batches.number');
  if (jobId !== undefined) q = q.where('scan_jobs.id', '=', jobId);
  const jobs = await q.execute();
  if (jobs.length === 0) return [];
  const sheets = await db.selectFrom('scan_sheets').select(['job_id', 'outcome', 'decision']).where('job_id', 'in', jobs.map((j) => j.id)).execute();
  return jobs.map((j) => {
    const mine = sheets.filter((s) => s.job_id === j.id);
    const review = mine.filter((s) => s.outcome === 'review');
    return {
      id: j.id, batch: j.number, batchLabel: j.label, status: j.status, files: j.files, filesRead: j.files_read, sheetsRead: j.sheets_read, ballots: j.ballots,
      decided: mine.length - review.length, review: review.length, pending: review.filter((s) => s.decision === null).length,
      error: readJsonColumn(ScanError, j.error), createdAt: j.created_at,
    };
  });
};

export const scanRoutes = (app: FastifyInstance, deps: ServerDeps, reader: ScanReader): void => {
  const events = (congressId: number, roundId: number) => [
    { congressId, kind: 'scan' as const, id: roundId }, { congressId, kind: 'counting' as const, id: roundId },
  ];

  // Upload the stack of one batch: stored, acknowledged, then read in the background.
  serve(app, deps, API.uploadScan, async (ctx) => {
    const l = await loadRound(deps.db, ctx.congress.id, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const { round } = l.value;
    if (round.status !== 'counting') return err(notCounting());
    const batch = await findBatch(deps.db, round.id, Number(ctx.params.batch));
    if (batch === undefined) return err(notFound('tập phiếu', 'Batch', 'params.batch'));
    const already = () => conflict(ruleError('scan.batch-scanned', `Tập "${batch.label}" đã được quét: không nhận lần quét thứ hai.`,
      `Batch "${batch.label}" has already been scanned: a second scan is refused.`));
    const existing = await deps.db.selectFrom('scan_jobs').select('status').where('batch_id', '=', batch.id).executeTakeFirst();
    if (existing !== undefined && existing.status !== 'failed') return err(already());
    const spooled = await spoolScans(ctx.req);
    if (!spooled.ok) return spooled;
    const files = spooled.value.files;
    const userId = ctx.principal?.kind === 'user' ? ctx.principal.userId : null;
    let handedOver = false;
    try {
      const stored = await transact(deps, async (trx) => {
        await lockRound(trx, deps.dialect, round.id);
        // A stack that could not be read is replaced by the new one.
        const failed = await trx.deleteFrom('scan_jobs').where('batch_id', '=', batch.id).where('status', '=', 'failed').executeTakeFirst();
        const job = await trx.insertInto('scan_jobs').values({
          congress_id: ctx.congress.id, round_id: round.id, batch_id: batch.id, terminal: 'scanner', status: 'reading',
          created_by: userId, created_at: nowIso(deps), files: files.length, error: null, lease_until: null,
        }).returning('id').executeTakeFirstOrThrow();
        // One file in memory at a time: the upload was spooled to disk as it arrived (upload.ts).
        const storedFiles = new Map<number, string>();
        for (const [i, f] of files.entries()) {
          const row = await trx.insertInto('scan_files').values({ job_id: job.id, position: i + 1, data: await spooled.value.read(f.path) })
            .returning('id').executeTakeFirstOrThrow();
          storedFiles.set(row.id, f.path);
        }
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'scan.upload', subject: `round:${round.id}`,
          payload: { job: job.id, batch: batch.number, files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0),
            replacedFailed: Number(failed.numDeletedRows) > 0 } });
        return ok({ job: job.id, files: storedFiles });
      }, events(ctx.congress.id, round.id));
      if (!stored.ok) return stored;
      // The spooled files are read from disk by this server's reader (kept-uploads.ts), and deleted by it.
      spooled.value.free();
      // SQLite's page cache (16 MB a connection) was filled with the files' pages, kept through the stack's reading:
      // given back (some 10–15 MB of the server's peak while a stack is read, h-mem7). PostgreSQL's is not ours.
      if (deps.dialect === 'sqlite') await sql`PRAGMA shrink_memory`.execute(deps.db);
      reader.keep(stored.value.job, spooled.value.folder, stored.value.files);
      handedOver = true;
      reader.kick();
      const view = (await jobViews(deps.db, round.id, stored.value.job))[0];
      return view === undefined ? err(jobNotFound()) : ok(json(view, 202));
    } catch (e) {
      if (isUniqueViolation(e)) return err(already());
      throw e;
    } finally {
      if (!handedOver) await spooled.value.remove();
    }
  });

  // One camera shot read at once and let go (shot-check.ts): refused with the reason while the ballot is in hand.
  const shots = shotChecker();
  app.addHook('onClose', shots.close);
  serve(app, deps, API.checkShot, async (ctx) => {
    const l = await loadRound(deps.db, ctx.congress.id, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const { round } = l.value;
    if (round.status !== 'counting') return err(notCounting());
    const spooled = await spoolScans(ctx.req, 1);
    if (!spooled.ok) return spooled;
    try {
      const path = spooled.value.files[0]!.path;
      if ((await sniffFile(path)) !== 'jpeg') {
        return err(problem(415, ruleError('scan.shot-type', 'Ảnh chụp cần ở dạng JPEG.', 'A shot must be a JPEG photo.', 'file')));
      }
      const target = await roundTarget(deps.db, ctx.congress, round.election_id, round.number, round.id, shots.prepare);
      if (!target.ok) return target;
      const checked = await shots.check(path, target.value);
      if (checked === 'busy') {
        return err(problem(429, ruleError('scan.shots-busy', 'Máy chủ đang đọc các ảnh vừa chụp khác: chờ giây lát rồi chụp lại.',
          'The server is reading other shots just taken: wait a moment and take it again.')));
      }
      return ok(json(checked));
    } finally {
      await spooled.value.remove();
    }
  });

  serve(app, deps, API.scanJobs, async (ctx) => {
    const l = await loadRound(deps.db, ctx.congress.id, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    return ok(json(await jobViews(deps.db, l.value.round.id)));
  });

  const loadJob = async (db: Db, ctx: { congress: Congress; params: z.infer<typeof JobParams> }) => {
    const l = await loadRound(db, ctx.congress.id, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const job = await db.selectFrom('scan_jobs').selectAll().where('id', '=', ctx.params.job).where('round_id', '=', l.value.round.id).executeTakeFirst();
    if (job === undefined) return err(jobNotFound());
    return ok({ ...l.value, job });
  };

  // A job with its sheets in review (the board's queue).
  serve(app, deps, API.scanJob, async (ctx) => {
    const l = await loadJob(deps.db, ctx);
    if (!l.ok) return l;
    const { round, job } = l.value;
    const view = (await jobViews(deps.db, round.id, job.id))[0];
    if (view === undefined) return err(jobNotFound());
    const rows = await deps.db.selectFrom('scan_sheets').select(['position', 'proposed', 'reasons', 'decision', (eb) => eb('crop', 'is not', null).as('has_crop')])
      .where('job_id', '=', job.id).where('outcome', '=', 'review').orderBy('position').execute();
    const sheets: ScanSheetView[] = rows.map((s) => ({
      position: s.position, reasons: readJsonColumn(z.array(ScanReason), s.reasons) ?? [],
      proposal: readJsonColumn(BallotInput, s.proposed),
      decision: readJsonColumn(BallotInput, s.decision),
      crop: s.has_crop ? urlOf(API.scanCrop, { ...ctx.params, position: s.position }) : null,
    }));
    return ok(json({ ...view, sheets }));
  });

  // The crop of a sheet in review (the rows the board must see, one under another).
  serve(app, deps, API.scanCrop, async (ctx) => {
    const l = await loadJob(deps.db, ctx);
    if (!l.ok) return l;
    const sheet = await deps.db.selectFrom('scan_sheets').select(['position', 'crop']).where('job_id', '=', l.value.job.id).where('position', '=', ctx.params.position).executeTakeFirst();
    if (sheet?.crop === null || sheet === undefined) return err(notFound('ảnh cắt', 'Crop', 'params.position'));
    return ok({ kind: 'file', data: Buffer.from(sheet.crop), contentType: 'image/png', fileName: `quet-${l.value.job.id}-phieu-${sheet.position}.png`, inline: true });
  });

  // The board decides one sheet; once none is pending, the scanner's entry goes into the batch.
  serve(app, deps, API.decideSheet, async (ctx) => {
    let roundId = 0;
    return transact(deps, async (trx) => {
      const l = await loadJob(trx, ctx);
      if (!l.ok) return l;
      const { election, round, job } = l.value;
      roundId = round.id;
      await lockRound(trx, deps.dialect, round.id);
      const sheet = await trx.selectFrom('scan_sheets').selectAll().where('job_id', '=', job.id).where('position', '=', ctx.params.position).executeTakeFirst();
      if (sheet === undefined) return err(notFound('phiếu quét', 'Scanned sheet', 'params.position'));
      if (sheet.outcome !== 'review') {
        return err(conflict(ruleError('scan.not-in-review', `Phiếu thứ ${sheet.position} đã được máy đọc rõ, không cần quyết định.`, `Ballot ${sheet.position} was read clearly: nothing to decide.`)));
      }
      const current = await trx.selectFrom('scan_jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
      if (sheet.decision !== null || current.status !== 'review') {
        return err(conflict(ruleError('scan.decided', `Phiếu thứ ${sheet.position} đã được Ban Kiểm phiếu quyết định.`, `Ballot ${sheet.position} has already been decided by the board.`)));
      }
      // The board's ballot must fit this round's form now, not only when the scanner's entry goes in.
      const rc = await roundCounting(trx, election, round);
      if (!rc.ok) return rc;
      const shape = checkBallotShape(rc.value.ctx.form, rc.value.ctx.index, ctx.body.ballot, 'body.ballot');
      if (!shape.ok) return err(unprocessable(shape.error));
      const userId = ctx.principal?.kind === 'user' ? ctx.principal.userId : null;
      await trx.updateTable('scan_sheets').set({ decision: JSON.stringify(ctx.body.ballot), decided_by: userId, decided_at: nowIso(deps) })
        .where('id', '=', sheet.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'scan.decide', subject: `round:${round.id}`,
        payload: { job: job.id, position: sheet.position, ballot: ctx.body.ballot } });
      const pending = await trx.selectFrom('scan_sheets').select('id').where('job_id', '=', job.id).where('outcome', '=', 'review').where('decision', 'is', null).execute();
      let entered: number | null = null;
      if (pending.length === 0) {
        const batch = await trx.selectFrom('counting_batches').selectAll().where('id', '=', job.batch_id).executeTakeFirstOrThrow();
        const e = await enterJob(deps, trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, userId }, round.id, batch, job.id);
        if (!e.ok) return e;
        entered = e.value;
      }
      return ok(json({ jobId: job.id, position: sheet.position, pending: pending.length, status: entered === null ? 'review' : 'entered', entered }));
    }, () => events(ctx.congress.id, roundId));
  });

  // Discard a job not entered (a failed or wrong stack, or one whose reading the board stops): the batch may be scanned again.
  serve(app, deps, API.discardScan, async (ctx) => {
    let roundId = 0;
    return transact(deps, async (trx) => {
      const l = await loadJob(trx, ctx);
      if (!l.ok) return l;
      const { round, job } = l.value;
      roundId = round.id;
      await lockRound(trx, deps.dialect, round.id);
      const r = await trx.deleteFrom('scan_jobs').where('id', '=', job.id).where('status', '!=', 'entered').executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) {
        return err(conflict(ruleError('scan.entered', 'Lần quét này đã được nhập vào tập phiếu: không huỷ được (Ban Kiểm phiếu loại bỏ lượt nhập ở phần đối chiếu).',
          'This scan has been entered into the batch: it cannot be discarded (the board discards the entry in the reconciliation).')));
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'scan.discard', subject: `round:${round.id}`,
        payload: { job: job.id, status: job.status } });
      return ok(json({ ok: true }));
    }, () => events(ctx.congress.id, roundId));
  });
};
