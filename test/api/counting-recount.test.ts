/**
 * A batch counted again by hand: the board opened "Hòm phiếu số 2" with 6 ballots by a slip (it holds 4). The board
 * corrects the count with a reason; the operators' entries then close at 4; the old count and the reason stay in the
 * input log, which still replays and matches the audit log. Refused: no reason, the same count, a count below what an
 * open entry already holds, an entry already closed against the old count (discard it first), a total above the
 * ballots collected, a batch already scanned; and anyone but the board.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchView, InputLogVerification } from '../../src/api/counting.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

type Err = { error: { code: string; message_vi: string } };

describeEachDatabase('api: a batch counted again by hand', (db) => {
  let k: CountingCongress;
  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'dem-lai-tap');
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 10, collected: 10 })).status).toBe(200);
  });
  afterAll(async () => { await k.app.close(); });

  const refused = async (body: unknown, status: number, code: string, who = k.users['head']!): Promise<string> => {
    const r = await call<Err>(k.app, 'POST', `${k.R}/batches/1/recount`, who, body);
    expect(r.status, r.text).toBe(status);
    expect(r.body.error.code).toBe(code);
    return r.body.error.message_vi;
  };

  it('corrects the count with a reason; entries close at the new count; the log keeps the old one', async () => {
    const { R, users: u } = k;
    expect((await call(k.app, 'POST', `${R}/batches`, u['head']!, { label: 'Hòm phiếu số 2', physicalCount: 6 })).status).toBe(201);
    const B = `${R}/batches/1`;
    expect((await call(k.app, 'POST', `${B}/entries`, u['an']!, {}, 'may-1')).status).toBe(201);
    for (const [i, text] of ['1', '2 3', '4', '5'].entries()) {
      expect((await call(k.app, 'POST', `${B}/ballots`, u['an']!, { position: i + 1, text }, 'may-1')).status).toBe(201);
    }
    // Refusals first: nothing changes.
    await refused({ physicalCount: 4, note: '   ' }, 400, 'validation');
    await refused({ physicalCount: 6, note: 'Đếm lại' }, 422, 'batch.recount-same');
    expect(await refused({ physicalCount: 3, note: 'Đếm lại' }, 409, 'batch.recount-below-entry')).toContain('(4 phiếu) đã nhiều hơn 3 phiếu');
    await refused({ physicalCount: 11, note: 'Đếm lại' }, 422, 'batch.over-collected');
    expect((await call(k.app, 'POST', `${B}/recount`, u['an']!, { physicalCount: 4, note: 'Đếm lại' })).status).toBe(403);

    const recounted = await call<BatchView>(k.app, 'POST', `${B}/recount`, u['head']!, { physicalCount: 4, note: 'Đếm lại bằng tay: hòm có 4 phiếu, gõ nhầm 6 khi mở tập' });
    expect(recounted.status, recounted.text).toBe(200);
    expect(recounted.body.physicalCount).toBe(4);
    expect((await call(k.app, 'POST', `${B}/close`, u['an']!, { ballots: 4 }, 'may-1')).status).toBe(200);
    // Closed against 4: a second correction must wait until that entry is discarded.
    expect(await refused({ physicalCount: 5, note: 'Đếm lại lần nữa' }, 409, 'batch.recount-closed')).toContain('hủy các lần nhập đó');

    const log = await call<{ lines: Array<{ action_vi: string; detail: string }> }>(k.app, 'GET', `${R}/input-log`, u['head']!);
    expect(log.body.lines.find((l) => l.action_vi === 'Đếm lại tập phiếu bằng tay')?.detail).toBe('6 → 4 phiếu: Đếm lại bằng tay: hòm có 4 phiếu, gõ nhầm 6 khi mở tập');
    const verify = await call<InputLogVerification>(k.app, 'GET', `${R}/input-log/verify`, u['head']!);
    expect(verify.body).toMatchObject({ ok: true, replay: { ok: true }, audit: { missing: [], altered: [], orphaned: [] }, chain: { ok: true } });
    const batches = await call<BatchView[]>(k.app, 'GET', `${R}/batches`, u['head']!);
    expect(batches.body.map((b) => b.physicalCount)).toEqual([4]);
  });

  it('refuses a batch already scanned: that scan is discarded first', async () => {
    const { R, users: u } = k;
    expect((await call(k.app, 'POST', `${R}/batches`, u['head']!, { label: 'Hòm phiếu số 3', physicalCount: 2 })).status).toBe(201);
    const batch = await db.db.selectFrom('counting_batches').select(['id', 'round_id']).where('round_id', '=', k.roundId).where('number', '=', 2).executeTakeFirstOrThrow();
    await db.db.insertInto('scan_jobs').values({
      congress_id: k.congressId, round_id: batch.round_id, batch_id: batch.id, terminal: 'scanner', status: 'review',
      created_by: null, created_at: new Date().toISOString(), files: 2, error: null, lease_until: null,
    }).execute();
    const r = await call<Err>(k.app, 'POST', `${R}/batches/2/recount`, u['head']!, { physicalCount: 3, note: 'Đếm lại' });
    expect(r.status, r.text).toBe(409);
    expect(r.body.error.code).toBe('batch.recount-scanned');
  });
});
