/**
 * Failed sign-ins hold an account at the address they come from, not everywhere: 25 wrong passwords sent at once
 * from one address reach the password check only 5 times (the old count-then-check let all 25 through), the
 * right password from another address still signs in, the holder's own address stays held even for the right
 * password, and a server administrator's unlock lifts the hold. Runs on SQLite and PostgreSQL.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from '../api/support/client.ts';
import { signedInAdmin } from '../api/support/congress.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { attemptSucceeded, delayAfter, reserveAttempt, THROTTLE } from '../../src/server/auth/throttle.ts';

/** A client whose connections come from another loopback address (127.0.0.0/8 is all this machine). */
const from = (address: string) => ({
  login: (base: string, username: string, password: string): Promise<{ status: number; code: string | null }> =>
    post(address, `${base}/api/auth/login`, { username, password }),
  card: (base: string, code: string): Promise<{ status: number; code: string | null }> => post(address, `${base}/api/auth/card-anywhere`, { code }),
});

const post = (address: string, to: string, payload: unknown): Promise<{ status: number; code: string | null }> =>
  new Promise((resolve, reject) => {
    const url = new URL(to);
    const body = JSON.stringify(payload);
    const req = request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: address, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => {
        const parsed = JSON.parse(text) as { error?: { code: string } };
        resolve({ status: res.statusCode ?? 0, code: parsed.error?.code ?? null });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

describeEachDatabase('security: sign-in throttling per account and address', (db) => {
  let server: RunningServer;
  let admin: Client;
  const password = 'mat-khau-nan-nhan-123';
  let victimId = 0;
  const attacker = from('127.0.0.2');
  const home = from('127.0.0.3');
  beforeAll(async () => {
    server = await startServer(db.database.env);
    admin = await signedInAdmin(server);
    const u = await admin.post<{ id: number }>('/api/users', { username: 'nan.nhan', displayName: 'Nạn Nhân', password });
    expect(u.status).toBe(201);
    victimId = u.body.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('checks only 5 of 25 parallel wrong passwords from one address; the others are refused before any check', async () => {
    const all = await Promise.all(Array.from({ length: 25 }, (_, i) => attacker.login(server.url, 'nan.nhan', `sai-${i}`)));
    const checked = all.filter((r) => r.status === 401);
    const held = all.filter((r) => r.status === 429);
    expect(checked).toHaveLength(5);
    expect(held).toHaveLength(20);
    expect(held.every((r) => r.code === 'auth.throttled')).toBe(true);
    // Held at that address: even the right password is not looked at.
    expect((await attacker.login(server.url, 'nan.nhan', password)).status).toBe(429);
  });

  it('lets the right password in from another address, and counts that address on its own', async () => {
    expect(await home.login(server.url, 'nan.nhan', password)).toEqual({ status: 200, code: null });
    expect((await home.login(server.url, 'nan.nhan', 'sai-o-nha')).status).toBe(401);
    expect((await home.login(server.url, 'nan.nhan', password)).status).toBe(200);
  });

  it('shows the hold on the accounts list, and a server administrator\'s unlock lifts it (audited)', async () => {
    const list = await admin.get<Array<{ id: number; lockedUntil: string | null }>>('/api/users');
    const until = list.body.find((u) => u.id === victimId)?.lockedUntil ?? null;
    expect(until).not.toBeNull();
    expect(Date.parse(until!)).toBeGreaterThan(Date.now());
    const unlocked = await admin.post<{ lockedUntil: string | null }>(`/api/users/${victimId}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await attacker.login(server.url, 'nan.nhan', password)).status).toBe(200);
    // Nothing left to unlock.
    expect((await admin.post(`/api/users/${victimId}/unlock`)).status).toBe(409);
    const audit = await db.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'in', ['user.unlock', 'auth.held']).execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'auth.held', subject: `user:${victimId}` }, { action: 'user.unlock', subject: `user:${victimId}` },
    ]));
  });

  it('holds a wrong current password on a password change the same way', async () => {
    const c = new Client(server.url);
    expect((await c.login('nan.nhan', password)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await c.post('/api/auth/password', { currentPassword: `sai-${i}`, newPassword: 'mat-khau-moi-1234' })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    expect((await c.post('/api/auth/password', { currentPassword: password, newPassword: 'mat-khau-moi-1234' })).status).toBe(429);
    expect((await admin.post(`/api/users/${victimId}/unlock`)).status).toBe(200);
    expect((await c.post('/api/auth/password', { currentPassword: password, newPassword: 'mat-khau-moi-1234' })).status).toBe(200);
  });

  it('holds an address that sprays many accounts (50 failures, whatever the names)', async () => {
    const sprayer = from('127.0.0.4');
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await sprayer.login(server.url, `ten-${i}`, 'mat-khau-pho-bien')).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    // Another address is not held by it.
    expect((await home.login(server.url, 'ten-0', 'mat-khau-pho-bien')).status).toBe(401);
  });

  it(`looks up only ${THROTTLE.cardFree} of 40 parallel wrong card codes from one address; the others are refused before`, async () => {
    const guesser = from('127.0.0.5');
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => guesser.card(server.url, `ZZZZZ-ZZZ${'ABCDEFGHJK'[i % 10]!}${'ABCD'[i % 4]!}`)));
    expect(all.filter((r) => r.status === 401)).toHaveLength(THROTTLE.cardFree);
    expect(all.filter((r) => r.status === 429 && r.code === 'auth.throttled')).toHaveLength(40 - THROTTLE.cardFree);
    // Another address still signs in by card (refused here only because the code is wrong).
    expect((await home.card(server.url, 'ZZZZZ-ZZZZZ')).status).toBe(401);
  });
});

describeEachDatabase('security: the hold doubles with each failure after the free ones, up to its cap', (db) => {
  const t0 = Date.parse('2025-07-15T08:00:00.000Z');
  const at = (ms: number): Date => new Date(t0 + ms);

  it('waits 30 s after the 5th failure, then 60 s, 120 s … never more than 15 minutes; a success forgets', async () => {
    expect([4, 5, 6, 7, 8, 9, 10, 40].map((n) => delayAfter(n, THROTTLE.accountFree)))
      .toEqual([null, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    let clock = 0;
    for (let i = 1; i <= 5; i++) expect(await reserveAttempt(db.db, 'can.bo', '10.0.0.9', at(clock))).toEqual({ ok: true, failures: i });
    // Held: refused until the instant the 5th failure set, then one more try, then twice as long.
    for (const wait of [30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]) {
      const held = await reserveAttempt(db.db, 'can.bo', '10.0.0.9', at(clock + 1));
      expect(held).toEqual({ ok: false, until: at(clock + wait).toISOString() });
      expect((await reserveAttempt(db.db, 'can.bo', '10.0.0.9', at(clock + wait - 1))).ok).toBe(false);
      clock += wait;
      expect((await reserveAttempt(db.db, 'can.bo', '10.0.0.9', at(clock))).ok).toBe(true);
    }
    // The same account from elsewhere, and another account here, are free.
    expect(await reserveAttempt(db.db, 'can.bo', '10.0.0.10', at(clock + 1))).toEqual({ ok: true, failures: 1 });
    expect(await reserveAttempt(db.db, 'nguoi.khac', '10.0.0.9', at(clock + 1))).toEqual({ ok: true, failures: 1 });
    await attemptSucceeded(db.db, 'can.bo', '10.0.0.10');
    expect(await reserveAttempt(db.db, 'can.bo', '10.0.0.10', at(clock + 2))).toEqual({ ok: true, failures: 1 });
    // A count untouched for a day is forgotten.
    expect(await reserveAttempt(db.db, 'can.bo', '10.0.0.9', at(clock + 900_000 + THROTTLE.forgetAfterMs + 1))).toEqual({ ok: true, failures: 1 });
  });
});
