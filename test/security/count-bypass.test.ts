/**
 * A result comes only from the counting board (issue found by an attack from the hall network: a technician posted
 * 249 invented ballots to a round without batches, the chair published). Now there is no endpoint that takes a pile
 * of ballots; the hand count's totals are the board's alone, signed by its head; the minutes say how it was counted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../../src/documents/testing/extract.ts';
import type { Client, ErrorReply } from '../api/support/client.ts';
import { roundToCounting, setupSmallCongress, type SmallCongress } from '../api/support/congress.ts';
import { countersFor } from '../api/support/count-in-batches.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('security: nobody but the counting board produces a result', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let E = '';
  let board: Client;
  const votes: { candidateId: string; votes: number }[] = [];
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'khong-vuot-ban-kiem-phieu');
    const admin = c.clients.admin;
    E = `/api/congresses/${c.code}/elections/${c.electionId}`;
    for (const id of c.delegateIds.slice(0, 11)) await admin.post(`/api/congresses/${c.code}/sessions/${c.sessionId}/checkins`, { delegateId: id });
    for (const d of c.delegateIds.slice(0, 4)) {
      const cand = await admin.post<{ id: number }>(`${E}/rounds/1/candidates`, { delegateId: d, source: 'committee-list' });
      votes.push({ candidateId: String(cand.body.id), votes: 9 });
    }
    await roundToCounting(c.clients['server-admin'], `/api/congresses/${c.code}`, E, c.delegateIds[11]!, 'Ban Kiểm phiếu');
    board = (await countersFor(c.clients['server-admin'], c.code, c.electionId)).board;
  });
  afterAll(async () => { await server?.stop(); });

  const totals = (signedBy: string) => ({ collected: 11, invalidByReason: { 'not-issued': 1 }, votes: votes.map((v, i) => ({ ...v, votes: i === 3 ? 3 : 9 })), signedBy });

  it('has no endpoint that counts a pile of ballots', async () => {
    const pile = await c.clients.technician.post(`${E}/rounds/1/count`, { ballots: Array.from({ length: 11 }, () => ({ struck: [] })) });
    expect(pile.status).toBe(404);
  });

  it('refuses the hand count to the technician, the administrators, the presidium and another election\'s board', async () => {
    for (const who of ['technician', 'admin', 'server-admin', 'presidium', 'secretariat', 'counting-board-other'] as const) {
      const r = await c.clients[who].post(`${E}/rounds/1/hand-count`, totals('Nguyễn Văn Thử L'));
      expect(r.status, who).toBe(403);
    }
  });

  it('takes the board\'s totals only when signed by its head, and the minutes say the round was counted by hand', async () => {
    const wrong = await board.post<ErrorReply>(`${E}/rounds/1/hand-count`, totals('Nguyễn Văn Thử A'));
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'count.not-head']);
    const done = await board.post<{ type: string; count: { elected: string[] } }>(`${E}/rounds/1/hand-count`, totals('Nguyễn Văn Thử L'));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.count.elected).toHaveLength(3);
    const again = await board.post<ErrorReply>(`${E}/rounds/1/hand-count`, totals('Nguyễn Văn Thử L'));
    expect(again.status).toBe(409);
    const view = await c.clients.admin.get<{ rounds: { countedBy: string | null; status: string }[] }>(E);
    expect(view.body.rounds[0]).toMatchObject({ countedBy: 'hand', status: 'counted' });
    const minutes = await c.clients.admin.get<Buffer>(`/api/congresses/${c.code}/printouts/elections/${c.electionId}/rounds/1/minutes`);
    expect(minutes.status).toBe(200);
    const text = (pdfText(minutes.body)).replace(/\s+/gu, ' ');
    expect(text).toContain('kiểm phiếu bằng tay');
    expect(text).toContain('Nguyễn Văn Thử L');
  });
});
