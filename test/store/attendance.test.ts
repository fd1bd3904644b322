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
  });

  it('keeps those present when another session is in progress, unless it requires a fresh check-in; voided and left check-ins do not count', async () => {
    const c = await insertSmallCongress(ctx.db, 'attendance-2', 6);
    const day2 = await ctx.db.insertInto('congress_sessions').values({ congress_id: c.congressId, kind: 'official', title: 'Ngày 2', position: 9, starts_at: null })
      .returning('id').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    for (const [i, extra] of [[0, {}], [1, {}], [2, {}], [3, { voided_at: at, void_reason: 'Nhầm' }], [4, { left_at: at }]] as const) {
      await ctx.db.insertInto('checkins').values({ congress_id: c.congressId, session_id: c.sessionId, delegate_id: c.delegateIds[i]!,
        at, method: 'search', desk: 'Bàn 1', user_id: null, ...extra }).execute();
    }
    const onDay2 = await loadAttendance(ctx.db, c.congressId, day2.id);
    expect(onDay2.ok && [onDay2.value.base, onDay2.value.present, onDay2.value.freshCheckin]).toEqual([6, 3, false]);
    await ctx.db.updateTable('congress_sessions').set({ fresh_checkin: 1 }).where('id', '=', day2.id).execute();
    const fresh = await loadAttendance(ctx.db, c.congressId, day2.id);
    expect(fresh.ok && [fresh.value.base, fresh.value.present, fresh.value.presentInCongress, fresh.value.freshCheckin]).toEqual([6, 0, 3, true]);
  });

  it('says so when the congress does not exist', async () => {
    const a = await loadAttendance(ctx.db, 987_654);
    expect(!a.ok && a.error.code).toBe('congress.not-found');
  });
});
