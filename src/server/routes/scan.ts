/**
 * Scanning a batch (issue 7): the stack of one batch is uploaded (image or PDF files, in stack order), read by
 * src/scan against this round's real ballot, stored as a scan job with one row per ballot; sheets the reader is
 * not sure of wait for the board, who decides each from its crop. When none is pending, every ballot is entered in
 * stack order as the scanner's own entry of the batch (operator and terminal "scanner") through the counting
 * engine, like a typed entry — so the board's reconciliation compares it with the human entry, and closes it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { Transaction } from 'kysely';
import sharp from 'sharp';
import { z } from 'zod';
import { BatchKey } from '../../api/counting.ts';
import { CongressCode, Id } from '../../api/common.ts';
import { BallotInput as BallotJson } from '../../api/elections.ts';
import { applyEvent, type CountingEvent, type CountingState } from '../../counting/index.ts';
import type { BallotInput } from '../../documents/model.ts';
import { checkBallotShape, err, ok, ruleError, type Ballot, type Result } from '../../rules/index.ts';
import { decodeScan, prepareTarget, readStack, reviewItems, sniffKind, type GreyImage, type ScanTarget } from '../../scan/index.ts';
import type { Congress, CountingBatch, Database, ElectionRound } from '../../store/schema.ts';
import { appendEvent, batchStateAt, findBatch, lockRound, refusal, rememberBatch, roundCounting } from '../counting-data.ts';
import type { ServerDeps } from '../deps.ts';
import { findElection, findRound } from '../election-data.ts';
import { loadPrintRound, roundHeader } from '../printouts/round.ts';
import { badRequest, conflict, notFound, problem, unprocessable, type Problem } from '../problems.ts';
import { congressRoute, json, type Caller } from '../route.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';

const RoundParams = z.object({ code: CongressCode, electionId: Id, round: z.coerce.number().int().min(1).max(1000) });
const BatchParams = RoundParams.extend({ batch: BatchKey });
const SheetParams = RoundParams.extend({ job: Id, position: z.coerce.number().int().min(1).max(100_000) });
const DecideBody = z.object({ ballot: BallotJson }).strict();

export const SCANNER = 'scanner';
/** Per file and per upload. */
export const SCAN_FILE_MAX_BYTES = 60 * 1024 * 1024;
export const SCAN_MAX_FILES = 200;
const SCAN_BODY_MAX_BYTES = 400 * 1024 * 1024;

const FOREIGN = new Set(['scan.qr-foreign', 'scan.other-congress', 'scan.other-election', 'scan.other-round', 'scan.other-layout']);

/** The prepared reference of a round, kept per round id and layout hash (the same ballot input renders the same form). */
const targets = new Map<string, Promise<Result<ScanTarget, Problem>>>();
const targetOf = (roundId: number, input: BallotInput): Promise<Result<ScanTarget, Problem>> => {
  const key = `${roundId}:${createHash('sha256').update(JSON.stringify(input), 'utf8').digest('hex')}`;
  let t = targets.get(key);
  if (t === undefined) {
    t = prepareTarget(input).then((r) => (r.ok ? r : err(unprocessable(r.error))));
    targets.set(key, t);
    void t.then((r) => { if (!r.ok) targets.delete(key); });
    if (targets.size > 64) targets.delete(targets.keys().next().value!);
  }
  return t;
};

interface StoredReason { readonly sheet: number; readonly candidateId: string | null; readonly code: string; readonly message_vi: string; readonly message_en: string }

const readFiles = async (req: FastifyRequest): Promise<Result<Uint8Array[], Problem>> => {
  if (!req.isMultipart()) {
    return err(problem(415, ruleError('upload.multipart', 'Cần gửi các tệp ảnh quét dạng multipart/form-data.', 'Send the scanned files as multipart/form-data.', 'file')));
  }
  const files: Uint8Array[] = [];
  for await (const part of req.parts({ limits: { fileSize: SCAN_FILE_MAX_BYTES, files: SCAN_MAX_FILES, fields: 10, fieldSize: 1000 } })) {
    if (part.type !== 'file') continue;
    const data = await part.toBuffer();
    if (part.file.truncated) {
      return err(problem(413, ruleError('upload.too-large', `Tệp "${part.filename}" vượt quá ${SCAN_FILE_MAX_BYTES / 1024 / 1024} MB.`,
        `The file "${part.filename}" exceeds ${SCAN_FILE_MAX_BYTES / 1024 / 1024} MB.`, 'file')));
    }
    if (sniffKind(data) === null) {
      return err(problem(415, ruleError('scan.file-type', `Tệp "${part.filename}" không phải ảnh quét (PNG, JPEG, TIFF) hay PDF.`,
        `The file "${part.filename}" is not a scan (PNG, JPEG, TIFF) or a PDF.`, 'file')));
    }
    files.push(data);
  }
  if (files.length === 0) return err(badRequest(ruleError('upload.missing', 'Thiếu tệp ảnh quét.', 'No scanned file was sent.', 'file')));
  return ok(files);
};

