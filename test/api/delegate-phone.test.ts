/**
 * The delegate's phone through the API on both databases: one open contribution at a time (a second registration is
 * refused with a message naming the first), a contribution's text read by others only once it has the floor, and
 * documents a browser shows (PDF, text) opened inline rather than saved.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client, type ErrorReply } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

describeEachDatabase('api: the delegate\'s phone', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let C = '';
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'dien-thoai', 3);
    C = `/api/congresses/${c.code}`;
  });
  afterAll(async () => { await server?.stop(); });

  it('refuses a second open registration, by the delegate or by staff for them; allows one after the first is withdrawn', async () => {
    const first = await c.clients.delegate.post<{ id: number; position: number }>(`${C}/speakers`, { delegateId: null, speakerName: 'Tôi', title: 'Chuyển đổi số' });
    expect(first.status).toBe(201);
    const again = await c.clients.delegate.post(`${C}/speakers`, { delegateId: null, speakerName: 'Tôi', title: 'Công tác cán bộ' });
    expect(again.status).toBe(409);
    expect((again.body as ErrorReply).error.code).toBe('speaker.already-registered');
    expect((again.body as ErrorReply).error.message_vi).toContain('"Chuyển đổi số"');
    const byStaff = await c.clients.admin.post(`${C}/speakers`, { delegateId: c.delegateIds[0], speakerName: 'Nguyễn Văn Thử A', title: 'Khác' });
    expect(byStaff.status).toBe(409);
    // Someone else, and a guest without a delegate, are not affected.
    expect((await c.clients.admin.post(`${C}/speakers`, { delegateId: c.delegateIds[1], speakerName: 'B', title: 'Y tế' })).status).toBe(201);
    expect((await c.clients.admin.post(`${C}/speakers`, { delegateId: null, speakerName: 'Khách mời', title: 'Phát biểu chỉ đạo' })).status).toBe(201);
    expect((await c.clients.admin.post(`${C}/speakers`, { delegateId: null, speakerName: 'Khách mời', title: 'Lần hai' })).status).toBe(201);
    expect((await c.clients.presidium.patch(`${C}/speakers/${first.body.id}`, { status: 'withdrawn' })).status).toBe(200);
    expect((await c.clients.delegate.post(`${C}/speakers`, { delegateId: null, speakerName: 'Tôi', title: 'Công tác cán bộ' })).status).toBe(201);
    const mine = (await c.clients.delegate.get<{ delegateId: number | null; status: string }[]>(`${C}/speakers`)).body.filter((s) => s.delegateId === c.delegateIds[0]);
    expect(mine.map((s) => s.status)).toEqual(['withdrawn', 'registered']);
  });

  it('keeps a contribution\'s text: its speaker and the presidium read it at once, another delegate only once it has the floor', async () => {
    const text = 'Kính thưa Đoàn Chủ tịch đại hội!\n\nChi bộ chúng tôi đề nghị tăng cường sinh hoạt chuyên đề.';
    const other = new Client(server.url);
    expect((await other.post('/api/auth/card', { congress: c.code, token: c.cardTokens[2] })).status).toBeLessThan(300);
    const mine = await c.clients.admin.post<{ id: number; hasText: boolean }>(`${C}/speakers`, { delegateId: c.delegateIds[1], speakerName: 'B2', title: 'Sinh hoạt chi bộ', text: ' ' });
    expect(mine.status).toBe(400);
    const s = await c.clients.admin.post<{ id: number; hasText: boolean }>(`${C}/speakers`, { delegateId: null, speakerName: 'Đồng chí khách mời', title: 'Sinh hoạt chi bộ', text });
    expect(s.status).toBe(201);
    expect(s.body.hasText).toBe(true);
    const read = async (client: Client) => client.get<{ text: string }>(`${C}/speakers/${s.body.id}/text`);
    expect((await read(c.clients.presidium)).body.text).toBe(text);
    expect((await read(other)).status).toBe(403);
    expect((await c.clients.presidium.put(`${C}/current-speaker`, { speakerId: s.body.id })).status).toBe(200);
    expect((await read(other)).body.text).toBe(text);
    // Too long a text is refused whole; the text can be changed and removed by the presidium.
    expect((await c.clients.presidium.patch(`${C}/speakers/${s.body.id}`, { text: 'x'.repeat(60_001) })).status).toBe(400);
    expect((await c.clients.presidium.patch<{ hasText: boolean }>(`${C}/speakers/${s.body.id}`, { text: null })).body.hasText).toBe(false);
    expect((await read(c.clients.presidium)).status).toBe(404);
    // The audit keeps the text's fingerprint, not the text.
    const register = await db.db.selectFrom('audit_log').select('payload').where('action', '=', 'speaker.register').where('subject', '=', `speaker:${s.body.id}`).executeTakeFirstOrThrow();
    const payload = typeof register.payload === 'string' ? register.payload : JSON.stringify(register.payload);
    expect(payload).not.toContain('sinh hoạt chuyên đề');
    expect(payload).toMatch(/"sha256": ?"[0-9a-f]{64}"/u);
  });

  it('opens a PDF or a text document in the browser (inline), not as a download', async () => {
    const admin = c.clients.admin;
    const up = async (name: string, data: Buffer, type: string) =>
      (await admin.upload<{ id: number }>(`${C}/documents`, name, data, type, { title: name, visibility: 'delegates' })).body.id;
    const pdf = await up('bao-cao.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    const text = await up('chuong-trinh.txt', Buffer.from('Chương trình đại hội\n', 'utf8'), 'text/plain');
    const disposition = async (id: number) => (await c.clients.delegate.raw('GET', `${C}/documents/${id}`)).headers.get('content-disposition') ?? '';
    expect(await disposition(pdf)).toMatch(/^inline;/u);
    expect(await disposition(text)).toMatch(/^inline;/u);
  });
});
