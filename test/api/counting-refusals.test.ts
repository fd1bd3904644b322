/**
 * Every refusal of counting through the API, at once and with its reason (Vietnamese first); one effect under
 * retries and concurrent requests; an operator never reads another entry; and the route × role matrix of the
 * counting routes, written out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyBatchView, ReconciliationView } from '../../src/api/counting.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type Caller, type CountingCongress } from './counting-support.ts';

type Err = { error: { code: string; message_vi: string; message_en: string; field?: string } };

describeEachDatabase('api: counting refusals and one effect', (db) => {
  let k: CountingCongress;
  let u: Readonly<Record<string, Caller>>;
  let R: string;
  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-tu-choi');
    u = k.users;
    R = k.R;
  });
  afterAll(async () => { await k.app.close(); });

  const expectError = (r: { status: number; body: unknown; text: string }, status: number, code: string): Err['error'] => {
    expect(r.status, r.text).toBe(status);
    const e = (r.body as Err).error;
    expect(e.code).toBe(code);
    expect(e.message_vi.length).toBeGreaterThan(0);
    expect(e.message_en.length).toBeGreaterThan(0);
    return e;
  };

  it('refuses batches before counting is open, and an impossible opening', async () => {
    expectError(await call(k.app, 'POST', `${R}/batches`, u.head!, { label: 'Tập 1', physicalCount: 2 }), 409, 'counting.not-open');
    expectError(await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 11 }), 422, 'ballots.over-issued');
    expectError(await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 251, collected: 10 }), 422, 'ballots.over-present');
    expect((await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 9 })).status).toBe(200);
    // Opened already: new numbers are recorded (audited), the same numbers change nothing.
    expect((await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 10 })).status).toBe(200);
    expectError(await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 10 }), 409, 'counting.open-state');
    expectError(await call(k.app, 'POST', `${R}/batches`, u.head!, { label: 'Quá nhiều', physicalCount: 11 }), 422, 'batch.over-collected');
    expect((await call(k.app, 'POST', `${R}/batches`, u.head!, { label: 'Tập 1', physicalCount: 2 })).status).toBe(201);
    expectError(await call(k.app, 'POST', `${R}/counting`, u.head!, { issued: 10, collected: 1 }), 422, 'batch.over-collected');
    // Once counted in batches, the round cannot be finished from a hand count's totals.
    const votes = k.candidateIds.map((id) => ({ candidateId: String(id), votes: 0 }));
    expectError(await call(k.app, 'POST', `${R}/hand-count`, u.head!, { collected: 10, invalidByReason: {}, votes, signedBy: 'Trưởng ban' }), 409, 'count.in-batches');
    expectError(await call(k.app, 'GET', `${R}/batches/9`, u.an!), 404, 'not-found');
  });

  it('refuses a missing terminal, a second entry by the same operator or on the same terminal', async () => {
    const B = `${R}/batches/1`;
    expectError(await call(k.app, 'POST', `${B}/entries`, u.an!, {}), 422, 'counting.terminal-required');
    expect((await call(k.app, 'POST', `${B}/entries`, u.an!, {}, 'may-1')).status).toBe(201);
    const again = expectError(await call(k.app, 'POST', `${B}/entries`, u.an!, {}, 'may-3'), 409, 'entry.same-operator');
    expect(again.message_vi).toContain('đã nhập tập');
    expectError(await call(k.app, 'POST', `${B}/entries`, u.binh!, {}, 'may-1'), 409, 'entry.same-terminal');
  });

  it('refuses a row not on the list, garbage, a gap, another terminal; a retried request has one effect', async () => {
    const B = `${R}/batches/1`;
    const row = expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '3 28' }, 'may-1'), 422, 'entry.row-out-of-range');
    expect(row.message_vi).toBe('Không có dòng số 28: danh sách có 27 tên.');
    expect(row.field).toBe('body.text');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '3 a' }, 'may-1'), 422, 'entry.garbage');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '3 3' }, 'may-1'), 422, 'entry.row-twice');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 2, text: '3' }, 'may-1'), 409, 'entry.position-gap');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '3' }, 'may-9'), 409, 'entry.other-terminal');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.binh!, { position: 1, text: '3' }, 'may-2'), 409, 'entry.not-found');

    const first = await call<{ duplicate: boolean; text: string }>(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '31722', requestId: 'an-b1-p1-aaaa' }, 'may-1');
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, text: '3 17 22' });
    const retry = await call<{ duplicate: boolean }>(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '31722', requestId: 'an-b1-p1-aaaa' }, 'may-1');
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);
    const taken = expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text: '5', requestId: 'an-b1-p1-bbbb' }, 'may-1'), 409, 'entry.position-taken');
    expect(taken.message_vi).toContain('đã được ghi');
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 2, text: '5', requestId: 'an-b1-p1-aaaa' }, 'may-1'), 409, 'entry.request-reused');
    const mine = await call<MyBatchView>(k.app, 'GET', B, u.an!);
    expect(mine.body.myEntry).toEqual({ ballots: 1, closed: false });
    expect(mine.body.myLines).toEqual([{ position: 1, text: '3 17 22' }]);
  });

  it('undoes only the ballot named (a retried Backspace takes back one), refuses more than the physical count', async () => {
    const B = `${R}/batches/1`;
    expectError(await call(k.app, 'DELETE', `${B}/ballots/last?position=2`, u.an!), 409, 'entry.undo-position');
    expect((await call(k.app, 'DELETE', `${B}/ballots/last?position=1`, u.an!)).status).toBe(200);
    expectError(await call(k.app, 'DELETE', `${B}/ballots/last?position=1`, u.an!), 409, 'entry.nothing-to-undo');
    for (const [i, text] of ['3 17 22', '0'].entries()) {
      expect((await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: i + 1, text }, 'may-1')).status).toBe(201);
    }
    const over = expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 3, text: '5' }, 'may-1'), 409, 'entry.over-physical');
    expect(over.message_vi).toContain('chỉ có 2 phiếu');
  });

  it('never shows an operator another entry of the same batch', async () => {
    const B = `${R}/batches/1`;
    const before = await call<MyBatchView>(k.app, 'GET', B, u.binh!);
    expect(before.status).toBe(200);
    expect(before.body.myEntry).toBeNull();
    expect(before.body.myLines).toEqual([]);
    expect(before.text).not.toContain('17 22');
    expect((await call(k.app, 'POST', `${B}/entries`, u.binh!, {}, 'may-2')).status).toBe(201);
    // The machine reader's entry: a ballot as data (candidate ids), not typed.
    const read = await call(k.app, 'POST', `${B}/ballots`, u.binh!, { position: 1, ballot: { struck: [String(k.candidateIds[2]), String(k.candidateIds[16])] } }, 'may-2');
    expect(read.status, read.text).toBe(201);
    const mine = await call<MyBatchView>(k.app, 'GET', B, u.binh!);
    expect(mine.body.myLines).toEqual([{ position: 1, text: '3 17' }]);
    const list = await call(k.app, 'GET', `${R}/batches`, u.binh!);
    expect(list.text).not.toContain('17 22');
    for (const url of [`${B}/reconciliation`, `${R}/reconciliation`, `${R}/input-log`, `${R}/input-log?format=csv`, `${R}/input-log/verify`, `${R}/result`]) {
      expectError(await call(k.app, 'GET', url, u.binh!), 403, 'auth.forbidden');
    }
    expectError(await call(k.app, 'GET', `${B}/reconciliation`, u['board-other']!), 403, 'auth.forbidden');
  });

  it('refuses a wrong close, an entry of a fully entered batch, rulings that are not the board\'s or not needed', async () => {
    const B = `${R}/batches/1`;
    expectError(await call(k.app, 'POST', `${B}/close`, u.an!, { ballots: 1 }), 409, 'entry.close-count');
    expect((await call(k.app, 'POST', `${B}/close`, u.an!, { ballots: 2 })).status).toBe(200);
    expectError(await call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 3, text: '5' }, 'may-1'), 409, 'entry.closed');
    expectError(await call(k.app, 'POST', `${B}/close`, u.binh!, {}), 409, 'entry.count-mismatch');
    expectError(await call(k.app, 'GET', `${B}/reconciliation`, u.head!), 409, 'reconcile.not-ready');
    expect((await call(k.app, 'POST', `${B}/ballots`, u.binh!, { position: 2, text: '0' }, 'may-2')).status).toBe(201);
    expect((await call(k.app, 'POST', `${B}/close`, u.binh!, {})).status).toBe(200);
    const third = expectError(await call(k.app, 'POST', `${B}/entries`, u.chi!, {}, 'may-3'), 409, 'batch.entered');
    expect(third.message_vi).toContain('đã nhập xong');

    const rec = await call<ReconciliationView>(k.app, 'GET', `${B}/reconciliation`, u.member!);
    expect(rec.body.disagreements.map((d) => d.position)).toEqual([1]);
    expect(rec.body.disagreements[0]!.difference.rowsShown.map((r) => r.row)).toEqual([22]);
    expect(rec.body.status).toBe('reconciling');
    expectError(await call(k.app, 'POST', `${B}/rulings`, u.an!, { position: 1, text: '3 17 22', reason: 'entry-slip' }), 403, 'auth.forbidden');
    expectError(await call(k.app, 'POST', `${B}/rulings`, u['board-other']!, { position: 1, text: '3 17 22', reason: 'entry-slip' }), 403, 'auth.forbidden');
    expectError(await call(k.app, 'POST', `${B}/rulings`, u.head!, { position: 2, text: '0', reason: 'entry-slip' }), 409, 'ruling.no-disagreement');
    expectError(await call(k.app, 'POST', `${B}/rulings`, u.head!, { position: 1, text: '3 17 22', reason: 'other', note: ' ' }), 422, 'ruling.note-required');
    expectError(await call(k.app, 'POST', `${B}/rulings`, u.head!, { position: 1, text: '3 28', reason: 'partial-strike' }), 422, 'entry.row-out-of-range');
    const ruled = await call<ReconciliationView>(k.app, 'POST', `${B}/rulings`, u.head!, { position: 1, text: '3 17 22', reason: 'partial-strike', note: 'Gạch nửa tên dòng 22' });
    expect(ruled.status, ruled.text).toBe(201);
    expect(ruled.body).toMatchObject({ final: true, status: 'final' });
    expect(ruled.body.disagreements[0]!.ruling).toMatchObject({ reason: 'partial-strike', by: u.head!.name, text: '3 17 22' });
    expectError(await call(k.app, 'POST', `${B}/rulings`, u.head!, { position: 1, text: '3 17', reason: 'entry-slip' }), 409, 'ruling.duplicate');
    expectError(await call(k.app, 'POST', `${B}/discard`, u.head!, { operator: u.binh!.name, note: 'Lệch vị trí' }), 409, 'entry.discard-after-ruling');
    const audited = await db.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'counting.event')
      .where('subject', '=', `round:${k.roundId}`).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(audited.payload)).toMatchObject({ type: 'ruling', batch: 1 });
  });

  it('gives exactly one effect to two terminals sending the same ballot position at once', async () => {
    expect((await call(k.app, 'POST', `${R}/batches`, u.head!, { label: 'Tập 2', physicalCount: 8 })).status).toBe(201);
    const B = `${R}/batches/2`;
    expect((await call(k.app, 'POST', `${B}/entries`, u.an!, {}, 'may-1')).status).toBe(201);
    expect((await call(k.app, 'POST', `${B}/entries`, u.binh!, {}, 'may-2')).status).toBe(201);
    // Different requests for the same position: one is entered, the other is told the position is taken.
    const pair = await Promise.all(['4', '5'].map((text, i) => call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 1, text, requestId: `race-a-${i}-xxxx` }, 'may-1')));
    expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((pair.find((r) => r.status === 409)!.body as Err).error.code).toBe('entry.position-taken');
    // The same request twice (a retry racing the original): one effect, the other says it is a duplicate.
    const twice = await Promise.all([0, 1].map(() => call<{ duplicate: boolean }>(k.app, 'POST', `${B}/ballots`, u.an!, { position: 2, text: '6', requestId: 'race-b-same' }, 'may-1')));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 201]);
    // Two operators of one batch at the same time both get in (the loser of the race is retried, not refused).
    const both = await Promise.all([call(k.app, 'POST', `${B}/ballots`, u.an!, { position: 3, text: '7' }, 'may-1'),
      call(k.app, 'POST', `${B}/ballots`, u.binh!, { position: 1, text: '7' }, 'may-2')]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const mine = await call<MyBatchView>(k.app, 'GET', B, u.an!);
    expect(mine.body.myEntry?.ballots).toBe(3);
    const events = await db.db.selectFrom('counting_events').select('seq').innerJoin('counting_batches', 'counting_batches.id', 'counting_events.batch_id')
      .where('counting_batches.round_id', '=', k.roundId).where('counting_batches.number', '=', 2).orderBy('seq').execute();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // The board discards an entry (before any ruling); the operator's entry is gone, the log keeps it.
    const discarded = await call(k.app, 'POST', `${B}/discard`, u.member!, { operator: u.binh!.name, note: 'Bỏ sót một phiếu, lệch vị trí' });
    expect(discarded.status, discarded.text).toBe(200);
    expect((await call<MyBatchView>(k.app, 'GET', B, u.binh!)).body.myEntry).toBeNull();
    const verify = await call<{ ok: boolean }>(k.app, 'GET', `${R}/input-log/verify`, u.head!);
    expect(verify.body.ok).toBe(true);
  });
});

/** The signed-in callers of the matrix (users of `setupCountingCongress`). */
type Who = 'head' | 'an' | 'admin' | 'presidium' | 'secretariat' | 'screen' | 'board-other' | 'no-role';
const EVERY_CALLER: readonly Who[] = ['head', 'an', 'admin', 'presidium', 'secretariat', 'screen', 'board-other', 'no-role'];

