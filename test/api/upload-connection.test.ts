/**
 * A refused upload does not leave its connection stuck. The scan upload reads the stack part by part and refuses at
 * the first file that is not a scan, with the rest of the body still on the way. A browser sends its next request
 * (the console reloading its job list) on the same kept-alive connection: that request must be answered, not wait
 * behind the unread rest of the refused body. Over a real socket (inject() has no connection to keep).
 */
import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DROPPED_REST_BYTES } from '../../src/server/unread-body.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { call, setupCountingCongress, type CountingCongress } from './counting-support.ts';

const BOUNDARY = '----daihoi-connection-test';

/** A text file first (refused at once), then `megabytes` the server never needs to read. */
const refusedStack = (megabytes: number): Buffer => Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ghi-chu.jpg"\r\nContent-Type: image/jpeg\r\n\r\nkhông phải ảnh\r\n`),
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="quet-2.png"\r\nContent-Type: image/png\r\n\r\n`),
  Buffer.alloc(megabytes * 1024 * 1024, 0x89), Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

/** The answer, and the client's port of the connection it came on (the same port: the same connection). */
interface Answer { status: number; body: string; port: number }

const send = (agent: Agent, url: URL, method: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> =>
  new Promise((resolve, reject) => {
    // Also while the request waits for the agent's one connection, where a socket's own timeout does not run yet.
    const timer = setTimeout(() => reject(new Error(`${method} ${url.pathname}: no answer in 10 s`)), 10_000);
    const req = request(url, { method, agent, headers }, (res) => {
      let text = '';
      const port = res.socket.localPort ?? 0;
      res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: text, port });
      });
    });
    // The server may close the connection once it has answered (a body too large to read to the end): the answer
    // already read is what counts, and a later error changes nothing. The write still under way then fails on the
    // socket after the request has let go of it, so the socket needs its own listener, or the error is uncaught.
    const failed = (e: Error): void => { clearTimeout(timer); reject(e); };
    req.on('error', failed);
    req.on('socket', (socket) => { socket.on('error', failed); });
    req.end(body);
  });

describeEachDatabase('api: a refused upload and the connection it came on', (db) => {
  let k: CountingCongress;
  let base: URL;

  beforeAll(async () => {
    k = await setupCountingCongress(db.db, db.dialect, 'ket-noi');
    expect((await call(k.app, 'POST', `${k.R}/counting`, k.users['head']!, { issued: 11, collected: 11 })).status).toBe(200);
    expect((await call(k.app, 'POST', `${k.R}/batches`, k.users['head']!, { label: 'Hòm phiếu 1', physicalCount: 2 })).status).toBe(201);
    await k.app.listen({ port: 0, host: '127.0.0.1' });
    base = new URL(`http://127.0.0.1:${(k.app.server.address() as AddressInfo).port}`);
  }, 120_000);
  afterAll(async () => { await k?.app.close(); });

  it.each([
    ['on the same connection: the rest read and dropped', 8, true],
    ['on a new connection: more left than is worth reading, the connection closed', DROPPED_REST_BYTES / 1024 / 1024 + 8, false],
  ])('answers the next request after refusing a stack at its first file, %s', async (_, megabytes, same) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const cookie = k.users['an']!.cookie;
    try {
      const refused = await send(agent, new URL(`${k.R}/batches/1/scan`, base), 'POST',
        { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, refusedStack(megabytes));
      expect(refused.status).toBe(415);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'scan.file-type' } });
      const next = await send(agent, new URL(`${k.R}/scan`, base), 'GET', { cookie });
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual([]);
      expect(next.port === refused.port).toBe(same);
    } finally {
      agent.destroy();
    }
  }, 60_000);
});
