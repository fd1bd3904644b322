/**
 * A delegate's own record (GET /api/congresses/:code/me): their name, number, seat, organisation, status and
 * check-in per session with the time — and only their own, whoever else is in the congress or checked in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MyDelegateView } from '../../src/api/me.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

describeEachDatabase('api: a delegate\'s own record', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let C = '';
  let second = 0;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'cua-toi', 4);
    C = `/api/congresses/${c.code}`;
    const admin = c.clients.admin;
    expect((await admin.patch(`${C}/delegates/${c.delegateIds[0]}`, { seat: 'A-12' })).status).toBe(200);
    expect((await admin.patch(`${C}/delegates/${c.delegateIds[1]}`, { seat: 'B-07' })).status).toBe(200);
    const s2 = await admin.post<{ id: number }>(`${C}/sessions`, { kind: 'official', title: 'Phiên bế mạc' });
    second = s2.body.id;
    // Delegate 1 checked in to the first session only; delegate 2 to both.
    expect((await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: c.cardTokens[0], desk: 'Bàn 1' })).status).toBe(201);
    expect((await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { delegateId: c.delegateIds[1], desk: 'Bàn 2' })).status).toBe(201);
    expect((await admin.post(`${C}/sessions/${second}/checkins`, { delegateId: c.delegateIds[1], desk: 'Bàn 2' })).status).toBe(201);
  });
  afterAll(async () => { await server?.stop(); });

  it('gives the signed-in delegate their own name, number, seat, organisation, status and check-in per session', async () => {
    const r = await c.clients.delegate.get(`${C}/me`);
    expect(r.status).toBe(200);
    const me = MyDelegateView.parse(r.body);
    expect(me).toMatchObject({
      id: c.delegateIds[0], code: '001', fullName: 'Nguyễn Văn Thử A', seat: 'A-12', organisationName: 'Chi bộ Văn phòng', status: 'summoned',
    });
    expect(me.sessions.map((s) => s.sessionId)).toEqual([c.sessionId, second]);
    expect(me.sessions[0]!.checkedInAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d/u);
    expect(me.sessions[1]!.checkedInAt).toBeNull();
  });

  it('shows only the caller: another delegate signed in sees themself, and nothing of anyone else', async () => {
    const other = new Client(server.url);
    expect((await other.post('/api/auth/card', { congress: c.code, token: c.cardTokens[1] })).status).toBeLessThan(300);
    const mine = await c.clients.delegate.get(`${C}/me`);
    const theirs = await other.get(`${C}/me`);
    const a = MyDelegateView.parse(mine.body);
    const b = MyDelegateView.parse(theirs.body);
    expect(b).toMatchObject({ id: c.delegateIds[1], code: '002', fullName: 'Nguyễn Văn Thử B', seat: 'B-07' });
    expect(b.sessions.every((s) => s.checkedInAt !== null)).toBe(true);
    // Delegate 1's answer says nothing about delegate 2 (their name, seat or number appear nowhere), and the reverse.
    expect(JSON.stringify(mine.body)).not.toMatch(/Thử B|B-07|"002"/u);
    expect(JSON.stringify(theirs.body)).not.toMatch(/Thử A|A-12|"001"/u);
    expect(a.id).not.toBe(b.id);
    // There is no parameter to ask for someone else: a query string is ignored, the answer stays the caller's.
    const asked = await c.clients.delegate.get(`${C}/me?delegateId=${c.delegateIds[1]}`);
    expect(asked.status === 200 ? MyDelegateView.parse(asked.body).id : asked.status).not.toBe(c.delegateIds[1]);
  });

  it('refuses staff, the hall screen and strangers (they have the delegate list), and a delegate of another congress', async () => {
    for (const role of ['admin', 'secretariat', 'presidium', 'technician', 'screen', 'counting-board', 'no-role'] as const) {
      expect((await c.clients[role].get(`${C}/me`)).status, role).toBe(403);
    }
    expect((await c.clients.anonymous.get(`${C}/me`)).status).toBe(401);
    const elsewhere = await setupSmallCongress(server, 'noi-khac', 1);
    expect((await elsewhere.clients.delegate.get(`${C}/me`)).status).toBe(403);
    expect(MyDelegateView.parse((await elsewhere.clients.delegate.get(`/api/congresses/${elsewhere.code}/me`)).body).code).toBe('001');
  });

  it('the check-ins list of a session stays closed to a delegate (403): /me is their only view of check-ins', async () => {
    expect((await c.clients.delegate.get(`${C}/sessions/${c.sessionId}/checkins`)).status).toBe(403);
  });
});
