/**
 * The congress setting `independentEntries: 3` through the API: each batch needs three entries by three operators
 * at three terminals; a board member who also enters cannot read the other entries through the log while the
 * batch is being entered; and no counting table can link a ballot to a delegate.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchView, InputLogView, ReconciliationView, RoundResultView } from '../../src/api/counting.ts';
import { TABLES } from '../../src/store/tables.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

describeEachDatabase('api: counting with three independent entries', (db) => {
  let k: CountingCongress;
  beforeAll(async () => { k = await setupCountingCongress(db.db, db.dialect, 'kiem-phieu-ba-lan', { independentEntries: 3 }); });
  afterAll(async () => { await k.app.close(); });

  it('needs three entries, reconciles three side by side, and counts', async () => {
    const { app, R, users } = k;
    expect((await call(app, 'POST', `${R}/counting`, users.head!, { issued: 3, collected: 3 })).status).toBe(200);
    const b = await call<BatchView>(app, 'POST', `${R}/batches`, users.head!, { label: 'Hòm phiếu số 1', physicalCount: 3 });
    expect(b.body).toMatchObject({ entriesRequired: 3, status: 'entering', entriesOpened: 0 });
    const B = `${R}/batches/1`;
    const typed: Record<string, readonly string[]> = { an: ['31722', '4 5 6', '0'], binh: ['31722', '456', '0'], head: ['3 17 22', '4 5 7', '0'] };
    const terminals: Record<string, string> = { an: 'may-1', binh: 'may-2', head: 'may-bkp' };
    for (const who of ['an', 'binh', 'head']) expect((await call(app, 'POST', `${B}/entries`, users[who]!, {}, terminals[who])).status).toBe(201);
    expect((await call(app, 'POST', `${B}/entries`, users.chi!, {}, 'may-3')).status).toBe(409);
    for (const who of ['an', 'binh', 'head']) {
      for (const [i, text] of typed[who]!.entries()) {
        expect((await call(app, 'POST', `${B}/ballots`, users[who]!, { position: i + 1, text }, terminals[who])).status).toBe(201);
      }
    }
    // Nobody reads an entry of a batch through the log while any entry of it is open: not the board member entering
    // it, not another board member, not the congress's administrator.
    const entered = async (who: string): Promise<number> => {
      const log = await call<InputLogView>(app, 'GET', `${R}/input-log`, users[who]!);
      expect(log.status).toBe(200);
      return log.body.events.filter((e) => e.type === 'ballot-entered').length;
    };
    for (const who of ['head', 'member', 'admin']) expect(await entered(who), who).toBe(0);
    for (const who of ['an', 'binh', 'head']) expect((await call(app, 'POST', `${B}/close`, users[who]!, {})).status).toBe(200);
    expect(await entered('head')).toBe(9);
    const rec = await call<ReconciliationView>(app, 'GET', `${B}/reconciliation`, users.member!);
    expect(rec.body.disagreements).toHaveLength(1);
    expect(rec.body.disagreements[0]!.entries.map((e) => e.text)).toEqual(['4 5 6', '4 5 6', '4 5 7']);
    expect(rec.body.totalsAgree).toBe(false);
    expect((await call(app, 'POST', `${B}/rulings`, users.member!, { position: 2, text: '4 5 6', reason: 'entry-slip' })).status).toBe(201);
    const done = await call<RoundResultView>(app, 'POST', `${R}/counting/finish`, users.head!);
    expect(done.status, done.text).toBe(200);
    expect(done.body.ballotsCounted).toBe(3);
    // 3 ballots against N_base 250: nobody has more than half, the congress decides on a new round.
    expect(done.body.complete).toBe(true);
    expect(done.body.next.type).toBe('congress-decides');
  });

  it('stores nothing that could link a ballot to a delegate', () => {
    for (const table of ['counting_batches', 'counting_events'] as const) {
      expect(TABLES[table].filter((c) => c.includes('delegate'))).toEqual([]);
    }
  });
});
