/**
 * Scanning a batch through the API: ballots of a small round are generated from the very ballot the
 * server prints, uploaded as one stack (acknowledged once stored, read in the background, followed through the
 * job list); the one sheet the reader is unsure of is decided by the board from its crop; the scanner's entry
 * then goes into the batch and reconciles against a typed human entry (one slip of the human caught).
 * Refusals: a second scan, a stack of the wrong size and another round's ballots (the job fails with the
 * reader's Vietnamese reason and enters nothing), a file that is not a scan, a second decision, the wrong role.
 * A stack whose reader died (kill -9) is read by the next server; the board discards a stack to scan it again.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ReconciliationView } from '../../src/api/counting.ts';
import type { ScanJobDetail, ScanJobView } from '../../src/api/scan.ts';
import { buildServer } from '../../src/server/build.ts';
import type { BallotInput } from '../../src/documents/model.ts';
import type { GreyImage } from '../../src/scan/index.ts';
import { greyPngFile } from '../../src/scan/testing/png-file.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { loadPrintRound, roundHeader } from '../../src/server/printouts/round.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type Caller, type CountingCongress } from './counting-support.ts';

const BOUNDARY = '----daihoi-scan-test';

const multipart = (files: ReadonlyArray<{ name: string; type: string; data: Buffer }>): Buffer => {
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`, 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
};

interface Upload { status: number; body: ScanJobView & { error?: { code: string; message_vi: string } } }

const upload = async (k: CountingCongress, who: Caller, batch: number, files: ReadonlyArray<{ name: string; type: string; data: Buffer }>): Promise<Upload> => {
  const res = await k.app.inject({ method: 'POST', url: `${k.R}/batches/${batch}/scan`, payload: multipart(files),
    headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
  return { status: res.statusCode, body: res.json() };
};

/** Follows the job list as a console does, until the job is read (or 60 s have passed). */
const settled = async (k: CountingCongress, who: Caller, jobId: number): Promise<ScanJobView> => {
  for (let i = 0; i < 1200; i++) {
    const list = await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, who);
    expect(list.status).toBe(200);
    const job = list.body.find((j) => j.id === jobId);
    if (job === undefined) throw new Error(`job ${jobId} is gone`);
    if (job.status !== 'reading') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} still reading`);
};

/** Uploads and waits for the reading: the job as it ends. */
const scan = async (k: CountingCongress, who: Caller, batch: number, files: ReadonlyArray<{ name: string; type: string; data: Buffer }>): Promise<ScanJobView> => {
  const up = await upload(k, who, batch, files);
  expect(up.status, JSON.stringify(up.body)).toBe(202);
  expect(up.body).toMatchObject({ status: 'reading', files: files.length, batch });
  return settled(k, who, up.body.id);
};

const pngFiles = async (ballots: readonly GeneratedBallot[]) => {
  const pages: GreyImage[] = ballots.flatMap((b) => [...b.pages]);
  return Promise.all(pages.map(async (p, i) => ({ name: `quet-${i + 1}.png`, type: 'image/png', data: await greyPngFile(p) })));
};

/** The ballot as the truth has it; a partial strike is read by the board as struck. */
const truthBallot = (b: GeneratedBallot) => ({ struck: [...b.truth.rows].filter(([, t]) => t === 'struck' || t === 'partial').map(([id]) => id) });

describeEachDatabase('api: scanning a batch', (db) => {
  let k: CountingCongress;
  let g: Generator;
  let input: BallotInput;
  const ids: string[] = [];

  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'quet-phieu');
    // A small round: 5 names for 3 seats (strike-out).
    await db.db.deleteFrom('candidates').where('round_id', '=', k.roundId).where('position', '>', 5).execute();
    await db.db.updateTable('elections').set({ seats: 3, max_surplus: 2 }).where('id', '=', k.electionId).execute();
    await db.db.updateTable('election_rounds').set({ seats: 3, base: 12, present: 12 }).where('id', '=', k.roundId).execute();
    ids.push(...k.candidateIds.slice(0, 5).map(String));
    const opened = await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 11, collected: 11 });
    expect(opened.status).toBe(200);
    expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label: 'Hòm phiếu 1', physicalCount: 4 })).status).toBe(201);
    expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label: 'Hòm phiếu 2', physicalCount: 3 })).status).toBe(201);
    // The ballot exactly as the server prints it for this round.
    const congress = await db.db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
    const p = await loadPrintRound(db.db, congress, k.electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    input = { header: roundHeader(congress, p.value), round: p.value.model };
    const gen = await prepareGenerator(input);
    if (!gen.ok) throw new Error(gen.error.message_en);
    g = gen.value;
  }, 120_000);

  const pile = (n: number, seed: number, partialFirst: boolean) => Promise.all(Array.from({ length: n }, (_, j) => generateBallot(g, {
    seed: seed + j, degrade: 'none', stamped: true, writingOutside: false,
    plan: (i) => (partialFirst && j === 0 && i === 1 ? { kind: 'partial', part: 'family-name', pen: 'ballpoint' }
      : (i + j) % 3 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }),
  })));

  it('reads a stack, the board decides the unclear sheet from its crop, the scanner entry reconciles with the human entry', async () => {
    const ballots = await pile(4, 100, true);
    const files = await pngFiles(ballots);
    const tech = k.users['an']!;
    const head = k.users['head']!;

    const job = await scan(k, tech, 1, files);
    expect(job).toMatchObject({ batch: 1, batchLabel: 'Hòm phiếu 1', ballots: 4, decided: 3, review: 1, pending: 1, status: 'review', files: 4, filesRead: 4, sheetsRead: 4, error: null });
    // The board's queue: the one sheet in review, with the reader's reasons and proposal and the crop; technicians see the list only.
    expect((await call(k.app, 'GET', `${k.R}/scan/${job.id}`, tech)).status).toBe(403);
    const detail = await call<ScanJobDetail>(k.app, 'GET', `${k.R}/scan/${job.id}`, head);
    expect(detail.status).toBe(200);
    expect(detail.body.sheets.map((x) => x.position)).toEqual([1]);
    const sheet = detail.body.sheets[0]!;
    expect(sheet.reasons.some((x) => x.candidateId === ids[1] && x.code === 'scan.row-partial')).toBe(true);
    expect(sheet.decision).toBeNull();
    // The board starts from the strikes the reader is sure of; the uncertain name is left unticked and named in the reasons.
    expect(sheet.proposal).toEqual({ struck: [ids[0], ids[3]] });
    expect(sheet.crop).toBe(`${k.R}/scan/${job.id}/sheets/1/crop`);
    // The uploaded files are gone once read.
    expect(await db.db.selectFrom('scan_files').select('id').where('job_id', '=', job.id).execute()).toHaveLength(0);

    // The crop, for the board only.
    const crop = await k.app.inject({ method: 'GET', url: sheet.crop!, headers: { cookie: head.cookie } });
    expect(crop.statusCode).toBe(200);
    expect(crop.headers['content-type']).toBe('image/png');
    expect(crop.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await k.app.inject({ method: 'GET', url: sheet.crop!, headers: { cookie: tech.cookie } })).statusCode).toBe(403);

    // A second scan of the same batch is refused.
    const again = await upload(k, tech, 1, files);
    expect(again.status).toBe(409);
    expect((await call(k.app, 'GET', `${k.R}/scan`, tech)).body).toHaveLength(1);
    expect(again.body.error?.code).toBe('scan.batch-scanned');

    // The human entry, typed at another terminal, with one slip at position 3.
    const human = k.users['binh']!;
    expect((await call(k.app, 'POST', `${k.R}/batches/1/entries`, human, { terminal: 'may-2' })).status).toBe(201);
    for (const [i, b] of ballots.entries()) {
      const ballot = i === 2 ? { struck: [] } : truthBallot(b);
      const r = await call(k.app, 'POST', `${k.R}/batches/1/ballots`, human, { position: i + 1, ballot, terminal: 'may-2' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    expect((await call(k.app, 'POST', `${k.R}/batches/1/close`, human, { ballots: 4 })).status).toBe(200);
    expect((await call(k.app, 'GET', `${k.R}/batches/1/reconciliation`, head)).status).toBe(409);

    // The board decides the one sheet in review (a technician may not); the scanner's entry goes in.
    const decide = `${k.R}/scan/${job.id}/sheets/1/decide`;
    expect((await call(k.app, 'POST', decide, tech, { ballot: truthBallot(ballots[0]!) })).status).toBe(403);
    const unknown = await call<{ error: { code: string } }>(k.app, 'POST', decide, head, { ballot: { struck: ['999999'] } });
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(422);
    const decided = await call<{ status: string; entered: number; pending: number }>(k.app, 'POST', decide, head, { ballot: truthBallot(ballots[0]!) });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'entered', entered: 4, pending: 0 });
    const twice = await call<{ error: { code: string } }>(k.app, 'POST', decide, head, { ballot: { struck: [] } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('scan.decided');
    // An entered scan cannot be discarded: the board discards entries in the reconciliation.
    const discard = await call<{ error: { code: string } }>(k.app, 'DELETE', `${k.R}/scan/${job.id}`, head);
    expect(discard.status).toBe(409);
    expect(discard.body.error.code).toBe('scan.entered');
    const notReview = await call<{ error: { code: string } }>(k.app, 'POST', `${k.R}/scan/${job.id}/sheets/2/decide`, head, { ballot: { struck: [] } });
    expect(notReview.status).toBe(409);

    // Reconciliation: the scanner and the human agree everywhere but at the human's slip.
    const rec = await call<ReconciliationView>(k.app, 'GET', `${k.R}/batches/1/reconciliation`, head);
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(rec.body.disagreements.map((d) => d.position)).toEqual([3]);
    const sides = rec.body.disagreements[0]!.entries;
    expect(sides.map((e) => e.terminal).sort()).toEqual(['may-2', 'scanner']);
    expect(sides.find((e) => e.terminal === 'scanner')!.ballot).toMatchObject(truthBallot(ballots[2]!));
    // The board rules from the paper; the batch is final.
    const ruled = await call<ReconciliationView>(k.app, 'POST', `${k.R}/batches/1/rulings`, head,
      { position: 3, ballot: truthBallot(ballots[2]!), reason: 'entry-slip', note: '' });
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(201);
    expect(ruled.body.final).toBe(true);
  }, 120_000);

  it('ends a stack of the wrong size and another round\'s ballots as failed (the reader\'s reason in Vietnamese), refuses a file that is no scan', async () => {
    const tech = k.users['an']!;
    const two = await scan(k, tech, 2, await pngFiles(await pile(2, 300, false)));
    expect(two.status).toBe('failed');
    expect(two.error?.code).toBe('scan.count-mismatch');
    expect(two.error?.message_vi).toContain('Hòm phiếu 2');

    const otherGen = await prepareGenerator({ ...input, round: { ...input.round, round: 2 } });
    if (!otherGen.ok) throw new Error(otherGen.error.message_en);
    const other = await Promise.all([0, 1, 2].map((j) => generateBallot(otherGen.value, { seed: 400 + j, degrade: 'none', stamped: true, writingOutside: false })));
    // A failed stack is replaced by the next upload of the batch.
    const foreign = await scan(k, tech, 2, await pngFiles(other));
    expect(foreign.status).toBe('failed');
    expect(foreign.error?.code).toBe('scan.other-round');
    expect(foreign.error?.message_vi).toBe('Tờ quét thứ 1: Phiếu của lần bầu 2, không phải lần bầu 1: không nhận phiếu. '
      + 'Lấy tờ này ra khỏi tập, đếm lại tập phiếu (sửa số phiếu đếm tay nếu khác) rồi quét lại cả tập.');
    // Another election's ballot is named by the election's title, which the reader does not know (its QR code has the number).
    const pollGen = await prepareGenerator({ ...input, round: { ...input.round, electionId: String(k.otherElectionId) } });
    if (!pollGen.ok) throw new Error(pollGen.error.message_en);
    const poll = await scan(k, tech, 2, await pngFiles([await generateBallot(pollGen.value, { seed: 410, degrade: 'none', stamped: true, writingOutside: false })]));
    expect(poll.error).toEqual({ code: 'scan.other-election',
      message_vi: 'Tờ quét thứ 1: Phiếu của cuộc bầu cử khác ("Bầu Ủy ban Kiểm tra"), không phải của cuộc bầu cử này: không nhận phiếu. '
        + 'Lấy tờ này ra khỏi tập, đếm lại tập phiếu (sửa số phiếu đếm tay nếu khác) rồi quét lại cả tập.',
      message_en: 'Scanned sheet 1: A ballot of another election ("Bầu Ủy ban Kiểm tra"), not of this one: rejected. '
        + 'Take this sheet out of the batch, count the batch again (correct its hand count if it differs) and scan the whole batch again.' });

    const text = await upload(k, tech, 2, [{ name: 'ghi-chu.txt', type: 'text/plain', data: Buffer.from('không phải ảnh') }]);
    expect(text.status).toBe(415);
    expect(text.body.error?.code).toBe('scan.file-type');
    // An iPhone's HEIC photo (its first bytes: a box 'ftyp' of brand 'heic'): refused with how to get a JPEG.
    const heic = await upload(k, tech, 2, [{ name: 'IMG_0001.HEIC', type: 'image/heic', data: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1') }]);
    expect(heic.status).toBe(415);
    expect(heic.body.error?.code).toBe('scan.heic');
    expect(heic.body.error?.message_vi).toContain('chọn "Tương thích nhất"');

    // Nothing of the failures was entered; the batch can still be scanned.
    const events = await db.db.selectFrom('counting_events').innerJoin('counting_batches', 'counting_batches.id', 'counting_events.batch_id')
      .select('counting_events.id').where('counting_batches.round_id', '=', k.roundId).where('counting_batches.number', '=', 2)
      .where('counting_events.terminal', '=', 'scanner').execute();
    expect(events).toHaveLength(0);
    const good = await scan(k, tech, 2, await pngFiles(await pile(3, 500, false)));
    expect(good).toMatchObject({ ballots: 3, decided: 3, review: 0, pending: 0, status: 'entered' });
    const audits = await db.db.selectFrom('audit_log').select('action').where('congress_id', '=', k.congressId).where('action', 'like', 'scan.%').execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['scan.upload', 'scan.failed', 'scan.read', 'scan.decide']));
  }, 120_000);

  it('reads a stack whose reader died (its lease ran out) when the next server starts; the board discards a stack to scan it again', async () => {
    const head = k.users['head']!;
    const tech = k.users['an']!;
    expect((await call(k.app, 'POST', `${k.R}/batches`, head, { label: 'Hòm phiếu 3', physicalCount: 2 })).status).toBe(201);
    const batch = await db.db.selectFrom('counting_batches').select('id').where('round_id', '=', k.roundId).where('number', '=', 3).executeTakeFirstOrThrow();
    // As left by an instance killed mid-reading: the upload stored and acknowledged, one file read, the lease expired.
    const files = await pngFiles(await pile(2, 700, false));
    const job = await db.db.insertInto('scan_jobs').values({ congress_id: k.congressId, round_id: k.roundId, batch_id: batch.id, terminal: 'scanner',
      status: 'reading', created_by: tech.userId, created_at: new Date().toISOString(), files: 2, files_read: 1, error: null,
      lease_until: new Date(Date.now() - 1000).toISOString() }).returning('id').executeTakeFirstOrThrow();
    for (const [i, f] of files.entries()) await db.db.insertInto('scan_files').values({ job_id: job.id, position: i + 1, data: f.data }).execute();
    const next = await buildServer({ db: db.db, dialect: db.dialect, scanReader: { pollMs: 0 } });
    try {
      const read = await settled({ ...k, app: next }, tech, job.id);
      expect(read).toMatchObject({ status: 'entered', ballots: 2, decided: 2, files: 2, filesRead: 2, sheetsRead: 2 });
    } finally {
      await next.close();
    }

    // Batch 4: a stack in review is discarded by the board (not by a technician) and scanned again.
    expect((await call(k.app, 'POST', `${k.R}/batches`, head, { label: 'Hòm phiếu 4', physicalCount: 2 })).status).toBe(201);
    const first = await scan(k, tech, 4, await pngFiles(await pile(2, 800, true)));
    expect(first).toMatchObject({ status: 'review', review: 1 });
    expect((await call(k.app, 'DELETE', `${k.R}/scan/${first.id}`, tech)).status).toBe(403);
    expect((await call(k.app, 'DELETE', `${k.R}/scan/${first.id}`, head)).status).toBe(200);
    expect((await call(k.app, 'GET', `${k.R}/scan/${first.id}`, head)).status).toBe(404);
    const second = await scan(k, tech, 4, await pngFiles(await pile(2, 900, false)));
    expect(second).toMatchObject({ status: 'entered', ballots: 2 });
  }, 120_000);
});
