/**
 * Delegate cards: tokens are unguessable — 256 random bits from the system's CSPRNG, base64url, never
 * derived from the delegate's code, id or name, distinct, uniformly spread — guessing them is slowed (30 failed card
 * sign-ins per address, then refused even for a good card), and revoking a card ends the delegate's open session
 * at once. Sessions and passwords are stored only as hashes. On SQLite (none of this depends on the database).
 *
 * Revocation refusing sign-in and check-in, and a new card replacing the old, are in test/api/bad-input.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../api/support/client.ts';
import { cardKey, THROTTLE } from '../../src/server/auth/throttle.ts';
import { setupSmallCongress, type SmallCongress } from '../api/support/congress.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { databasesUnderTest, type TestDatabase } from '../support/databases.ts';

const BASE64URL = /^[A-Za-z0-9_-]{43}$/u;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const sqlite = databasesUnderTest().find((d) => d.dialect === 'sqlite')!;

describe('security: delegate cards and stored secrets [sqlite]', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let c: SmallCongress;
  let admin: Client;
  let C = '';
  beforeAll(async () => {
    database = await sqlite.create();
    server = await startServer(database.env);
    c = await setupSmallCongress(server, 'the-dai-bieu', 6);
    admin = c.clients.admin;
    C = `/api/congresses/${c.code}`;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('issues 256-bit random tokens: base64url, distinct, unrelated to the delegate, evenly spread', async () => {
    const tokens = [...c.cardTokens];
    // Re-issue one card many times: every new token is fresh.
    for (let i = 0; i < 120; i++) {
      const r = await admin.post<{ token: string; payload: string }>(`${C}/delegates/${c.delegateIds[5]}/card`);
      expect(r.status).toBe(200);
      expect(r.body.payload).toBe(`DAIHOI1:${c.code}:${r.body.token}`);
      tokens.push(r.body.token);
    }
    for (const t of tokens) expect(t).toMatch(BASE64URL);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const [i, id] of c.delegateIds.slice(0, 5).entries()) {
      const t = c.cardTokens[i]!;
      expect(t).not.toContain(String(id).padStart(3, '0'));
      expect(t).not.toContain(c.code);
    }
    // 42 leading characters carry 6 random bits each (the 43rd only 4): a chi-square test of their spread over the
    // 64 letters (63 degrees of freedom; critical value for p = 10⁻⁶ ≈ 131). A counter, a timestamp or Math.random in a
    // narrow range would fail it.
    const counts = new Map<string, number>(Array.from(ALPHABET).map((ch) => [ch, 0]));
    for (const t of tokens) for (const ch of t.slice(0, 42)) counts.set(ch, counts.get(ch)! + 1);
    const n = tokens.length * 42;
    const expected = n / 64;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(131);
    // Bits: about half of all bits set (a token is not mostly zeros or a short repeated value).
    const bytes = tokens.flatMap((t) => [...Buffer.from(t, 'base64url')]);
    expect(bytes.length).toBe(tokens.length * 32);
    const ones = bytes.reduce((s, b) => s + b.toString(2).split('1').length - 1, 0) / (bytes.length * 8);
    expect(ones).toBeGreaterThan(0.47);
    expect(ones).toBeLessThan(0.53);
  });

  it('makes every card token in the code base from node:crypto randomBytes(32), directly or through newToken()', () => {
    const root = join(import.meta.dirname, '..', '..', 'src');
    const tokens = readFileSync(join(root, 'server', 'auth', 'tokens.ts'), 'utf8');
    expect(tokens).toMatch(/import \{[^}]*\brandomBytes\b[^}]*\} from 'node:crypto'/u);
    expect(tokens).toMatch(/export const newToken = \(\): string => randomBytes\(32\)\.toString\('base64url'\);/u);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(root);
    let writes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Every place that writes a card token (an object literal `card_token: …` in an insert or update).
      for (const m of text.matchAll(/\bcard_token:\s*([^,}\n]+)/gu)) {
        const value = m[1]!.trim();
        if (/^(string;?|true)$/u.test(value)) continue; // the column's type (schema.ts) or a column list (tables.ts)
        writes += 1;
        if (value === 'token') expect(text, file).toMatch(/const token = newToken\(\);/u);
        else expect(['newToken()', "randomBytes(32).toString('base64url')"], `${file}: card_token: ${value}`).toContain(value);
      }
    }
    expect(writes).toBeGreaterThanOrEqual(3);
  });

  it('ends the delegate\'s open session when the card is revoked', async () => {
    const token = (await admin.get<{ token: string }>(`${C}/delegates/${c.delegateIds[3]}/card`)).body.token;
    const phone = new Client(server.url);
    expect((await phone.post('/api/auth/card', { congress: c.code, token })).status).toBe(200);
    expect((await phone.get(`${C}/sessions`)).status).toBe(200);
    expect((await admin.del(`${C}/delegates/${c.delegateIds[3]}/card`)).status).toBe(200);
    const after = await phone.get<{ error: { code: string } }>(`${C}/sessions`);
    expect(after.status).toBe(401);
    const card = await admin.get<{ error: { code: string; message_vi: string } }>(`${C}/delegates/${c.delegateIds[3]}/card`);
    expect(card.status).toBe(409);
    expect(card.body.error.message_vi).toContain('thu hồi');
  });

  it('ends the delegate\'s open session when their status becomes "not summoned"; its card is refused; summoned again, it signs in', async () => {
    const id = c.delegateIds[4]!;
    const token = (await admin.get<{ token: string }>(`${C}/delegates/${id}/card`)).body.token;
    const phone = new Client(server.url);
    expect((await phone.post('/api/auth/card', { congress: c.code, token })).status).toBe(200);
    expect((await phone.get(`${C}/sessions`)).status).toBe(200);
    expect((await admin.put(`${C}/delegates/${id}/status`, { status: 'not-summoned', reason: 'Chuyển sinh hoạt đảng' })).status).toBe(200);
    expect((await phone.get(`${C}/sessions`)).status).toBe(401);
    expect((await phone.post('/api/auth/card', { congress: c.code, token })).status).toBe(401);
    expect((await admin.put(`${C}/delegates/${id}/status`, { status: 'summoned' })).status).toBe(200);
    expect((await phone.post('/api/auth/card', { congress: c.code, token })).status).toBe(200);
  });

  it('stores session tokens and passwords only as hashes', async () => {
    const cookie = admin.cookie!;
    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    const sessions = await database.db.selectFrom('auth_sessions').select('id').execute();
    expect(sessions.some((s) => s.id === token)).toBe(false);
    expect(sessions.some((s) => s.id === createHash('sha256').update(token, 'utf8').digest('hex'))).toBe(true);
    const users = await database.db.selectFrom('users').select(['username', 'password_hash']).execute();
    for (const u of users) expect(u.password_hash, u.username).toMatch(/^\$argon2id\$/u);
  });

  it('slows guessing of card tokens: after 30 failures from one address even a good card is refused (429)', async () => {
    const guesser = new Client(server.url);
    // Earlier tests of this file failed from this address too: they count.
    const before = (await database.db.selectFrom('sign_in_throttle').select('failures').where('key', '=', cardKey('127.0.0.1')).executeTakeFirst())?.failures ?? 0;
    const free = THROTTLE.cardFree - before;
    const statuses: number[] = [];
    for (let i = 0; i <= free; i++) {
      const guess = Buffer.alloc(32, i).toString('base64url');
      statuses.push((await guesser.post('/api/auth/card', { congress: c.code, token: guess })).status);
    }
    expect(statuses.slice(0, free)).toEqual(Array.from({ length: free }, () => 401));
    expect(statuses[free]).toBe(429);
    const good = await guesser.post<{ error: { code: string; message_vi: string } }>('/api/auth/card', { congress: c.code, token: c.cardTokens[0] });
    expect(good.status).toBe(429);
    // The first wait, growing with each further failure as for passwords.
    expect(good.body.error.message_vi).toContain('thử lại sau 30 giây');
  });
});
