import { expect, it } from 'vitest';
import { loadAttendance } from '../../src/store/attendance.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { insertSmallCongress } from '../support/fixtures.ts';

describeEachDatabase('store: attendance derived from rows', (ctx) => {
  it('derives N_base and present from delegate rows and check-ins of the current session', async () => {
    const c = await insertSmallCongress(ctx.db, 'attendance-1', 6);
    await ctx.db.updateTable('delegates').set({ status: 'absent-whole', status_reason: 'Ốm' })
      .where('id', '=', c.delegateIds[5]!).execute();
    await ctx.db.updateTable('congresses').set({ settings: JSON.stringify({ quorum: { numerator: 2, denominator: 3 } }) })
      .where('id', '=', c.congressId).execute();
    for (const id of c.delegateIds.slice(0, 3)) {
      await ctx.db.insertInto('checkins').values({ congress_id: c.congressId, session_id: c.sessionId, delegate_id: id,
        at: new Date().toISOString(), method: 'qr', desk: null, user_id: null }).execute();
    }
    const a = await loadAttendance(ctx.db, c.congressId);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.value.base).toBe(5);
    expect(a.value.present).toBe(3);
    expect(a.value.status.quorumMet).toBe(false);
    const none = await loadAttendance(ctx.db, c.congressId, null);
    expect(none.ok && none.value.present).toBe(0);
  });

  it('says so when the congress does not exist', async () => {
    const a = await loadAttendance(ctx.db, 987_654);
    expect(!a.ok && a.error.code).toBe('congress.not-found');
  });
});
