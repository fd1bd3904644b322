/**
 * Security: headers on HTML, assets and API answers; XSS — a delegate named with markup comes back as
 * data (a JSON string, served as JSON with nosniff), the web app has no inline script and its CSP forbids one,
 * no screen writes HTML from data; uploaded documents are downloaded as attachments of their checked type; the
 * JSON body limit. One database is enough here (the headers do not depend on it): SQLite.
 *
 * Already elsewhere: CSRF, sign-in throttling, session cookie flags, card revocation, bad and oversized uploads
 * (test/api/bad-input.test.ts); route × role (test/api/permissions.test.ts, counting-refusals.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../api/support/client.ts';
import { setupSmallCongress, type SmallCongress } from '../api/support/congress.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { databasesUnderTest, type TestDatabase } from '../support/databases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const HOSTILE_NAME = '<script>alert("xss")</script><img src=x onerror=alert(1)> Lê Văn "Bình"';

/** The CSP of a response, as directive → sources. */
const csp = (h: Headers): Map<string, string[]> => {
  const text = h.get('content-security-policy') ?? '';
  return new Map(text.split(';').map((d) => d.trim()).filter((d) => d !== '').map((d) => {
    const [name, ...sources] = d.split(/\s+/u);
    return [name!, sources] as const;
  }));
};

