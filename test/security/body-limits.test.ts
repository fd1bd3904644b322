/**
 * Who is calling and how big the request is are checked before a byte of the body is parsed: an anonymous body is
 * refused with 401 whatever its size (the server stays up and answers), a JSON body is bounded per endpoint (a few
 * hundred kB), a JSON body to an upload endpoint is refused by its type, and deep nesting costs one scan.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JSON_BODY_LIMIT } from '../../src/api/index.ts';
import { MAX_JSON_DEPTH } from '../../src/server/json-body.ts';
import { DRAINED_BODY_BYTES } from '../../src/server/unread-body.ts';
import { setupSmallCongress, type SmallCongress } from '../api/support/congress.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** Sends `size` bytes of a JSON-looking body in chunks; the status the server answers (or 'reset'). */
const stream = async (url: string, path: string, size: number): Promise<number | 'reset'> => (await answerTo(url, path, size)).status;

/** The status and the connection header the server answers to `size` bytes of body (or 'reset'). */
const answerTo = (url: string, path: string, size: number): Promise<{ status: number | 'reset'; connection?: string }> =>
  send(url, path, size, true);

/**
 * The answer to a request that declares `size` bytes of body: sent in chunks, or (`all` false) only its first byte,
 * the rest held back until the answer comes — a refusal before reading is then read whole, never lost to a reset.
 */
const send = (url: string, path: string, size: number, all: boolean): Promise<{ status: number | 'reset'; connection?: string }> =>
  new Promise((resolve) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(size) } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      if (!all) req.destroy();
    });
    req.on('error', () => resolve({ status: 'reset' }));
    // A write still under way once the answer is read fails on the socket after the request let go of it.
    req.on('socket', (socket) => { socket.on('error', () => resolve({ status: 'reset' })); });
    if (!all) { req.write('['); return; }
    const chunk = Buffer.alloc(1024 * 1024, '[');
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) { req.once('drain', pump); return; }
      }
      req.end();
    };
    pump();
  });

describeEachDatabase('security: bodies are bounded and read only after authorisation', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'gioi-han-du-lieu', 4);
  });
  afterAll(async () => { await server?.stop(); });

  it('refuses an anonymous 300 MB body with 401 (never parsed) and keeps answering', async () => {
    const status = await stream(server.url, `/api/congresses/${c.code}/elections/${c.electionId}/rounds/1/batches/1/scan`, 300 * 1024 * 1024);
    expect([401, 'reset']).toContain(status);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('closes the connection on a large body it refuses unread, rather than reading the rest to keep the connection alive', async () => {
    const scan = `/api/congresses/${c.code}/elections/${c.electionId}/rounds/1/batches/1/scan`;
    const anonymous = await send(server.url, scan, 2 * DRAINED_BODY_BYTES, false);
    const tooLarge = await send(server.url, '/api/auth/login', 2 * DRAINED_BODY_BYTES, false);
    expect(anonymous).toEqual({ status: 401, connection: 'close' });
    expect(tooLarge).toEqual({ status: 413, connection: 'close' });
    // A small one is drained: its sender reads the refusal on a connection kept alive.
    const small = await answerTo(server.url, scan, DRAINED_BODY_BYTES / 2);
    expect(small.status).toBe(401);
    expect(small.connection).not.toBe('close');
  });

  it('bounds the JSON body of sign-in: 4 MB is refused as too large, at once', async () => {
    const status = await stream(server.url, '/api/auth/login', 4 * 1024 * 1024);
    expect([413, 'reset']).toContain(status);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('a signed-in technician: JSON to an upload endpoint is refused by its type (415), JSON over the limit by its size (413)', async () => {
    const tech = c.clients.technician;
    const R = `/api/congresses/${c.code}/elections/${c.electionId}/rounds/1`;
    const json = await tech.call('POST', `${R}/batches/1/scan`, JSON.stringify({ ballots: [] }));
    expect([403, 415]).toContain(json.status);
    const board = c.clients['counting-board'];
    const toUpload = await board.call('POST', `${R}/batches/1/scan`, JSON.stringify({ ballots: [] }));
    expect(toUpload.status).toBe(415);
    const big = await board.call('POST', `${R}/batches`, JSON.stringify({ label: 'x'.repeat(JSON_BODY_LIMIT), physicalCount: 1 }));
    expect(big.status).toBe(413);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels with a clear message`, async () => {
    const admin = c.clients['server-admin'];
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const r = await admin.call<{ error: { code: string; message_vi: string } }>('POST', `/api/congresses/${c.code}/votes`, deep);
    expect(r.status).toBe(400);
    expect(r.body.error.message_vi).toContain('lồng');
  });
});
