/**
 * Live events over WebSocket: a snapshot on connect, then attendance, current item, speaker, election
 * state and results as they happen; a reconnecting client resyncs from a new snapshot. On PostgreSQL, two
 * server instances share the database and a client of one receives the events caused on the other
 * (LISTEN/NOTIFY).
 */
import { WebSocket } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveEvent, LiveSnapshot } from '../../src/api/live.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import type { Client } from './support/client.ts';
import { startServer, type RunningServer } from './support/server.ts';

type Message = LiveEvent | LiveSnapshot;

/** A live connection that keeps what it received, and waits for a message matching a predicate. */
const connect = (url: string, client: Client, code: string, origin?: string): Promise<{ messages: Message[]; next: (p: (m: Message) => boolean) => Promise<Message>; close: () => void }> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/congresses/${code}/live`, { headers: { ...(client.cookie === null ? {} : { cookie: client.cookie }), ...(origin === undefined ? {} : { origin }) } });
    const messages: Message[] = [];
    const waiters: { p: (m: Message) => boolean; res: (m: Message) => void }[] = [];
    ws.addEventListener('message', (ev) => {
      const m = JSON.parse(String(ev.data)) as Message;
      messages.push(m);
      for (const w of [...waiters]) if (w.p(m)) { waiters.splice(waiters.indexOf(w), 1); w.res(m); }
    });
    ws.addEventListener('error', () => reject(new Error('websocket refused')));
    ws.addEventListener('open', () => resolve({
      messages,
      next: (p) => {
        const seen = messages.find(p);
        if (seen !== undefined) return Promise.resolve(seen);
        return new Promise((res, rej) => {
          waiters.push({ p, res });
          setTimeout(() => rej(new Error(`no matching live message; got ${JSON.stringify(messages)}`)), 10_000);
        });
      },
      close: () => ws.close(),
    }));
  });

describeEachDatabase('api: live events over WebSocket', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'truc-tiep', 4);
  });
  afterAll(async () => { await server?.stop(); });

  it('sends a snapshot, then each event, to a screen client', async () => {
    const admin = c.clients.admin;
    const C = `/api/congresses/${c.code}`;
    const live = await connect(server.url, c.clients.screen, c.code);
    const snap = await live.next((m) => m.type === 'snapshot') as LiveSnapshot;
    expect(snap).toMatchObject({ congress: c.code, attendance: { base: 4, present: 0 }, currentAgendaItemId: null });
    await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { delegateId: c.delegateIds[0] });
    await live.next((m) => m.type === 'event' && m.kind === 'attendance');
    const item = await admin.post<{ id: number }>(`${C}/sessions/${c.sessionId}/items`, { title: 'Khai mạc', kind: 'opening' });
    await admin.put(`${C}/current-item`, { agendaItemId: item.body.id });
    expect(await live.next((m) => m.type === 'event' && m.kind === 'current-item')).toMatchObject({ id: item.body.id });
    const sp = await admin.post<{ id: number }>(`${C}/speakers`, { delegateId: c.delegateIds[1], speakerName: 'Nguyễn Văn Thử B', title: 'Tham luận' });
    await admin.put(`${C}/current-speaker`, { speakerId: sp.body.id });
    await live.next((m) => m.type === 'event' && m.kind === 'speaker' && m.id === sp.body.id);
    await admin.post(`${C}/elections/${c.electionId}/rounds/1/candidates`, { delegateId: c.delegateIds[2], source: 'committee-list' });
    await live.next((m) => m.type === 'event' && m.kind === 'election' && m.id === c.electionId);
    live.close();
    const again = await connect(server.url, c.clients.screen, c.code);
    const resync = await again.next((m) => m.type === 'snapshot') as LiveSnapshot;
    expect(resync).toMatchObject({ attendance: { present: 1 }, currentAgendaItemId: item.body.id, currentSpeakerId: sp.body.id });
    again.close();
  });

  it('refuses a connection without sign-in, or from another site', async () => {
    await expect(connect(server.url, c.clients.anonymous, c.code)).rejects.toThrow('websocket refused');
    await expect(connect(server.url, c.clients.screen, c.code, 'https://evil.example')).rejects.toThrow('websocket refused');
    const same = await connect(server.url, c.clients.screen, c.code, server.url);
    same.close();
  });

  it('delivers events caused on another instance (PostgreSQL LISTEN/NOTIFY)', async () => {
    if (db.dialect !== 'postgres') return;
    const second = await startServer(db.database.env);
    try {
      const live = await connect(second.url, c.clients.screen, c.code);
      await live.next((m) => m.type === 'snapshot');
      await c.clients.admin.post(`/api/congresses/${c.code}/sessions/${c.sessionId}/checkins`, { delegateId: c.delegateIds[3] });
      await live.next((m) => m.type === 'event' && m.kind === 'attendance');
      live.close();
    } finally {
      await second.stop();
    }
  });
});
