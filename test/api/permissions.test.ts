/**
 * Every route × every role: generated from the permission table, so a new route cannot
 * escape it. A role outside a route's list must get 401 or 403; a role inside must get neither. Runs against a
 * real server process on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/build.ts';
import type { Access, AccessRole } from '../../src/api/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { setupSmallCongress, signedInAdmin, type RoleName, type SmallCongress } from './support/congress.ts';
import { Client } from './support/client.ts';
import { ROUTES } from './support/routes.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ROLE_GRANTS: Readonly<Record<RoleName, readonly AccessRole[]>> = {
  anonymous: [], 'no-role': [], 'server-admin': ['admin'], admin: ['admin'], secretariat: ['secretariat'], presidium: ['presidium'],
  'counting-board': ['counting-board'], 'counting-board-other': ['counting-board'], technician: ['technician'], screen: ['screen'], delegate: ['delegate'],
};
const ROLES = Object.keys(ROLE_GRANTS) as RoleName[];

export const expectedAllowed = (access: Access, url: string, role: RoleName): boolean => {
  if (access === 'public') return true;
  if (role === 'anonymous') return false;
  if (access === 'signed-in') return true;
  if (access === 'server-admin') return role === 'server-admin';
  const grants = role === 'counting-board-other' && url.includes(':electionId') ? [] : ROLE_GRANTS[role];
  return grants.some((g) => access.includes(g));
};

const concrete = (url: string, method: string, c: SmallCongress): string =>
  url.replace(':code', c.code).replace(':electionId', String(c.electionId)).replace(':round', '1')
    .replace(':id', method === 'GET' && url.endsWith('/delegates/:id') ? String(c.delegateIds[0]) : '999999');

describe('the contract', () => {
  it('lists exactly the routes the server registers', async () => {
    const opened = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(opened.db, 'sqlite');
    const seen: string[] = [];
    const app = await buildServer({ db: opened.db, dialect: 'sqlite', onRoute: (m, u) => seen.push(`${m} ${u}`) });
    await app.ready();
    const api = seen.filter((k) => k.split(' ')[1]!.startsWith('/api/'));
    expect(new Set(api)).toEqual(new Set(ROUTES.map((r) => r.key)));
    await app.close();
    await opened.close();
  });
});

describeEachDatabase('api: every route × every role', (db) => {
  let server: RunningServer;
  let c: SmallCongress;
  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'ma-tran');
  });
  afterAll(async () => { await server?.stop(); });

  const entries = ROUTES.map((r) => [r.key, r.access] as [string, Access]);
  // Sign-out ends the caller's session: it runs last.
  const ordered = [...entries.filter(([k]) => k !== 'POST /api/auth/logout'), ...entries.filter(([k]) => k === 'POST /api/auth/logout')];

  it(`checks ${entries.length} routes × ${ROLES.length} roles`, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [key, access] of ordered) {
      const [method, url] = key.split(' ') as [string, string];
      for (const role of ROLES) {
        const client = c.clients[role];
        const path = concrete(url, method, c);
        const r = method === 'GET' || method === 'DELETE' ? await client.call(method, path) : await client.call(method, path, {});
        const allowed = expectedAllowed(access, url, role);
        const refused = r.status === 401 || r.status === 403;
        checked++;
        if (allowed === refused) failures.push(`${key} as ${role}: ${r.status} (expected ${allowed ? 'allowed' : '401/403'}) ${JSON.stringify(r.body).slice(0, 160)}`);
        if (r.status >= 500) failures.push(`${key} as ${role}: ${r.status}`);
        if (!allowed && r.status < 300) failures.push(`${key} as ${role}: unauthorised success ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(entries.length * ROLES.length);
  });

  it('answers a user who must change a given password only me, the password change and the public routes', async () => {
    const root = await signedInAdmin(server);
    const made = await root.post<{ id: number; password: string }>('/api/users', { username: 'ma-tran.doi-mat-khau', displayName: 'Phải đổi' });
    expect(made.status).toBe(201);
    expect((await root.post(`/api/congresses/${c.code}/roles`, { userId: made.body.id, role: 'admin' })).status).toBe(201);
    const user = new Client(server.url);
    expect((await user.login('ma-tran.doi-mat-khau', made.body.password)).status).toBe(200);
    const open = new Set(['GET /api/auth/me', 'POST /api/auth/password']);
    const failures: string[] = [];
    for (const [key, access] of ordered) {
      const [method, url] = key.split(' ') as [string, string];
      const path = concrete(url, method, c);
      const r = method === 'GET' || method === 'DELETE' ? await user.call(method, path) : await user.call(method, path, {});
      const code = (r.body as { error?: { code?: string } } | null)?.error?.code;
      const refused = r.status === 403 && code === 'auth.must-change-password';
      if (access !== 'public' && !open.has(key) && !refused) failures.push(`${key}: ${r.status} ${code ?? ''}`);
      if ((access === 'public' || open.has(key)) && refused) failures.push(`${key}: refused`);
    }
    expect(failures).toEqual([]);
  });
});