/** The review crops of one ballot, one under another, as a single PNG. */
const stackPngs = async (pngs: readonly Buffer[]): Promise<Buffer | null> => {
  if (pngs.length === 0) return null;
  if (pngs.length === 1) return pngs[0]!;
  const metas = await Promise.all(pngs.map((p) => sharp(p).metadata()));
  const width = Math.max(...metas.map((m) => m.width ?? 0));
  const height = metas.reduce((n, m) => n + (m.height ?? 0), 0);
  let top = 0;
  const layers = pngs.map((input, i) => { const l = { input, top, left: 0 }; top += metas[i]!.height ?? 0; return l; });
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(layers).greyscale().png().toBuffer();
};

const jobNotFound = (): Problem => notFound('lần quét', 'Scan job', 'params.job');

export const scanRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const R = '/api/congresses/:code/elections/:electionId/rounds/:round';

  const loadRound = async (db: ServerDeps['db'] | Transaction<Database>, congress: Congress, electionId: number, number: number) => {
    const election = await findElection(db, congress.id, electionId);
    if (election === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
    const round = await findRound(db, election.id, number);
    if (round === undefined) return err(notFound(`vòng bầu ${number}`, `Round ${number}`, 'params.round'));
    return ok({ election, round });
  };

  const notCounting = (): Problem => conflict(ruleError('counting.not-open', 'Vòng bầu không ở bước kiểm phiếu.', 'The round is not being counted.'));

  /**
   * Enters every ballot of the job in stack order as the scanner's entry of the batch (opened, ballots, closed),
   * through the counting engine, in the caller's transaction; the job becomes 'entered'.
   */
  const enterJob = async (trx: Transaction<Database>, ctx: Caller & { readonly congress: Congress }, round: ElectionRound, batch: CountingBatch, jobId: number): Promise<Result<number, Problem>> => {
    await lockRound(trx, deps.dialect, round.id);
    const election = await findElection(trx, ctx.congress.id, round.election_id);
    const current = await findRound(trx, round.election_id, round.number);
    if (election === undefined || current?.status !== 'counting') return err(notCounting());
    const rc = await roundCounting(trx, election, current);
    if (!rc.ok) return rc;
    const c = rc.value.ctx;
    const sheets = await trx.selectFrom('scan_sheets').select(['position', 'outcome', 'proposed', 'decision']).where('job_id', '=', jobId).orderBy('position').execute();
    const at = nowIso(deps);
    const meta = { batchId: String(batch.number), operator: SCANNER, terminal: SCANNER, at };
    const events: CountingEvent[] = [{ type: 'entry-opened', ...meta }];
    for (const s of sheets) {
      const text = s.outcome === 'decided' ? s.proposed : s.decision;
      if (text === null) return err(conflict(ruleError('scan.pending', 'Còn phiếu chờ Ban Kiểm phiếu quyết định.', 'Sheets still await the board.')));
      events.push({ type: 'ballot-entered', ...meta, position: s.position, ballot: JSON.parse(text) as Ballot });
    }
    events.push({ type: 'entry-closed', ...meta, ballots: sheets.length });
    const s = await batchStateAt(deps.db, trx, c, batch);
    if (!s.ok) return s;
    let state: CountingState = { batches: new Map([[String(batch.number), s.value.state]]) };
    let seq = s.value.seq;
    let eventId = s.value.eventId;
    const who = { congressId: ctx.congress.id, roundId: round.id, actor: ctx.actor, role: ctx.role, userId: ctx.principal?.kind === 'user' ? ctx.principal.userId : null };
    for (const e of events) {
      const next = applyEvent(c, state, e);
      if (!next.ok) return err(refusal(next.error));
      state = next.value;
      seq += 1;
      eventId = (await appendEvent(trx, who, batch, seq, e, null)).id;
    }
    await trx.updateTable('scan_jobs').set({ status: 'entered' }).where('id', '=', jobId).execute();
    rememberBatch(deps.db, c, batch.id, seq, eventId, state.batches.get(String(batch.number))!);
    return ok(sheets.length);
  };

  // Upload the stack of one batch: read, store, and enter it at once when nothing needs the board.
  congressRoute(app, deps, { method: 'POST', url: `${R}/batches/:batch/scan`, params: BatchParams, bodyLimit: SCAN_BODY_MAX_BYTES }, async (ctx) => {
    const l = await loadRound(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const { round } = l.value;
    if (round.status !== 'counting') return err(notCounting());
    const batch = await findBatch(deps.db, round.id, Number(ctx.params.batch));
    if (batch === undefined) return err(notFound('tập phiếu', 'Batch', 'params.batch'));
    const already = () => conflict(ruleError('scan.batch-scanned', `Tập "${batch.label}" đã được quét: không nhận lần quét thứ hai.`,
      `Batch "${batch.label}" has already been scanned: a second scan is refused.`));
    if (await deps.db.selectFrom('scan_jobs').select('id').where('batch_id', '=', batch.id).executeTakeFirst() !== undefined) return err(already());
    const files = await readFiles(ctx.req);
    if (!files.ok) return files;
    const pages: GreyImage[] = [];
    for (const [i, f] of files.value.entries()) {
      const d = await decodeScan(f);
      if (!d.ok) return err(unprocessable({ ...d.error, message_vi: `Tệp thứ ${i + 1}: ${d.error.message_vi}`, message_en: `File ${i + 1}: ${d.error.message_en}` }));
      pages.push(...d.value);
    }
    const p = await loadPrintRound(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!p.ok) return p;
    const target = await targetOf(round.id, { header: roundHeader(ctx.congress, p.value), round: p.value.model });
    if (!target.ok) return target;
    const read = readStack(pages, target.value);
    const foreign = read.sheets.find((s) => s.kind === 'rejected' && FOREIGN.has(s.reason.code));
    if (foreign !== undefined && foreign.kind === 'rejected') {
      return err(unprocessable({ ...foreign.reason, message_vi: `Tờ quét thứ ${foreign.sheet + 1}: ${foreign.reason.message_vi}`,
        message_en: `Scanned sheet ${foreign.sheet + 1}: ${foreign.reason.message_en}` }));
    }
    if (read.ballots.length !== batch.physical_count) {
      return err(unprocessable(ruleError('scan.count-mismatch',
        `Tập "${batch.label}" có ${batch.physical_count} phiếu (đếm tay) nhưng các tệp quét cho ${read.ballots.length} phiếu: quét lại cả tập.`,
        `Batch "${batch.label}" holds ${batch.physical_count} ballots (counted by hand) but the scans give ${read.ballots.length}: scan the whole batch again.`)));
    }
    const rows: Array<{ position: number; outcome: 'decided' | 'review'; proposed: string | null; reasons: string; crop: Buffer | null; items: StoredReason[] }> = [];
    for (const [i, b] of read.ballots.entries()) {
      if (b.kind === 'decided') {
        rows.push({ position: i + 1, outcome: 'decided', proposed: JSON.stringify(b.ballot), reasons: '[]', crop: null, items: [] });
        continue;
      }
      const items = await reviewItems(b, read.sheets, pages);
      const reasons: StoredReason[] = b.reasons.map((r) => ({ sheet: r.sheet + 1, candidateId: r.candidateId, code: r.reason.code, message_vi: r.reason.message_vi, message_en: r.reason.message_en }));
      rows.push({ position: i + 1, outcome: 'review', proposed: b.proposal === null ? null : JSON.stringify(b.proposal), reasons: JSON.stringify(reasons),
        crop: await stackPngs(items.map((x) => x.png)), items: reasons });
    }
    const userId = ctx.principal?.kind === 'user' ? ctx.principal.userId : null;
    try {
      return await transact(deps, async (trx) => {
        await lockRound(trx, deps.dialect, round.id);
        const job = await trx.insertInto('scan_jobs').values({
          congress_id: ctx.congress.id, round_id: round.id, batch_id: batch.id, terminal: SCANNER,
          status: 'review', created_by: userId, created_at: nowIso(deps),
        }).returning('id').executeTakeFirstOrThrow();
        for (const r of rows) {
          await trx.insertInto('scan_sheets').values({ job_id: job.id, position: r.position, outcome: r.outcome, proposed: r.proposed, reasons: r.reasons,
            crop: r.crop, decision: null, decided_by: null, decided_at: null }).execute();
        }
        const review = rows.filter((r) => r.outcome === 'review');
        let entered = false;
        if (review.length === 0) {
          const e = await enterJob(trx, ctx, round, batch, job.id);
          if (!e.ok) return e;
          entered = true;
        }
        const base = `${R.replace(':code', ctx.congress.code).replace(':electionId', String(ctx.params.electionId)).replace(':round', String(round.number))}/scan/${job.id}/sheets`;
        return ok(json({
          jobId: job.id, batch: batch.number, sheets: pages.length, ballots: rows.length,
          decided: rows.length - review.length, review: review.length, status: entered ? 'entered' : 'review',
          items: review.flatMap((r) => r.items.map((it) => ({ position: r.position, ...it, crop: `${base}/${r.position}/crop` }))),
        }, 201));
      }, () => [{ congressId: ctx.congress.id, kind: 'counting' as const, id: round.id }]);
    } catch (e) {
      if (isUniqueViolation(e)) return err(already());
      throw e;
    }
  });

  const loadSheet = async (db: ServerDeps['db'] | Transaction<Database>, ctx: { congress: Congress; params: z.infer<typeof SheetParams> }) => {
    const l = await loadRound(db, ctx.congress, ctx.params.electionId, ctx.params.round);
    if (!l.ok) return l;
    const job = await db.selectFrom('scan_jobs').selectAll().where('id', '=', ctx.params.job).where('round_id', '=', l.value.round.id).executeTakeFirst();
    if (job === undefined) return err(jobNotFound());
    const sheet = await db.selectFrom('scan_sheets').selectAll().where('job_id', '=', job.id).where('position', '=', ctx.params.position).executeTakeFirst();
    if (sheet === undefined) return err(notFound('phiếu quét', 'Scanned sheet', 'params.position'));
    return ok({ ...l.value, job, sheet });
  };

  // The crop of a sheet in review (the rows the board must see, one under another).
  congressRoute(app, deps, { method: 'GET', url: `${R}/scan/:job/sheets/:position/crop`, params: SheetParams }, async (ctx) => {
    const s = await loadSheet(deps.db, ctx);
    if (!s.ok) return s;
    if (s.value.sheet.crop === null) return err(notFound('ảnh cắt', 'Crop', 'params.position'));
    return ok({ kind: 'file', data: Buffer.from(s.value.sheet.crop), contentType: 'image/png', fileName: `quet-${s.value.job.id}-phieu-${s.value.sheet.position}.png`, inline: true });
  });

  // The board decides one sheet; once none is pending, the scanner's entry goes into the batch.
  congressRoute(app, deps, { method: 'POST', url: `${R}/scan/:job/sheets/:position/decide`, params: SheetParams, body: DecideBody }, async (ctx) => {
    let roundId = 0;
    return transact(deps, async (trx) => {
      const s = await loadSheet(trx, ctx);
      if (!s.ok) return s;
      const { round, job, sheet } = s.value;
      roundId = round.id;
      await lockRound(trx, deps.dialect, round.id);
      if (sheet.outcome !== 'review') {
        return err(conflict(ruleError('scan.not-in-review', `Phiếu thứ ${sheet.position} đã được máy đọc rõ, không cần quyết định.`, `Ballot ${sheet.position} was read clearly: nothing to decide.`)));
      }
      const fresh = await trx.selectFrom('scan_sheets').select('decision').where('id', '=', sheet.id).executeTakeFirstOrThrow();
      if (fresh.decision !== null || job.status !== 'review') {
        return err(conflict(ruleError('scan.decided', `Phiếu thứ ${sheet.position} đã được Ban Kiểm phiếu quyết định.`, `Ballot ${sheet.position} has already been decided by the board.`)));
      }
      // The board's ballot must fit this round's form now, not only when the scanner's entry goes in.
      const election = (await findElection(trx, ctx.congress.id, ctx.params.electionId))!;
      const rc = await roundCounting(trx, election, round);
      if (!rc.ok) return rc;
      const shape = checkBallotShape(rc.value.ctx.form, rc.value.ctx.index, ctx.body.ballot as Ballot, 'body.ballot');
      if (!shape.ok) return err(unprocessable(shape.error));
      await trx.updateTable('scan_sheets').set({ decision: JSON.stringify(ctx.body.ballot), decided_by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, decided_at: nowIso(deps) })
        .where('id', '=', sheet.id).execute();
      const pending = await trx.selectFrom('scan_sheets').select('id').where('job_id', '=', job.id).where('outcome', '=', 'review').where('decision', 'is', null).execute();
      let entered: number | null = null;
      if (pending.length === 0) {
        const batch = await trx.selectFrom('counting_batches').selectAll().where('id', '=', job.batch_id).executeTakeFirstOrThrow();
        const e = await enterJob(trx, ctx, round, batch, job.id);
        if (!e.ok) return e;
        entered = e.value;
      }
      return ok(json({ jobId: job.id, position: sheet.position, pending: pending.length, status: entered === null ? 'review' : 'entered', entered }));
    }, () => [{ congressId: ctx.congress.id, kind: 'counting' as const, id: roundId }]);
  });
};
