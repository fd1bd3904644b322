/**
 * Bad input on every body: random and hostile JSON (fast-check) on every JSON route, malformed
 * JSON, wrong content types, bad uploads — never a 500, always `{ error: { code, message_vi, message_en } }`,
 * and no partial effect (every table's row count unchanged).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { fingerprint } from './support/fingerprint.ts';
import { ROUTES } from './support/routes.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Every endpoint that takes a JSON body. */
const jsonRoutes = ROUTES.filter((r) => r.jsonBody).map((r) => r.key);
/** The server administrator (admin of every congress) may call these; the others refuse before reading the body (403). */
const adminMay = new Set(ROUTES.filter((r) => typeof r.access === 'string' || r.access.includes('admin')).map((r) => r.key));

const hostile: unknown[] = [
  null, [], 'x', 0, true, {}, { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } },
  { agree: -1, disagree: 1e308, other: '3' }, { fullName: '<script>alert(1)</script>'.repeat(50) }, { code: '../../etc/passwd' },
  { seats: 1.5 }, { to: 'approved' }, { to: 'draft' }, { ballots: [{ struck: ['1'], marks: {} }] }, { targets: [{}] },
  { username: 'a'.repeat(10_000), password: 'b' }, { username: 'ad\u0000min', password: 'x' }, { name: 'Chi bộ\u0000', title: 'x\u0000' },
  { fullName: 'Nguyễn\u0000', code: '1', gender: 'male', category: 'elected' }, { reference: '\u0000' }, { status: 'replaced', reason: 'x' }, { a: { b: { c: { d: { e: [] } } } } },
];

