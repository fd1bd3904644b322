/**
 * A ballot without the convening committee's stamp is entered as such ("/d" on the keyboard, `unstamped` from the
 * reader), and the election's own setting decides whether it counts as not issued (docs/rules.md §5 [open]): the
 * same two ballots make one invalid ballot under the default, none when the election's setting is off.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RoundResultView } from '../../src/api/counting.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

describeEachDatabase('api: an unstamped ballot and the election\'s setting', (db) => {
  let on: CountingCongress;
  let off: CountingCongress;
  beforeAll(async () => {
    on = await setupCountingCongress(db.db, db.dialect, 'khong-dau-mac-dinh');
    off = await setupCountingCongress(db.db, db.dialect, 'khong-dau-tat');
    await db.db.updateTable('elections').set({ settings: JSON.stringify({
      alternatesFromSameBallot: true, writeInInvalid: true, identifyingMarkInvalid: true, singleCandidateBothOrNoneInvalid: true, unstampedIsNotIssued: false,
    }) }).where('id', '=', off.electionId).execute();
  });
  afterAll(async () => { await on?.app.close(); await off?.app.close(); });

  const count = async (k: CountingCongress): Promise<RoundResultView> => {
    const u = k.users;
    expect((await call(k.app, 'POST', `${k.R}/counting`, u.head!, { issued: 2, collected: 2 })).status).toBe(200);
    expect((await call(k.app, 'POST', `${k.R}/batches`, u.head!, { label: 'Hòm 1', physicalCount: 2 })).status).toBe(201);
    const B = `${k.R}/batches/1`;
    for (const [who, terminal] of [['an', 'may-1'], ['binh', 'may-2']] as const) {
      expect((await call(k.app, 'POST', `${B}/entries`, u[who]!, {}, terminal)).status).toBe(201);
      expect((await call(k.app, 'POST', `${B}/ballots`, u[who]!, { position: 1, text: '1 2 3 /d' }, terminal)).status).toBe(201);
      expect((await call(k.app, 'POST', `${B}/ballots`, u[who]!, { position: 2, text: '1 2 3' }, terminal)).status).toBe(201);
      expect((await call(k.app, 'POST', `${B}/close`, u[who]!, {}, terminal)).status).toBe(200);
    }
    const done = await call<RoundResultView>(k.app, 'POST', `${k.R}/counting/finish`, u.head!);
    expect(done.status, done.text).toBe(200);
    return done.body;
  };

  it('counts it as not issued under the default setting', async () => {
    const r = await count(on);
    expect(r.count.count.ballots).toMatchObject({ total: 2, valid: 1, invalid: 1, invalidByReason: { 'not-issued': 1 } });
  });

  it('counts it as valid when the election\'s setting says an unstamped ballot is issued', async () => {
    const r = await count(off);
    expect(r.count.count.ballots).toMatchObject({ total: 2, valid: 2, invalid: 0 });
  });
});