const expectSecureHeaders = (what: string, h: Headers): void => {
  const policy = csp(h);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  // No inline script, no eval, no other origin: an injected <script> or onerror= cannot run.
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'self'"]);
  expect(policy.get('form-action'), what).toEqual(["'self'"]);
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('SAMEORIGIN');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  expect(h.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(h.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(h.get('x-powered-by'), what).toBeNull();
};

const sqlite = databasesUnderTest().find((d) => d.dialect === 'sqlite')!;

describe('security: headers, XSS, downloads [sqlite]', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let c: SmallCongress;
  let admin: Client;
  beforeAll(async () => {
    database = await sqlite.create();
    server = await startServer(database.env);
    c = await setupSmallCongress(server, 'bao-mat', 3);
    admin = c.clients.admin;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('serves the built web app (npm run build / prepare makes dist/web)', () => {
    expect(existsSync(join(WEB, 'index.html')), 'dist/web/index.html is missing: run `npx vite build`').toBe(true);
  });

  it('sends the security headers on HTML, assets, JSON answers, errors and the SPA fallback', async () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const asset = /src="(\/assets\/[^"]+\.js)"/u.exec(html)?.[1];
    expect(asset).toBeDefined();
    const anonymous = new Client(server.url);
    const paths: Array<[string, Client, number, RegExp]> = [
      ['/', anonymous, 200, /text\/html/u],
      ['/hoi-truong/man-hinh', anonymous, 200, /text\/html/u],
      [asset!, anonymous, 200, /javascript/u],
      ['/api/health', anonymous, 200, /application\/json/u],
      [`/api/congresses/${c.code}/delegates`, anonymous, 401, /application\/json/u],
      [`/api/congresses/${c.code}/delegates`, admin, 200, /application\/json/u],
      ['/api/khong-co', anonymous, 404, /application\/json/u],
    ];
    for (const [path, client, status, type] of paths) {
      const res = await client.raw('GET', path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expectSecureHeaders(path, res.headers);
    }
  });

  it('has no inline script or inline event handler in the web app, and no screen writes HTML from data', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/gu) ?? []) expect(tag).toMatch(/\bsrc="\/assets\//u);
    expect(html.replace(/<script\b[^>]*>\s*<\/script>/gu, '')).not.toMatch(/<script/u);
    expect(html).not.toMatch(/\son[a-z]+=/u);
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/u.test(name)) sources.push(p);
      }
    };
    walk(join(ROOT, 'src', 'web'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/u);
    }
  });

  it('gives back a delegate named with markup as data: a JSON string, served as JSON with nosniff', async () => {
    const C = `/api/congresses/${c.code}`;
    const created = await admin.post<{ id: number }>(`${C}/delegates`, {
      code: 'X01', fullName: HOSTILE_NAME, gender: 'male', category: 'elected', organisationId: c.organisationId,
    });
    expect(created.status).toBe(201);
    for (const path of [`${C}/delegates`, `${C}/delegates/${created.body.id}`]) {
      const res = await admin.raw('GET', path);
      const text = await res.text();
      expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8$/u);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // Inside a JSON string: its quotes escaped, so it cannot close the string or become markup by itself.
      expect(text).toContain(JSON.stringify(HOSTILE_NAME));
      const body = JSON.parse(text) as { fullName: string } | Array<{ fullName: string }>;
      const names = Array.isArray(body) ? body.map((d) => d.fullName) : [body.fullName];
      expect(names).toContain(HOSTILE_NAME);
    }
    // A name shown by the SPA fallback never reaches the HTML: the page is the same static file for every path.
    const page = await (await fetch(`${server.url}/${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(page).toBe(readFileSync(join(WEB, 'index.html'), 'utf8'));
  });

  it('serves an uploaded text document as its checked type (plain text, opened in the browser, never sniffed); a markup name is made harmless', async () => {
    const C = `/api/congresses/${c.code}`;
    const up = await admin.upload<{ id: number; fileName: string; mimeType: string }>(`${C}/documents`, '../../<b>ghi-chu</b>.txt',
      new TextEncoder().encode('<script>alert(1)</script> Ghi chú của Đoàn Chủ tịch'), 'text/html', { title: 'Ghi chú', visibility: 'public' });
    expect(up.status).toBe(201);
    expect(up.body.mimeType).toMatch(/^text\/plain/u);
    expect(up.body.fileName).not.toContain('/');
    const res = await admin.raw('GET', `${C}/documents/${up.body.id}`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/u);
    // Opened in the browser (the delegate's phone reads it there), as plain text: the markup is shown, never run.
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/u);
    // Only a base name, no path, no line break or quote that could end the header value.
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).not.toMatch(/\.\.\/|[\\\r\n]/u);
    expect(/filename="([^"]*)"/u.exec(disposition)?.[1]).not.toContain('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csp(res.headers).get('script-src')).toEqual(["'self'"]);
  });

  it('refuses a JSON body over the limit (4 MB) with 413 and a clear message', async () => {
    // node:http, not fetch: the server answers 413 from the declared length, before the body; sending only its
    // start avoids a race with the server closing the connection (EPIPE on our side).
    const big = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/congresses/${c.code}/organisations`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)), cookie: admin.cookie ?? '' },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { text += chunk; });
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, text }); req.destroy(); });
      });
      req.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e); });
      req.write(big.slice(0, 64 * 1024));
    });
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.text) as { error: { message_vi: string; message_en: string } };
    expect(body.error.message_vi.length).toBeGreaterThan(0);
    expect(body.error.message_en.length).toBeGreaterThan(0);
  });

  it('refuses a delegate list over the import limit (5 MB) and a list that is not a spreadsheet, whatever its name', async () => {
    const C = `/api/congresses/${c.code}`;
    const big = await admin.upload<{ error: { code: string; message_vi: string; message_en: string } }>(`${C}/delegates-import`, 'ds.csv', new Uint8Array(6 * 1024 * 1024).fill(65), 'text/csv');
    expect(big.status).toBe(413);
    expect(big.body.error.message_vi).toMatch(/MB|quá|lớn/u);
    expect(big.body.error.message_en.length).toBeGreaterThan(0);
    const exe = await admin.upload<{ error: { message_vi: string } }>(`${C}/delegates-import`, 'ds.xlsx', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exe.status).toBeGreaterThanOrEqual(400);
    expect(exe.status).toBeLessThan(500);
    expect(exe.body.error.message_vi.length).toBeGreaterThan(0);
    const list = await admin.get<unknown[]>(`${C}/delegates`);
    expect(list.body).toHaveLength(4);
  });
});
