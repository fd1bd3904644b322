/**
 * HTTPS for the hall's Wi-Fi: `daihoi serve --https` makes a certificate on the first start (kept in the data
 * folder, the same on the next start), prints its SHA-256 fingerprint with a QR code and writes a sheet for the desks
 * (PDF) with it; the server then speaks TLS with that certificate, its session cookie is Secure, and plain HTTP
 * only redirects to HTTPS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';

interface Answer { readonly status: number; readonly headers: Record<string, string | string[] | undefined> }

/** One request over HTTPS trusting only the given certificate. */
const httpsCall = (url: string, ca: string, method = 'GET', body?: string): Promise<Answer> => new Promise((resolve, reject) => {
  const req = request(url, { method, ca, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
    res.resume();
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
  });
  req.on('error', reject);
  req.end(body);
});

/** The certificate the server presents, as its SHA-256 fingerprint. */
const presented = (url: string): Promise<string> => new Promise((resolve, reject) => {
  const u = new URL(url);
  const socket = connect({ host: u.hostname, port: Number(u.port), rejectUnauthorized: false }, () => {
    resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
    socket.end();
  });
  socket.on('error', reject);
});

describeEachDatabase('security: HTTPS in the hall', (ctx) => {
  const data = mkdtempSync(join(tmpdir(), 'daihoi-https-'));
  const servers: RunningServer[] = [];
  const start = async (): Promise<RunningServer> => {
    const s = await startServer({ ...ctx.database.env, DAIHOI_DATA: data }, ['--https', '--http-port', '0']);
    servers.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it('serves TLS with a certificate made on the first start, its fingerprint printed and on a sheet; Secure cookies; HTTP redirects', async () => {
    const server = await start();
    expect(server.url).toMatch(/^https:\/\//u);
    const fingerprint = /SHA-256 fingerprint: ([0-9A-F:]{95})/u.exec(server.output())?.[1];
    expect(fingerprint, server.output()).toBeDefined();
    expect(await presented(server.url)).toBe(fingerprint);
    const ca = readFileSync(join(data, 'tls', 'cert.pem'), 'utf8');

    const health = await httpsCall(`${server.url}/api/health`, ca);
    expect(health.status).toBe(200);
    const login = await httpsCall(`${server.url}/api/auth/login`, ca, 'POST', JSON.stringify({ username: 'admin', password: server.adminPassword }));
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie'] ?? '');
    expect(cookie).toMatch(/daihoi_session=/u);
    expect(cookie).toMatch(/;\s*Secure/iu);

    const http = /HTTP (http:\/\/127\.0\.0\.1:\d+) /u.exec(server.output())?.[1];
    expect(http, server.output()).toBeDefined();
    const r = await fetch(`${http}/dai-hoi/lso?x=1`, { redirect: 'manual' });
    expect(r.status).toBe(308);
    expect(r.headers.get('location')).toBe(`${server.url}/dai-hoi/lso?x=1`);

    const sheet = execFileSync('pdftotext', ['-layout', join(data, 'tls', 'dau-van-tay-chung-chi.pdf'), '-'], { encoding: 'utf8' });
    expect(sheet).toContain('DẤU VÂN TAY CHỨNG CHỈ');
    expect(sheet.replace(/\s+/gu, ':')).toContain(fingerprint!.split(':').slice(0, 8).join(':'));
    await server.stop();

    const again = await start();
    expect(await presented(again.url)).toBe(fingerprint);
  });
});
