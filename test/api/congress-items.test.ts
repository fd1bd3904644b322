/**
 * The rest of a congress through the API: the same card at two desks, nominees and the opinion poll, a
 * withdrawal decided by show of hands, the counting board refused for a candidate, a tie that opens a new round,
 * speakers, documents by visibility, resolution targets, settings, the delegate export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client, ErrorReply } from './support/client.ts';
import { roundToCounting, setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { countersFor, countByBoard } from './support/count-in-batches.ts';
import { startServer, type RunningServer } from './support/server.ts';

describeEachDatabase('api: congress items', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let admin: Client;
  let C = '';
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'hang-muc', 12);
    admin = c.clients.admin;
    C = `/api/congresses/${c.code}`;
  });
  afterAll(async () => { await server?.stop(); });

  it('checks the same card in at two desks at once: one check-in, the other told when', async () => {
    const token = c.cardTokens[4]!;
    const second = c.clients.technician;
    const [a, b] = await Promise.all([
      admin.post(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: token, desk: 'Bàn A' }),
      second.post(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: token, desk: 'Bàn B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = (a.status === 409 ? a : b).body as ErrorReply;
    expect(loser.error.message_vi).toMatch(/đã điểm danh lúc \d\d:\d\d tại Bàn [AB]/u);
    const list = await admin.get<unknown[]>(`${C}/sessions/${c.sessionId}/checkins`);
    expect(list.body).toHaveLength(1);
  });

  it('admits nominees by the opinion poll, decides a withdrawal, refuses a candidate on the counting board', async () => {
    for (const id of c.delegateIds.slice(0, 11)) await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { delegateId: id });
    const E = `${C}/elections/${c.electionId}`;
    const add = (delegateId: number, source: string) => admin.post<{ id: number; status: string }>(`${E}/rounds/1/candidates`, { delegateId, source });
    const listed = [];
    for (const id of c.delegateIds.slice(0, 3)) listed.push((await add(id, 'committee-list')).body.id);
    const n1 = (await add(c.delegateIds[3]!, 'nominated')).body.id;
    const n2 = (await add(c.delegateIds[4]!, 'self-nominated')).body.id;
    const early = await admin.post<ErrorReply>(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 10, disagree: 0, other: 0 });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('list.poll-pending');
    // present 11: more than 30% means at least 4 agree.
    const poll = await admin.post<{ admitted: string[] }>(`${E}/rounds/1/poll`, { present: 11, results: [{ candidateId: n1, agree: 4 }, { candidateId: n2, agree: 3 }] });
    expect(poll.status).toBe(200);
    expect(poll.body.admitted).toEqual([String(n1)]);
    const view = await admin.get<{ rounds: { candidates: { id: number; status: string }[] }[] }>(E);
    expect(view.body.rounds[0]!.candidates.find((x) => x.id === n2)!.status).toBe('not-admitted');
    // Withdrawal of a committee-list name, refused by the congress (5 of base 12 agree).
    expect((await admin.post(`${E}/rounds/1/candidates/${listed[0]}/withdrawal`)).status).toBe(200);
    const refused = await admin.post<{ status: string; vote: { passed: boolean } }>(`${E}/rounds/1/candidates/${listed[0]}/withdrawal-decision`, { agree: 5, disagree: 6, other: 0 });
    expect(refused.body).toMatchObject({ status: 'listed', vote: { passed: false } });
    // A counting board with a candidate on it is refused.
    const board = await admin.post<{ id: number }>(`${C}/bodies`, { kind: 'counting-board', title: 'Ban Kiểm phiếu', members: [
      { delegateId: c.delegateIds[0], role: 'head' }, { delegateId: c.delegateIds[10], role: 'member' }] });
    await admin.post(`${C}/bodies/${board.body.id}/approval`, { agree: 11, disagree: 0, other: 0 });
    const clash = await admin.put<ErrorReply>(`${E}/counting-board`, { bodyId: board.body.id });
    expect(clash.status).toBe(422);
    expect(clash.body.error.code).toBe('counting-board.candidate');
    expect(clash.body.error.message_vi).toContain('Nguyễn Văn Thử A');
  });

  it('opens a new round among the tied after a published tie', async () => {
    const e = await admin.post<{ id: number }>(`${C}/elections`, { kind: 'standing-committee', title: 'Bầu Ban Thường vụ (thử)', seats: 3 });
    const E = `${C}/elections/${e.body.id}`;
    const ids: number[] = [];
    for (const d of c.delegateIds.slice(5, 9)) ids.push((await admin.post<{ id: number }>(`${E}/rounds/1/candidates`, { delegateId: d, source: 'committee-list' })).body.id);
    await roundToCounting(admin, C, E, c.delegateIds[11]!, 'Ban Kiểm phiếu 2');
    const [a, b, x, y] = ids.map(String) as [string, string, string, string];
    // 11 ballots: a and b kept by 9, x and y by 7 each (base 12: 7 passes) — a tie for the last seat.
    const ballots = [[a, y], [a], [b], [b], [x], [x], [x], [x], [y], [y], [y]].map((struck) => ({ struck }));
    const who = await countersFor(c.clients['server-admin'], c.code, e.body.id);
    const votes = [a, b, x, y].map((id) => ({ candidateId: id, votes: 0 }));
    const wrong = await who.board.post<ErrorReply>(`${E}/rounds/1/hand-count`, { collected: 10, invalidByReason: {}, votes, signedBy: 'Nguyễn Văn Thử L' });
    expect(wrong.body.error.code).toBe('count.collected-mismatch');
    const reply = await countByBoard<{ count: { count: { outcome: string; elected: string[]; tie: { seats: number; candidates: string[] } } } }>(who, `${E}/rounds/1`, ballots);
    expect(reply.status).toBe(200);
    const counted = reply.body.count;
    expect(counted.count.outcome, JSON.stringify(counted)).toBe("tie");
    expect(counted.count.elected).toEqual([a, b]);
    expect(counted.count.tie).toEqual({ seats: 1, candidates: [x, y] });
    const tooEarly = await admin.post<ErrorReply>(`${E}/rounds`, { seats: 1, candidates: 'tied' });
    expect(tooEarly.status).toBe(409);
    await admin.post(`${E}/rounds/1/transition`, { to: 'published' });
    const next = await admin.post<{ rounds: { number: number; seats: number; status: string; candidates: { fullName: string }[] }[] }>(`${E}/rounds`, { seats: 1, candidates: 'tied' });
    expect(next.status).toBe(201);
    expect(next.body.rounds[1]).toMatchObject({ number: 2, seats: 1, status: 'draft' });
    expect(next.body.rounds[1]!.candidates).toHaveLength(2);
  });

  it('keeps speakers in order with the current speaker', async () => {
    const s1 = await admin.post<{ id: number; position: number }>(`${C}/speakers`, { delegateId: c.delegateIds[1], speakerName: 'Nguyễn Văn Thử B', title: 'Chuyển đổi số' });
    const self = await c.clients.delegate.post<{ delegateId: number }>(`${C}/speakers`, { delegateId: null, speakerName: 'Tôi', title: 'Công tác cán bộ' });
    expect(self.status).toBe(201);
    expect(self.body.delegateId).toBe(c.delegateIds[0]);
    const other = await c.clients.delegate.post(`${C}/speakers`, { delegateId: c.delegateIds[5], speakerName: 'Người khác', title: 'X' });
    expect(other.status).toBe(403);
    await admin.put(`${C}/current-speaker`, { speakerId: s1.body.id });
    const list = await c.clients.screen.get<{ id: number; status: string; position: number }[]>(`${C}/speakers`);
    expect(list.body.map((s) => s.status)).toEqual(['speaking', 'registered']);
  });

  it('serves documents by visibility: public to anyone, delegates to delegates, staff to staff', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    for (const v of ['public', 'delegates', 'staff']) {
      const r = await admin.upload(`${C}/documents`, `tai-lieu-${v}.pdf`, pdf, 'application/pdf', { title: `Tài liệu ${v}`, visibility: v });
      expect(r.status).toBe(201);
    }
    const seen = async (client: Client): Promise<string[]> => (await client.get<{ visibility: string }[]>(`${C}/documents`)).body.map((d) => d.visibility);
    expect(await seen(c.clients.anonymous)).toEqual(['public']);
    expect(await seen(c.clients.delegate)).toEqual(['public', 'delegates']);
    expect(await seen(admin)).toEqual(['public', 'delegates', 'staff']);
    const docs = await admin.get<{ id: number; visibility: string }[]>(`${C}/documents`);
    const staffDoc = docs.body.find((d) => d.visibility === 'staff')!;
    expect((await c.clients.anonymous.get(`${C}/documents/${staffDoc.id}`)).status).toBe(404);
    const file = await admin.get<Buffer>(`${C}/documents/${staffDoc.id}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('stores the resolution targets and says "8/8 … 5 vượt"', async () => {
    const targets = Array.from({ length: 8 }, (_, i) => ({ name: `Chỉ tiêu ${i + 1}`, target: '≥ 90%', result: '95%', assessment: i < 5 ? 'exceeded' : 'met' }));
    const r = await admin.put<{ summary: { text_vi: string; exceeded: number } }>(`${C}/targets`, { targets });
    expect(r.body.summary).toMatchObject({ exceeded: 5, text_vi: '8/8 chỉ tiêu đạt và vượt, trong đó 5 chỉ tiêu vượt' });
  });

  it('changes an [open] setting and exports the delegate list to .xlsx', async () => {
    const s = await admin.patch<{ settings: { quorum: unknown; count: { writeInInvalid: boolean; unstampedIsNotIssued: boolean } } }>(`${C}/settings`,
      { quorum: { numerator: 2, denominator: 3 }, count: { writeInInvalid: false } });
    expect(s.body.settings).toMatchObject({ quorum: { numerator: 2, denominator: 3 }, count: { writeInInvalid: false, unstampedIsNotIssued: true } });
    const bad = await admin.patch<ErrorReply>(`${C}/settings`, { surplusRounding: 'ceil' });
    expect(bad.status).toBe(400);
    const x = await admin.get<Buffer>(`${C}/delegates-export.xlsx`);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(wb.worksheets[0]!.rowCount).toBe(13);
  });
});
