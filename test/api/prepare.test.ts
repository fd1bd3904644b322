/**
 * A secretariat preparing its own congress through the API the screens use: a congress created as a copy of an
 * earlier one (structure only: no people, no votes), organisations deactivated and not deleted, sessions and agenda
 * items renamed, dated and deleted while empty, an election's seats and count settings changed until its list is
 * approved and frozen after, a copied body given its members until approved. Each write: validation, permission,
 * audit, and no partial effect on a refusal.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docxText, pdfText } from '../../src/documents/testing/extract.ts';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client, ErrorReply } from './support/client.ts';
import { congressBody, setupSmallCongress, signedInAdmin, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Org { readonly id: number; readonly name: string; readonly role: string; readonly active: boolean; readonly partyMembers: number | null }
interface Item { readonly id: number; readonly title: string; readonly kind: string; readonly status: string }
interface SessionRead { readonly id: number; readonly title: string; readonly kind: string; readonly startsAt: string | null; readonly items: readonly Item[] }
interface BodyRead { readonly id: number; readonly kind: string; readonly title: string; readonly approvedVoteId: number | null; readonly members: readonly { delegateId: number; role: string }[] }
interface ElectionRead { readonly id: number; readonly title: string; readonly seats: number; readonly settings: Record<string, boolean>; readonly rounds: readonly { seats: number; status: string }[] }

describeEachDatabase('api: preparing a congress', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let root: Client;
  let office: Client;
  let C = '';

  const audits = async (action: string): Promise<Array<{ subject: string | null; payload: string }>> =>
    db.db.selectFrom('audit_log').select(['subject', 'payload']).where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'chuan-bi', 6);
    root = await signedInAdmin(server);
    office = c.clients.secretariat;
    C = `/api/congresses/${c.code}`;
  });
  afterAll(async () => { await server?.stop(); });

  it('organisations: edited, deactivated (kept, no new delegate), taken back; the host stays active; audited', async () => {
    const made = await office.post<Org>(`${C}/organisations`, { name: 'Chi bộ Tài chính', partyMembers: 15 });
    expect(made.status).toBe(201);
    expect(made.body.active).toBe(true);
    const id = made.body.id;
    expect((await office.patch<Org>(`${C}/organisations/${id}`, { name: 'Chi bộ Kế hoạch - Tài chính' })).body.name).toBe('Chi bộ Kế hoạch - Tài chính');
    const off = await office.patch<Org>(`${C}/organisations/${id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const list = await office.get<Org[]>(`${C}/organisations`);
    expect(list.body.find((o) => o.id === id)?.active).toBe(false);
    const refused = await office.post<ErrorReply>(`${C}/delegates`, { code: 'X01', fullName: 'Lò Văn Thử', gender: 'male', category: 'elected', organisationId: id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message_vi).toMatch(/ngừng hoạt động/u);
    expect((await office.patch<Org>(`${C}/organisations/${id}`, { active: true })).body.active).toBe(true);
    const host = list.body.find((o) => o.role === 'host')!;
    const hostOff = await office.patch<ErrorReply>(`${C}/organisations/${host.id}`, { active: false });
    expect(hostOff.status).toBe(422);
    expect((await office.get<Org[]>(`${C}/organisations`)).body.find((o) => o.id === host.id)?.active).toBe(true);
    expect((await office.patch<ErrorReply>(`${C}/organisations/${id}`, {})).status).toBe(400);
    expect((await office.patch<ErrorReply>(`${C}/organisations/${id}`, { name: '' })).status).toBe(400);
    expect((await c.clients.presidium.patch(`${C}/organisations/${id}`, { active: false })).status).toBe(403);
    expect((await audits('organisation.deactivate')).map((a) => a.subject)).toEqual([`organisation:${id}`]);
    expect((await audits('organisation.reactivate')).map((a) => a.subject)).toEqual([`organisation:${id}`]);
    expect((await audits('organisation.deactivate')).length).toBe(1);
  });

  it('sessions and agenda items: renamed, dated, an empty item deleted, a used one refused; audited', async () => {
    const s = await office.post<SessionRead>(`${C}/sessions`, { kind: 'preparatory', title: 'Phiên trù bị' });
    const item = await office.post<Item>(`${C}/sessions/${s.body.id}/items`, { title: 'Bầu Đoàn Chủ tịch', kind: 'vote' });
    const spare = await office.post<Item>(`${C}/sessions/${s.body.id}/items`, { title: 'Mục thừa', kind: 'other' });
    const renamed = await office.patch<SessionRead>(`${C}/sessions/${s.body.id}`, { title: 'Phiên trù bị (sáng)', startsAt: '2025-07-15T07:30:00.000Z' });
    expect(renamed.status).toBe(200);
    expect([renamed.body.title, renamed.body.startsAt]).toEqual(['Phiên trù bị (sáng)', '2025-07-15T07:30:00.000Z']);
    expect((await office.patch<SessionRead>(`${C}/sessions/${s.body.id}`, { startsAt: 'sáng mai' })).status).toBe(400);
    const retitled = await office.patch<Item>(`${C}/agenda-items/${item.body.id}`, { title: 'Biểu quyết Đoàn Chủ tịch' });
    expect(retitled.body.title).toBe('Biểu quyết Đoàn Chủ tịch');
    // A session with items is not deleted; an item made current is not deleted.
    expect((await office.del<ErrorReply>(`${C}/sessions/${s.body.id}`)).status).toBe(409);
    expect((await c.clients.presidium.put(`${C}/current-item`, { agendaItemId: item.body.id })).status).toBe(200);
    const used = await office.del<ErrorReply>(`${C}/agenda-items/${item.body.id}`);
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('agenda.not-empty');
    expect((await c.clients.presidium.del(`${C}/agenda-items/${spare.body.id}`)).status).toBe(403);
    expect((await office.del(`${C}/agenda-items/${spare.body.id}`)).status).toBe(200);
    const after = (await office.get<SessionRead[]>(`${C}/sessions`)).body.find((x) => x.id === s.body.id)!;
    expect(after.items.map((i) => i.title)).toEqual(['Biểu quyết Đoàn Chủ tịch']);
    expect((await audits('agenda.delete')).map((a) => JSON.parse(a.payload).title)).toEqual(['Mục thừa']);
    expect((await audits('session.update')).length).toBe(1);
    const empty = await office.post<SessionRead>(`${C}/sessions`, { kind: 'official', title: 'Phiên thừa' });
    expect((await office.del(`${C}/sessions/${empty.body.id}`)).status).toBe(200);
    expect((await office.get<SessionRead[]>(`${C}/sessions`)).body.some((x) => x.id === empty.body.id)).toBe(false);
  });

  it('an election: seats and count settings changed until its list is approved, then frozen; a lawless change refused whole', async () => {
    const E = `${C}/elections/${c.otherElectionId}`;
    const changed = await office.patch<ElectionRead>(E, { seats: 5, settings: { writeInInvalid: false } });
    expect(changed.status).toBe(200);
    expect(changed.body.seats).toBe(5);
    expect(changed.body.rounds[0]!.seats).toBe(5);
    expect(changed.body.settings['writeInInvalid']).toBe(false);
    expect(changed.body.settings['identifyingMarkInvalid']).toBe(true);
    // Alternate seats belong to a delegation only: refused, nothing of the change applied.
    const sec = await office.post<ElectionRead>(`${C}/elections`, { kind: 'secretary', title: 'Bầu Bí thư', seats: 1 });
    const bad = await office.patch<ErrorReply>(`${C}/elections/${sec.body.id}`, { title: 'Bầu đồng chí Bí thư', alternateSeats: 2 });
    expect(bad.status).toBe(422);
    expect((await office.get<ElectionRead>(`${C}/elections/${sec.body.id}`)).body.title).toBe('Bầu Bí thư');
    expect((await office.patch<ErrorReply>(E, { settings: { nothing: true } })).status).toBe(400);
    expect((await c.clients.presidium.patch(E, { seats: 4 })).status).toBe(403);
    // Approve the list of the other election: 5 seats need 5–6 names; the show of hands by everyone present.
    // Check-ins go to the session of the current item (the preparatory one of the test before).
    const sitting = (await office.get<{ sessionId: number }>(`${C}/attendance`)).body.sessionId;
    for (const id of c.delegateIds) await office.post(`${C}/sessions/${sitting}/checkins`, { delegateId: id });
    for (const id of c.delegateIds.slice(0, 5)) expect((await office.post(`${E}/rounds/1/candidates`, { delegateId: id, source: 'committee-list' })).status).toBe(201);
    const approved = await office.post(`${E}/rounds/1/transition`, { to: 'list-approved', agree: 6, disagree: 0, other: 0 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const frozen = await office.patch<ErrorReply>(E, { settings: { writeInInvalid: true } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('election.frozen');
    expect((await office.get<ElectionRead>(E)).body.settings['writeInInvalid']).toBe(false);
    expect((await audits('election.update')).map((a) => a.subject)).toEqual([`election:${c.otherElectionId}`]);
  });

  it('a new congress as a copy of this one: organisations, agenda skeleton, bodies without members; no people, no votes', async () => {
    const head = c.delegateIds[0]!;
    expect((await office.post(`${C}/bodies`, { kind: 'presidium', title: 'Đoàn Chủ tịch', members: [{ delegateId: head, role: 'head' }] })).status).toBe(201);
    const refused = await office.post<ErrorReply>('/api/congresses', { ...congressBody('chuan-bi-moi'), copyFrom: c.code });
    expect(refused.status).toBe(403);
    const missing = await root.post<ErrorReply>('/api/congresses', { ...congressBody('chuan-bi-moi'), copyFrom: 'khong-co' });
    expect(missing.status).toBe(404);
    expect((await root.get(`/api/congresses/chuan-bi-moi`)).status).toBe(404);
    const made = await root.post<{ code: string; organisationName: string }>('/api/congresses', {
      ...congressBody('chuan-bi-moi'), organisationName: 'Đảng bộ Khối thử (nhiệm kỳ mới)', copyFrom: c.code,
    });
    expect(made.status).toBe(201);
    const N = '/api/congresses/chuan-bi-moi';
    const orgs = (await root.get<Org[]>(`${N}/organisations`)).body;
    const oldOrgs = (await root.get<Org[]>(`${C}/organisations`)).body;
    expect(orgs.filter((o) => o.role === 'host').map((o) => o.name)).toEqual(['Đảng bộ Khối thử (nhiệm kỳ mới)']);
    expect(orgs.filter((o) => o.role === 'member').map((o) => o.name)).toEqual(oldOrgs.filter((o) => o.role === 'member' && o.active).map((o) => o.name));
    const sessions = (await root.get<SessionRead[]>(`${N}/sessions`)).body;
    const oldSessions = (await root.get<SessionRead[]>(`${C}/sessions`)).body;
    expect(sessions.map((s) => [s.title, s.items.map((i) => [i.title, i.status])]))
      .toEqual(oldSessions.map((s) => [s.title, s.items.map((i) => [i.title, 'pending'])]));
    expect(sessions.every((s) => s.startsAt === null)).toBe(true);
    const bodies = (await root.get<BodyRead[]>(`${N}/bodies`)).body;
    expect(bodies.map((b) => [b.kind, b.title, b.members.length, b.approvedVoteId])).toEqual([['presidium', 'Đoàn Chủ tịch', 0, null]]);
    expect((await root.get<unknown[]>(`${N}/delegates`)).body).toEqual([]);
    expect((await root.get<unknown[]>(`${N}/elections`)).body).toEqual([]);
    expect((await root.get<unknown[]>(`${N}/votes`)).body).toEqual([]);
    const created = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'congress.create').where('subject', 'like', 'congress:%').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(created.payload).copyFrom).toBe(c.code);

    // The copied body gets its members in the new congress, then is frozen by its approval.
    const d = await root.post<{ id: number }>(`${N}/delegates`, { code: '001', fullName: 'Hà Thị Thử', gender: 'female', category: 'elected' });
    const body = bodies[0]!;
    const stranger = await root.patch<ErrorReply>(`${N}/bodies/${body.id}`, { members: [{ delegateId: head, role: 'head' }] });
    expect(stranger.status).toBe(404);
    const twice = await root.patch<ErrorReply>(`${N}/bodies/${body.id}`, { members: [{ delegateId: d.body.id, role: 'head' }, { delegateId: d.body.id, role: 'member' }] });
    expect(twice.status).toBe(422);
    const set = await root.patch<BodyRead>(`${N}/bodies/${body.id}`, { members: [{ delegateId: d.body.id, role: 'head' }] });
    expect(set.status).toBe(200);
    expect(set.body.members.map((m) => m.delegateId)).toEqual([d.body.id]);
    const s = sessions[0]!;
    await root.post(`${N}/sessions/${s.id}/checkins`, { delegateId: d.body.id });
    expect((await root.post(`${N}/bodies/${body.id}/approval`, { agree: 1, disagree: 0, other: 0 })).status).toBe(200);
    expect((await root.patch<ErrorReply>(`${N}/bodies/${body.id}`, { title: 'Đoàn Chủ tịch Đại hội' })).status).toBe(409);
    expect((await audits('body.update')).length).toBe(1);
  });

  it('a duplicate congress code is refused and nothing of the copy is left behind', async () => {
    const before = await db.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const dup = await root.post<ErrorReply>('/api/congresses', { ...congressBody(c.code), copyFrom: c.code });
    expect(dup.status).toBe(409);
    const after = await db.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('the credentials history is read by the staff only', async () => {
    expect((await office.get(`${C}/delegate-changes`)).status).toBe(200);
    for (const who of ['delegate', 'screen', 'counting-board', 'no-role', 'anonymous'] as const) {
      expect((await c.clients[who].get(`${C}/delegate-changes`)).status, who).toBeGreaterThanOrEqual(401);
    }
  });

  it('cards printed are recorded (a reissued card is to print again); a status change after the opening is audited and listed in the credentials and attendance reports', async () => {
    expect((await root.post('/api/congresses', { ...congressBody('lich-su') })).status).toBe(201);
    const H = '/api/congresses/lich-su';
    const people = [];
    for (const [i, fullName] of ['Lê Thị Hoa', 'Trần Văn Minh', 'Vi Văn Sơn'].entries()) {
      const d = await root.post<{ id: number; cardPrinted: boolean }>(`${H}/delegates`, {
        code: `00${i + 1}`, fullName, gender: i === 0 ? 'female' : 'male', birthDate: `197${i}-05-0${i + 1}`, partyJoinDate: `200${i}-03-0${i + 1}`,
        education: 'Đại học', politicalTheory: 'Trung cấp', category: 'elected',
      });
      expect(d.body.cardPrinted).toBe(false);
      people.push(d.body.id);
    }
    const cards = await root.get(`/api/congresses/lich-su/printouts/delegate-cards?ids=${people[0]},${people[1]}`);
    expect(cards.status).toBe(200);
    const printed = (await root.get<Array<{ id: number; cardPrinted: boolean }>>(`${H}/delegates`)).body;
    expect(printed.map((d) => d.cardPrinted)).toEqual([true, true, false]);
    expect((await root.post(`${H}/delegates/${people[0]}/card`)).status).toBe(200);
    expect((await root.get<{ cardPrinted: boolean }>(`${H}/delegates/${people[0]}`)).body.cardPrinted).toBe(false);
    expect((await audits('cards.print')).map((a) => JSON.parse(a.payload).delegates)).toContainEqual([people[0], people[1]]);

    for (const kind of ['credentials', 'secretariat'] as const) {
      expect((await root.post(`${H}/bodies`, { kind, title: kind === 'credentials' ? 'Ban Thẩm tra tư cách đại biểu' : 'Đoàn Thư ký', members: [{ delegateId: people[1], role: 'head' }] })).status).toBe(201);
    }
    const s = await root.post<{ id: number }>(`${H}/sessions`, { kind: 'official', title: 'Phiên chính thức' });
    // Before the opening a change is not history.
    expect((await root.put(`${H}/delegates/${people[2]}/status`, { status: 'not-summoned', reason: 'Chuyển sinh hoạt' })).status).toBe(200);
    expect((await root.put(`${H}/delegates/${people[2]}/status`, { status: 'summoned' })).status).toBe(200);
    const history = async () => (await root.get<{ openedAt: string | null; changes: Array<Record<string, unknown>> }>(`${H}/delegate-changes`)).body;
    expect(await history()).toEqual({ openedAt: null, changes: [] });
    expect((await root.post(`${H}/sessions/${s.body.id}/checkins`, { delegateId: people[1] })).status).toBe(201);
    const refused = await root.put<ErrorReply>(`${H}/delegates/${people[0]}/status`, { status: 'absent-whole' });
    expect(refused.status).toBe(400);
    expect((await history()).changes).toEqual([]);
    expect((await root.put(`${H}/delegates/${people[0]}/status`, { status: 'absent-whole', reason: 'Ốm, nằm viện' })).status).toBe(200);
    expect((await root.patch(`${H}/delegates/${people[2]}`, { seat: 'A7', position: 'Chuyên viên' })).status).toBe(200);
    // The credentials history on the screens: who, when, the status before and after, the reason; the edit's fields.
    const after = await history();
    expect(after.openedAt).not.toBeNull();
    expect(after.changes).toEqual([
      expect.objectContaining({ by: expect.stringContaining('(admin)'), delegateId: people[0], fullName: 'Lê Thị Hoa', kind: 'status',
        from: 'summoned', to: 'absent-whole', replacedBy: null, fields: [], reason: 'Ốm, nằm viện' }),
      expect.objectContaining({ delegateId: people[2], fullName: 'Vi Văn Sơn', kind: 'edited', from: null, to: null, fields: expect.arrayContaining(['seat', 'position']), reason: null }),
    ]);
    expect(Date.parse(String(after.changes[0]!['at']))).toBeGreaterThanOrEqual(Date.parse(after.openedAt!));
    const report = pdfText((await root.get<Buffer>(`/api/congresses/lich-su/printouts/credentials-report`)).body);
    expect(report).toContain('NHỮNG THAY ĐỔI VỀ ĐẠI BIỂU SAU KHI KHAI MẠC');
    expect(report).toContain('Người ghi');
    expect(report).not.toContain('Chuyển sinh hoạt');
    // The printed history is the screen's list: who recorded each change, the status before → after, the reason.
    const by = String(after.changes[0]!['by']);
    for (const name of ['credentials-report', 'attendance-report']) {
      const printed = docxText((await root.get<Buffer>(`/api/congresses/lich-su/printouts/${name}?format=docx`)).body);
      expect(printed, name).toContain(` | ${by} | Lê Thị Hoa | Được triệu tập → Vắng cả đại hội | Ốm, nằm viện |`);
      expect(printed, name).toMatch(/\| \d\d:\d\d ngày \d\d?\/\d\d?\/\d{4} \| [^|\n]+ \| Lê Thị Hoa \|/u);
      expect(printed, name).toMatch(/\| Vi Văn Sơn \| Sửa: [^|]*chỗ ngồi/u);
    }
  });
});

