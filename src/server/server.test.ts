/** The server's own pieces through inject(): the web app with its SPA fallback, health, error shapes, headers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type OpenDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { buildServer } from './build.ts';
import { sameOrigin } from './csrf.ts';
import { documentType } from './documents-check.ts';
import { targetSummary } from './routes/targets.ts';
import { parseWith } from './validation.ts';

describe('server pieces', () => {
  let opened: OpenDatabase;
  let web: string;
  beforeAll(async () => {
    opened = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(opened.db, 'sqlite');
    web = mkdtempSync(join(tmpdir(), 'daihoi-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Đại Hội</title>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
  });
  afterAll(async () => { await opened.close(); });

  it('serves the built web app with an SPA fallback, and a JSON 404 under /api', async () => {
    const app = await buildServer({ db: opened.db, dialect: 'sqlite', webRoot: web, version: '9.9.9' });
    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    const deep = await app.inject('/dai-hoi/lso-khoi-xiv/man-hinh');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Đại Hội</title>');
    const api = await app.inject('/api/khong-co');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not-found', message_vi: 'Không có đường dẫn này.' } });
    const health = await app.inject('/api/health');
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });

  it('answers API paths only when there is no web app', async () => {
    const app = await buildServer({ db: opened.db, dialect: 'sqlite', webRoot: join(web, 'missing') });
    expect((await app.inject('/')).statusCode).toBe(404);
    await app.close();
  });

  it('maps malformed JSON and a wrong content type to 400/415 with both languages', async () => {
    const app = await buildServer({ db: opened.db, dialect: 'sqlite' });
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad-json', field: 'body' } });
    const form = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.message_vi).toContain('application/json');
    await app.close();
  });

  it('checks the origin of state-changing requests', () => {
    expect(sameOrigin('http://localhost:8080', 'localhost:8080')).toBe(true);
    expect(sameOrigin('https://evil.example', 'localhost:8080')).toBe(false);
    expect(sameOrigin('not a url', 'localhost:8080')).toBe(false);
  });

  it('explains zod failures with the field path in Vietnamese and English', () => {
    const r = parseWith(z.object({ members: z.array(z.object({ role: z.enum(['head', 'member']) })) }).strict(), { members: [{ role: 'chief' }] }, 'body');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('body.members[0].role');
    expect(r.error.message_vi).toContain('Giá trị không được phép; được phép: head, member.');
    const extra = parseWith(z.object({}).strict(), { isAdmin: true }, 'body');
    expect(!extra.ok && extra.error.message_en).toContain('Unknown field: isAdmin');
  });

  it('accepts a document only when its bytes match its extension', () => {
    expect(documentType('a.pdf', new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(documentType('a.pdf', new TextEncoder().encode('<html>'))).toBeNull();
    expect(documentType('a.exe', new TextEncoder().encode('MZ'))).toBeNull();
    expect(documentType('a.txt', new Uint8Array([0x61, 0x00]))).toBeNull();
    expect(documentType('ghi-chú.txt', new TextEncoder().encode('Văn bản'))).toBe('text/plain');
  });

  it('summarises the resolution targets as the seed congress reports them', () => {
    const rows = [...Array(5).fill({ assessment: 'exceeded' }), ...Array(3).fill({ assessment: 'met' })] as { assessment: 'exceeded' | 'met' }[];
    expect(targetSummary(rows)).toMatchObject({ total: 8, metOrExceeded: 8, exceeded: 5, text_vi: '8/8 chỉ tiêu đạt và vượt, trong đó 5 chỉ tiêu vượt' });
  });
});
