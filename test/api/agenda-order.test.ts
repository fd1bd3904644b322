/**
 * Reordering a session's agenda items (PUT …/sessions/:id/items/order): the new order is read back, a body that is
 * not exactly a permutation of the session's items (missing, duplicate, foreign id) is refused with 422 and
 * changes nothing, the change is audited and announced live.
 */
import { WebSocket } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/api/live.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client, ErrorReply } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Item { readonly id: number; readonly title: string; readonly position: number; readonly sessionId: number }
interface SessionRead { readonly id: number; readonly items: readonly Item[] }

describeEachDatabase('api: reordering the agenda', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let office: Client;
  let C = '';
  let ids: Record<string, number> = {};
  let otherSessionItem = 0;
  let otherSession = 0;

  const titlesOf = async (sessionId: number): Promise<string[]> => {
    const r = await c.clients.screen.get<SessionRead[]>(`${C}/sessions`);
    return r.body.find((s) => s.id === sessionId)!.items.map((i) => i.title);
  };
  const order = (sessionId: number, items: readonly number[]) => office.put<Item[] | ErrorReply>(`${C}/sessions/${sessionId}/items/order`, { items });
  const reorderAudits = async (): Promise<{ subject: string | null; payload: string; role: string | null }[]> =>
    db.db.selectFrom('audit_log').select(['subject', 'payload', 'role']).where('action', '=', 'agenda.reorder').orderBy('id').execute();

  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'thu-tu', 2);
    office = c.clients.secretariat;
    C = `/api/congresses/${c.code}`;
    const add = async (sessionId: number, title: string): Promise<number> =>
      (await office.post<{ id: number }>(`${C}/sessions/${sessionId}/items`, { title, kind: 'other' })).body.id;
    // Another session first, so that the official session's positions do not start at 1 (positions are congress-wide).
    otherSession = (await office.post<{ id: number }>(`${C}/sessions`, { kind: 'preparatory', title: 'Phiên trù bị' })).body.id;
    otherSessionItem = await add(otherSession, 'Bầu Đoàn Chủ tịch');
    ids = {};
    for (const t of ['Khai mạc', 'Báo cáo chính trị', 'Thảo luận', 'Bế mạc']) ids[t] = await add(c.sessionId, t);
  });
  afterAll(async () => { await server?.stop(); });

  it('puts the items in the new order and reads it back; the other session is untouched', async () => {
    expect(await titlesOf(c.sessionId)).toEqual(['Khai mạc', 'Báo cáo chính trị', 'Thảo luận', 'Bế mạc']);
    const r = await order(c.sessionId, [ids['Thảo luận']!, ids['Khai mạc']!, ids['Bế mạc']!, ids['Báo cáo chính trị']!]);
    expect(r.status).toBe(200);
    expect((r.body as Item[]).map((i) => i.title)).toEqual(['Thảo luận', 'Khai mạc', 'Bế mạc', 'Báo cáo chính trị']);
    expect(await titlesOf(c.sessionId)).toEqual(['Thảo luận', 'Khai mạc', 'Bế mạc', 'Báo cáo chính trị']);
    expect(await titlesOf(otherSession)).toEqual(['Bầu Đoàn Chủ tịch']);
    // Back again, and an item added afterwards still comes last.
    expect((await order(c.sessionId, [ids['Khai mạc']!, ids['Báo cáo chính trị']!, ids['Thảo luận']!, ids['Bế mạc']!])).status).toBe(200);
    expect(await titlesOf(c.sessionId)).toEqual(['Khai mạc', 'Báo cáo chính trị', 'Thảo luận', 'Bế mạc']);
  });

  it('audits each reorder with the previous and the new order', async () => {
    const before = (await reorderAudits()).length;
    const wanted = [ids['Bế mạc']!, ids['Khai mạc']!, ids['Báo cáo chính trị']!, ids['Thảo luận']!];
    expect((await order(c.sessionId, wanted)).status).toBe(200);
    const audits = await reorderAudits();
    expect(audits).toHaveLength(before + 1);
    const last = audits[audits.length - 1]!;
    expect(last.subject).toBe(`session:${c.sessionId}`);
    expect(last.role).toBe('secretariat');
    const payload = JSON.parse(last.payload) as { previous: number[]; items: number[] };
    expect(payload.previous).toEqual([ids['Khai mạc'], ids['Báo cáo chính trị'], ids['Thảo luận'], ids['Bế mạc']]);
    expect(payload.items).toEqual(wanted);
    expect((await verifyAuditChain(db.db)).ok).toBe(true);
  });

  it('refuses a missing, a duplicate or a foreign id with 422, and changes nothing', async () => {
    const before = await titlesOf(c.sessionId);
    const auditsBefore = (await reorderAudits()).length;
    const [a, b, x, y] = [ids['Khai mạc']!, ids['Báo cáo chính trị']!, ids['Thảo luận']!, ids['Bế mạc']!];
    const cases: ReadonlyArray<readonly [string, readonly number[], RegExp]> = [
      ['agenda.order-missing', [y, a, b], /thiếu 1 mục .*«Thảo luận»/u],
      ['agenda.order-missing', [], /thiếu 4 mục/u],
      ['agenda.order-duplicate', [y, a, b, x, a], /«Khai mạc» có hai lần/u],
      ['agenda.order-duplicate', [y, a, a, x], /«Khai mạc» có hai lần/u],
      ['agenda.order-foreign', [y, a, b, otherSessionItem], new RegExp(`số ${otherSessionItem} không thuộc phiên họp này`, 'u')],
      ['agenda.order-foreign', [y, a, b, x, 999_999], /số 999999 không thuộc phiên họp này/u],
    ];
    for (const [code, items, message] of cases) {
      const r = await order(c.sessionId, items);
      expect(r.status, JSON.stringify(items)).toBe(422);
      const e = (r.body as ErrorReply).error;
      expect(e.code).toBe(code);
      expect(e.message_vi).toMatch(message);
      expect(e.message_vi).toContain('thứ tự không được thay đổi');
    }
    expect(await titlesOf(c.sessionId)).toEqual(before);
    expect(await titlesOf(otherSession)).toEqual(['Bầu Đoàn Chủ tịch']);
    expect(await reorderAudits()).toHaveLength(auditsBefore);
  });

  it('refuses an unknown session (404), a malformed body (400), and the roles without agenda rights (403)', async () => {
    expect((await order(999_999, [])).status).toBe(404);
    expect((await office.put(`${C}/sessions/${c.sessionId}/items/order`, { items: ['a'] })).status).toBe(400);
    expect((await office.put(`${C}/sessions/${c.sessionId}/items/order`, { items: [ids['Khai mạc']], extra: 1 })).status).toBe(400);
    const items = Object.values(ids);
    expect((await c.clients.presidium.put(`${C}/sessions/${c.sessionId}/items/order`, { items })).status).toBe(403);
    expect((await c.clients.delegate.put(`${C}/sessions/${c.sessionId}/items/order`, { items })).status).toBe(403);
  });

  it('announces the change to live clients (the event agenda views refetch on)', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/congresses/${c.code}/live`, { headers: { cookie: c.clients.screen.cookie ?? '' } });
    const seen = new Promise<LiveEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no live event')), 10_000);
      ws.addEventListener('message', (ev) => {
        const m = JSON.parse(String(ev.data)) as { type: string };
        if (m.type === 'event' && (m as LiveEvent).kind === 'current-item') { clearTimeout(timer); resolve(m as LiveEvent); }
      });
    });
    try {
      await new Promise<void>((resolve, reject) => { ws.addEventListener('open', () => resolve()); ws.addEventListener('error', () => reject(new Error('websocket refused'))); });
      const items = (await c.clients.screen.get<SessionRead[]>(`${C}/sessions`)).body.find((s) => s.id === c.sessionId)!.items.map((i) => i.id);
      expect((await order(c.sessionId, [...items].reverse())).status).toBe(200);
      expect((await seen).kind).toBe('current-item');
    } finally {
      ws.close();
    }
  });
});