/**
 * Who may call each counting route of round 1 — written by hand from how counting is done, not read from the
 * server's table: the counting board of THIS election ("head") opens and finishes counting, makes the batches,
 * reads the reconciliation and the result and rules on disagreements; an operator ("an", a technician) enters
 * ballots into a batch and reads only the batch lists and progress, never another entry, the reconciliation or the
 * result; the administrator follows progress and verifies the input log but never sees entries or results; the
 * presidium, the secretariat, the hall screen, a board member of another election ("board-other") and a user
 * without a role take no part in counting. Everyone else is refused (403); anonymous callers get 401.
 */
const MAY_CALL: Readonly<Record<string, readonly Who[]>> = {
  'POST /counting': ['head'],
  'GET /counting': ['head', 'an', 'admin'],
  'POST /counting/finish': ['head'],
  'GET /batches': ['head', 'an', 'admin'],
  'POST /batches': ['head'],
  'GET /batches/1': ['head', 'an'],
  'POST /batches/1/entries': ['head', 'an'],
  'POST /batches/1/ballots': ['head', 'an'],
  'DELETE /batches/1/ballots/last': ['head', 'an'],
  'POST /batches/1/close': ['head', 'an'],
  'POST /batches/1/scan': ['head', 'an'],
  'GET /batches/1/reconciliation': ['head'],
  'POST /batches/1/rulings': ['head'],
  'POST /batches/1/discard': ['head'],
  'POST /batches/1/recount': ['head'],
  'GET /reconciliation': ['head'],
  'GET /result': ['head'],
  'GET /input-log': ['head', 'admin'],
  'GET /input-log/verify': ['head', 'admin'],
};

/** Route × role for every counting route: 401 anonymous, 403 to whoever may not call it, never 401/403 to who may. */
describeEachDatabase('api: counting route × role', (db) => {
  let k: CountingCongress;
  beforeAll(async () => { k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-vai-tro'); });
  afterAll(async () => { await k.app.close(); });

  describe.each(Object.entries(MAY_CALL))('%s', (route, allowed) => {
    it(`answers ${allowed.join(', ')} and refuses everyone else`, async () => {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'DELETE', string];
      const url = `/api/congresses/${k.code}/elections/${k.electionId}/rounds/1${path}`;
      const body = method === 'GET' ? undefined : {};
      expect((await call(k.app, method, url, null, body)).status).toBe(401);
      for (const who of EVERY_CALLER) {
        const r = await call(k.app, method, url, k.users[who]!, body);
        if (allowed.includes(who)) expect([401, 403], `${who} ${route}: ${r.text}`).not.toContain(r.status);
        else expect(r.status, `${who} ${route}`).toBe(403);
      }
    });
  });
});
