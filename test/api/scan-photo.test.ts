/**
 * Ballots photographed with a phone, uploaded as a batch (one JPEG a ballot) through the same scanning API as a
 * scanner's stack: each photo set upright from its four marks and read; a blurred photo goes to the board's queue
 * with the reason and a crop of the photo; once the board decides it, the scanner's entry goes into the batch and
 * reconciles against a typed human entry.
 */
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import type { ReconciliationView } from '../../src/api/counting.ts';
import type { ScanJobDetail, ScanJobView, ShotCheck } from '../../src/api/scan.ts';
import type { BallotInput } from '../../src/documents/model.ts';
import { prepareGenerator, type Generator } from '../../src/scan/testing/generate.ts';
import { generatePhoto, type GeneratedPhoto } from '../../src/scan/testing/photo.ts';
import { loadPrintRound, roundHeader } from '../../src/server/printouts/round.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

const BOUNDARY = '----daihoi-photo-test';

const multipart = (files: ReadonlyArray<{ name: string; data: Buffer }>): Buffer => Buffer.concat([
  ...files.flatMap((f) => [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: image/jpeg\r\n\r\n`, 'utf8'), f.data, Buffer.from('\r\n')]),
  Buffer.from(`--${BOUNDARY}--\r\n`),
]);

const truthBallot = (p: GeneratedPhoto) => ({ struck: [...p.ballot.truth.rows].filter(([, t]) => t === 'struck').map(([id]) => id) });

describeEachDatabase('api: a batch of phone photos', (db) => {
  let k: CountingCongress;
  let g: Generator;

  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'anh-phieu');
    await db.db.deleteFrom('candidates').where('round_id', '=', k.roundId).where('position', '>', 5).execute();
    await db.db.updateTable('elections').set({ seats: 3, max_surplus: 2 }).where('id', '=', k.electionId).execute();
    await db.db.updateTable('election_rounds').set({ seats: 3, base: 12, present: 12 }).where('id', '=', k.roundId).execute();
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 11, collected: 11 })).status).toBe(200);
    expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label: 'Hòm phiếu 1', physicalCount: 3 })).status).toBe(201);
    const congress = await db.db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
    const p = await loadPrintRound(db.db, congress, k.electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    const input: BallotInput = { header: roundHeader(congress, p.value), round: p.value.model };
    const gen = await prepareGenerator(input);
    if (!gen.ok) throw new Error(gen.error.message_en);
    g = gen.value;
  }, 120_000);

  it('reads the photos, sends the blurred one to the board with the reason, enters the batch once decided, reconciles', async () => {
    const photos = await Promise.all([0, 1, 2].map((j) => generatePhoto(g, {
      seed: 900 + j, stamped: true, writingOutside: false, seal: { place: 'over-header', strength: 'strong', ink: 'dark' },
      plan: (i) => ((i + j) % 3 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }),
      variation: j === 1 ? { camera: '3MP', tilt: 4, blur: 5, shadow: 0 } : { camera: '3MP', tilt: 12 + 6 * j, shadow: 0, blur: 0, gradient: 0.2 },
    })));
    const tech = k.users['an']!;
    const head = k.users['head']!;
    const res = await k.app.inject({ method: 'POST', url: `${k.R}/batches/1/scan`, payload: multipart(photos.map((p, i) => ({ name: `anh-${i + 1}.jpg`, data: p.jpeg }))),
      headers: { cookie: tech.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<ScanJobView>().id;
    let job: ScanJobView | undefined;
    for (let i = 0; i < 2400 && (job === undefined || job.status === 'reading'); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      job = (await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, tech)).body.find((j) => j.id === id);
    }
    const detail = await call<ScanJobDetail>(k.app, 'GET', `${k.R}/scan/${id}`, head);
    expect(job, JSON.stringify(detail.body.sheets.map((x) => x.reasons))).toMatchObject({ ballots: 3, decided: 2, review: 1, pending: 1, status: 'review', files: 3, sheetsRead: 3, error: null });

    expect(detail.body.sheets.map((x) => x.position)).toEqual([2]);
    const sheet = detail.body.sheets[0]!;
    expect(sheet.reasons.map((r) => r.code)).toEqual(['scan.photo-blur']);
    expect(sheet.reasons[0]!.message_vi).toContain('Ảnh bị mờ');
    expect(sheet.proposal).toBeNull();
    const crop = await k.app.inject({ method: 'GET', url: sheet.crop!, headers: { cookie: head.cookie } });
    expect(crop.statusCode).toBe(200);
    expect(crop.headers['content-type']).toBe('image/png');

    // The human entry, typed from the paper.
    const human = k.users['binh']!;
    expect((await call(k.app, 'POST', `${k.R}/batches/1/entries`, human, { terminal: 'may-2' })).status).toBe(201);
    for (const [i, p] of photos.entries()) {
      expect((await call(k.app, 'POST', `${k.R}/batches/1/ballots`, human, { position: i + 1, ballot: truthBallot(p), terminal: 'may-2' })).status).toBe(201);
    }
    expect((await call(k.app, 'POST', `${k.R}/batches/1/close`, human, { ballots: 3 })).status).toBe(200);
    const decided = await call<{ status: string; entered: number }>(k.app, 'POST', `${k.R}/scan/${id}/sheets/2/decide`, head, { ballot: truthBallot(photos[1]!) });
    expect(decided.body).toMatchObject({ status: 'entered', entered: 3 });
    // The photos as read agree with the paper everywhere.
    const rec = await call<ReconciliationView>(k.app, 'GET', `${k.R}/batches/1/reconciliation`, head);
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(rec.body.disagreements).toEqual([]);
  }, 300_000);

  it('a camera shot is read at once and let go: a blurred one refused with the reason, a clear one read, nothing stored', async () => {
    const shot = (seed: number, blur: number) => generatePhoto(g, {
      seed, stamped: true, writingOutside: false, seal: { place: 'over-header', strength: 'strong', ink: 'dark' },
      plan: (i) => (i % 3 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }),
      variation: { camera: '3MP', tilt: 6, blur, shadow: 0 },
    });
    const [clear, blurred] = await Promise.all([shot(920, 0), shot(921, 5)]);
    const send = (caller: typeof k.users[string], files: ReadonlyArray<{ name: string; data: Buffer }>) => k.app.inject({
      method: 'POST', url: `${k.R}/scan/shot`, payload: multipart(files),
      headers: { cookie: caller.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    const tech = k.users['an']!;
    const jobsBefore = (await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, tech)).body.length;

    const refused = await send(tech, [{ name: 'anh-1.jpg', data: blurred.jpeg }]);
    expect(refused.statusCode, refused.body).toBe(200);
    const reason = refused.json<ShotCheck>().refusal;
    expect(reason?.code).toBe('scan.photo-blur');
    expect(reason?.message_vi).toContain('Ảnh bị mờ');
    const read = await send(k.users['head']!, [{ name: 'anh-2.jpg', data: clear.jpeg }]);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<ShotCheck>()).toEqual({ refusal: null });

    // Only the counting staff, only a JPEG, one at a time; nothing of it stored.
    expect((await send(k.users['secretariat']!, [{ name: 'anh-3.jpg', data: clear.jpeg }])).statusCode).toBe(403);
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const notPhoto = await send(tech, [{ name: 'quet.png', data: png }]);
    expect(notPhoto.statusCode).toBe(415);
    expect(notPhoto.json<{ error: { code: string } }>().error.code).toBe('scan.shot-type');
    expect((await send(tech, [])).statusCode).toBe(400);
    expect((await call<ScanJobView[]>(k.app, 'GET', `${k.R}/scan`, tech)).body.length).toBe(jobsBefore);
  }, 300_000);
});