describeEachDatabase('api: bad input on every body', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'sai-dau-vao', 4);
    admin = c.clients['server-admin'];
  });
  afterAll(async () => { await server?.stop(); });

  const path = (key: string): [string, string] => {
    const [method, url] = key.split(' ') as [string, string];
    const id = url.includes('/delegates/') ? c.delegateIds[1] : url.includes('/sessions/') ? c.sessionId : url.includes('/organisations/') ? c.organisationId : 1;
    return [method, url.replace(':code', c.code).replace(':electionId', String(c.electionId)).replace(':round', '1').replace(':id', String(id))];
  };

  const expectClear = (key: string, status: number, body: unknown): void => {
    const e = (body as { error?: { code?: unknown; message_vi?: unknown; message_en?: unknown } }).error;
    expect(status, `${key} → ${status} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(status, key).toBeLessThan(500);
    expect(typeof e?.message_vi, key).toBe('string');
    expect(typeof e?.message_en, key).toBe('string');
  };

  it(`refuses hostile bodies on ${jsonRoutes.length} JSON routes with a clear message and no effect`, async () => {
    const before = await fingerprint(db.db);
    for (const key of jsonRoutes) {
      const [method, url] = path(key);
      for (const body of hostile) {
        const r = await admin.call(method, url, JSON.stringify(body));
        expectClear(key, r.status, r.body);
      }
      const bad = await admin.call(method, url, '{"agree": 1,');
      expectClear(key, bad.status, bad.body);
      expect(bad.status, key).toBe(adminMay.has(key) ? 400 : 403);
      const form = await admin.call(method, url, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
      expectClear(key, form.status, form.body);
    }
    expect(await fingerprint(db.db)).toEqual(before);
  });

  it('refuses random JSON (fast-check) on every JSON route', async () => {
    const before = await fingerprint(db.db);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...jsonRoutes), fc.jsonValue({ maxDepth: 3 }), async (key, body) => {
      const [method, url] = path(key);
      const r = await admin.call(method, url, JSON.stringify(body));
      expectClear(key, r.status, r.body);
    }), { numRuns: 300 });
    expect(await fingerprint(db.db)).toEqual(before);
  });

  it('answers 404, never 500, for hostile congress codes and ids in the path', async () => {
    for (const code of ['%00', 'a%00b', '..%2f..', 'X'.repeat(300), '%F0%9F%92%A9', "x'%20or%201=1--"]) {
      const r = await admin.get(`/api/congresses/${code}/delegates`);
      expect([404, 414], code).toContain(r.status);
    }
    for (const id of ['0', '-1', '1.5', 'abc', '99999999999', '%00']) {
      const r = await admin.get(`/api/congresses/${c.code}/elections/${id}`);
      expect(r.status, id).toBe(400);
    }
  });

  it('names the field at fault in Vietnamese and English', async () => {
    const r = await admin.post<{ error: { field: string; message_vi: string } }>(`/api/congresses/${c.code}/delegates`, {
      code: '900', fullName: 'Lê Văn Bình', gender: 'nam', category: 'elected',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('body.gender');
    expect(r.body.error.message_vi).toContain('body.gender');
  });

  it('refuses bad uploads: not a spreadsheet, a disguised file, an invalid list, too large', async () => {
    const before = await fingerprint(db.db);
    const C = `/api/congresses/${c.code}`;
    const notXlsx = await admin.upload(`${C}/delegates-import`, 'ds.xlsx', new TextEncoder().encode('not a zip'), 'application/octet-stream');
    expectClear('import', notXlsx.status, notXlsx.body);
    const exe = await admin.upload(`${C}/documents`, 'bao-cao.pdf', new TextEncoder().encode('MZ\u0090\u0000 not a pdf'), 'application/pdf', { title: 'Báo cáo', visibility: 'public' });
    expect(exe.status).toBe(415);
    const html = await admin.upload(`${C}/documents`, 'x.html', new TextEncoder().encode('<script>alert(1)</script>'), 'text/html', { title: 'X', visibility: 'public' });
    expect(html.status).toBe(415);
    const big = await admin.upload(`${C}/documents`, 'lon.txt', new Uint8Array(21 * 1024 * 1024).fill(65), 'text/plain', { title: 'Lớn', visibility: 'public' });
    expect(big.status).toBe(413);
    const csv = 'Số thẻ,Họ và tên,Giới tính,Ngày sinh,Đơn vị,Loại đại biểu\n901,Lê Văn Bình,Nam,31/02/1970,Chi bộ Văn phòng,Bầu\n902,,Nữ,,Không có,Bầu\n';
    const invalid = await admin.upload<{ issues: { row: number; column: string; code: string }[] }>(`${C}/delegates-import`, 'ds.csv', new TextEncoder().encode(csv), 'text/csv');
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Ngày sinh', 'import.bad-date'], [3, 'Họ và tên', 'import.missing'], [3, 'Đơn vị', 'import.unknown-organisation'],
    ]);
    expect(await fingerprint(db.db)).toEqual(before);
  });

  it('refuses a cross-site state change (CSRF) and serves security headers', async () => {
    const r = await admin.call('POST', `/api/congresses/${c.code}/organisations`, { name: 'Chi bộ giả' }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const s = await admin.call('POST', `/api/congresses/${c.code}/organisations`, { name: 'Chi bộ giả' }, { 'sec-fetch-site': 'cross-site' });
    expect(s.status).toBe(403);
    const h = await admin.get('/api/health');
    expect(h.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('slows a brute force on sign-in and keeps the session cookie HTTP-only and SameSite=Strict', async () => {
    const attempts = [];
    for (let i = 0; i < 7; i++) attempts.push((await admin.call('POST', '/api/auth/login', { username: `${c.code}.admin`, password: `sai-${i}` }, {})).status);
    // The admin client's cookie was replaced by nothing on failures; the statuses tell the story.
    expect(attempts.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts.slice(5)).toEqual([429, 429]);
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: server.adminPassword }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/u);
    expect(cookie).toMatch(/SameSite=Strict/u);
  });

  it('changes a password: the old one no longer signs in, other sessions end', async () => {
    const me = c.clients.presidium;
    const username = `${c.code}.presidium`;
    const other = new Client(server.url);
    expect((await other.login(username, `mat-khau-presidium-123`)).status).toBe(200);
    expect((await me.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'mat-khau-moi-456' })).status).toBe(403);
    expect((await me.post('/api/auth/password', { currentPassword: 'mat-khau-presidium-123', newPassword: 'mat-khau-moi-456' })).status).toBe(200);
    expect((await me.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await other.login(username, 'mat-khau-presidium-123')).status).toBe(401);
    expect((await other.login(username, 'mat-khau-moi-456')).status).toBe(200);
  });

  it('revokes a delegate card: the card no longer signs in or checks in', async () => {
    const C = `/api/congresses/${c.code}`;
    const token = c.cardTokens[2]!;
    expect((await admin.del(`${C}/delegates/${c.delegateIds[2]}/card`)).status).toBe(200);
    const signIn = await admin.call('POST', '/api/auth/card', { congress: c.code, token });
    expect(signIn.status).toBe(401);
    const checkin = await admin.post<{ error: { code: string } }>(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: token });
    expect(checkin.status).toBe(422);
    expect(checkin.body.error.code).toBe('checkin.card-revoked');
    const fresh = await admin.post<{ token: string }>(`${C}/delegates/${c.delegateIds[2]}/card`);
    expect(fresh.body.token).not.toBe(token);
    expect((await admin.post(`${C}/sessions/${c.sessionId}/checkins`, { cardToken: fresh.body.token })).status).toBe(201);
  });
});
