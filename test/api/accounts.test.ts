/**
 * Accounts: the first administrator must change the printed password (until then the server answers only me,
 * the password change and sign-out); every user changes their own; the server administrator creates accounts
 * (the password made by the server, shown once, to be changed), disables and enables them (sessions end at
 * once), gives new passwords; a congress administrator grants and revokes roles. Every write: validated with a
 * Vietnamese message, refused without effect, audited. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client, type ErrorReply } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Account {
  id: number; username: string; displayName: string; isServerAdmin: boolean; disabledAt: string | null; lockedUntil: string | null;
  lastSignInAt: string | null; mustChangePassword: boolean; createdAt: string;
}
type Created = { id: number; username: string; password: string | null; mustChangePassword: boolean };

describeEachDatabase('api: accounts', (db) => {
  let server: RunningServer;
  let admin: Client;
  const newAdminPassword = 'quan-tri-moi-2025';
  const auditCount = async (): Promise<number> =>
    Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const actions = async (subject: string): Promise<string[]> =>
    (await db.db.selectFrom('audit_log').select('action').where('subject', '=', subject).orderBy('id').execute()).map((r) => r.action);

  beforeAll(async () => {
    server = await startServer(db.database.env, [], [], { keepPrintedPassword: true });
  });
  afterAll(async () => { await server?.stop(); });

  describe('first start', () => {
    it('signs in with the printed password, and answers nothing but me, the password change and sign-out until it is changed', async () => {
      expect(server.output()).toMatch(/mật khẩu \/ password: \S{20}\n/u);
      admin = new Client(server.url);
      const login = await admin.login('admin', server.printedPassword);
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ username: 'admin', isServerAdmin: true, mustChangePassword: true });
      const me = await admin.get<{ mustChangePassword: boolean }>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.mustChangePassword).toBe(true);
      for (const [method, path] of [['GET', '/api/users'], ['GET', '/api/congresses'], ['POST', '/api/users']] as const) {
        const r = await admin.call<ErrorReply>(method, path, method === 'POST' ? { username: 'x.y.z', displayName: 'X' } : undefined);
        expect(r.status, `${method} ${path}`).toBe(403);
        expect(r.body.error.code).toBe('auth.must-change-password');
        expect(r.body.error.message_vi).toMatch(/phải đổi mật khẩu/u);
      }
      expect(await db.db.selectFrom('users').select('id').where('username', '=', 'x.y.z').executeTakeFirst()).toBeUndefined();
    });

    it('refuses a new password that is the current one, too short, or a wrong current one, with Vietnamese messages', async () => {
      const same = await admin.post<ErrorReply>('/api/auth/password', { currentPassword: server.printedPassword, newPassword: server.printedPassword });
      expect(same.status).toBe(400);
      expect(same.body.error.message_vi).toMatch(/khác mật khẩu hiện tại/u);
      const short = await admin.post<ErrorReply>('/api/auth/password', { currentPassword: server.printedPassword, newPassword: 'ngan' });
      expect(short.status).toBe(400);
      expect(short.body.error.message_vi).toMatch(/newPassword.*tối thiểu 10/u);
      const wrong = await admin.post<ErrorReply>('/api/auth/password', { currentPassword: 'khong-phai', newPassword: newAdminPassword });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.message_vi).toBe('Mật khẩu hiện tại không đúng.');
      expect((await admin.get('/api/users')).status).toBe(403);
    });

    it('after the change, the administrator works; the printed password no longer signs in', async () => {
      const before = await auditCount();
      expect((await admin.post('/api/auth/password', { currentPassword: server.printedPassword, newPassword: newAdminPassword })).status).toBe(200);
      expect(await auditCount()).toBe(before + 1);
      expect((await admin.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(false);
      expect((await admin.get('/api/users')).status).toBe(200);
      expect((await new Client(server.url).login('admin', server.printedPassword)).status).toBe(401);
      const again = new Client(server.url);
      expect((await again.login('admin', newAdminPassword)).body).toMatchObject({ mustChangePassword: false });
    });
  });

  describe('the server administrator\'s accounts', () => {
    let c: SmallCongress;
    let created: Created;
    beforeAll(async () => {
      // setupSmallCongress signs in as admin with adminPassword: give it the changed one.
      c = await setupSmallCongress({ ...server, adminPassword: newAdminPassword }, 'tai-khoan', 2);
    });

    it('creates an account with a password made by the server, shown once, to be changed at the first sign-in (audited)', async () => {
      const r = await admin.post<Created>('/api/users', { username: 'Thu.Ky', displayName: 'Nguyễn Thị Thư Ký' });
      expect(r.status).toBe(201);
      created = r.body;
      expect(created).toMatchObject({ username: 'thu.ky', mustChangePassword: true });
      expect(created.password).toMatch(/^[A-Za-z2-9]{20}$/u);
      expect(await actions(`user:${created.id}`)).toEqual(['user.create']);
      const stored = await db.db.selectFrom('users').select(['password_hash', 'must_change_password']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(stored.password_hash).not.toContain(created.password!);
      expect(stored.must_change_password).toBe(1);
      const list = await admin.get<Account[]>('/api/users');
      const row = list.body.find((a) => a.id === created.id)!;
      expect(row).toMatchObject({ displayName: 'Nguyễn Thị Thư Ký', isServerAdmin: false, disabledAt: null, lockedUntil: null, lastSignInAt: null, mustChangePassword: true });
      expect(JSON.stringify(list.body)).not.toContain(created.password!);

      const user = new Client(server.url);
      expect((await user.login('thu.ky', created.password!)).body).toMatchObject({ mustChangePassword: true });
      expect((await user.get(`/api/congresses/${c.code}`)).status).toBe(403);
      expect((await user.post('/api/auth/password', { currentPassword: created.password, newPassword: 'thu-ky-rieng-2025' })).status).toBe(200);
      const after = (await admin.get<Account[]>('/api/users')).body.find((a) => a.id === created.id)!;
      expect(after.mustChangePassword).toBe(false);
      expect(after.lastSignInAt).not.toBeNull();
    });

    it('refuses a duplicate or malformed username, an empty name, unknown fields — with no row and no audit entry', async () => {
      const before = await auditCount();
      const users = (await admin.get<Account[]>('/api/users')).body.length;
      const dup = await admin.post<ErrorReply>('/api/users', { username: 'thu.ky', displayName: 'Trùng' });
      expect(dup.status).toBe(409);
      expect(dup.body.error.message_vi).toBe('Tên đăng nhập "thu.ky" đã có.');
      const accents = await admin.post<ErrorReply>('/api/users', { username: 'nguyễn', displayName: 'Có dấu' });
      expect(accents.status).toBe(400);
      expect(accents.body.error.message_vi).toMatch(/chữ thường không dấu/u);
      expect((await admin.post('/api/users', { username: 'hop.le', displayName: '   ' })).status).toBe(400);
      expect((await admin.post('/api/users', { username: 'hop.le', displayName: 'Hợp Lệ', isServerAdmin: 'yes' })).status).toBe(400);
      expect((await admin.post('/api/users', { username: 'hop.le', displayName: 'Hợp Lệ', role: 'admin' })).status).toBe(400);
      expect(await auditCount()).toBe(before);
      expect((await admin.get<Account[]>('/api/users')).body.length).toBe(users);
    });

    it('only a server administrator manages accounts: a congress administrator is refused', async () => {
      const congressAdmin = c.clients.admin;
      const before = await actions(`user:${created.id}`);
      expect((await congressAdmin.get('/api/users')).status).toBe(403);
      expect((await congressAdmin.post('/api/users', { username: 'lau.ca', displayName: 'Lấu' })).status).toBe(403);
      expect((await congressAdmin.put(`/api/users/${created.id}/disabled`, { disabled: true })).status).toBe(403);
      expect((await congressAdmin.post(`/api/users/${created.id}/password`)).status).toBe(403);
      expect((await congressAdmin.post(`/api/users/${created.id}/unlock`)).status).toBe(403);
      expect(await actions(`user:${created.id}`)).toEqual(before);
    });

    it('disables an account: its sessions end at once, it cannot sign in; enabled again, it can (audited)', async () => {
      const user = new Client(server.url);
      expect((await user.login('thu.ky', 'thu-ky-rieng-2025')).status).toBe(200);
      const r = await admin.put<Account>(`/api/users/${created.id}/disabled`, { disabled: true });
      expect(r.status).toBe(200);
      expect(r.body.disabledAt).not.toBeNull();
      expect((await user.get('/api/auth/me')).status).toBe(401);
      expect((await user.login('thu.ky', 'thu-ky-rieng-2025')).status).toBe(401);
      expect((await admin.put<ErrorReply>(`/api/users/${created.id}/disabled`, { disabled: true })).status).toBe(409);
      expect((await admin.get<Array<{ username: string }>>(`/api/congresses/${c.code}/users`)).body.map((u) => u.username)).not.toContain('thu.ky');
      expect((await admin.put<Account>(`/api/users/${created.id}/disabled`, { disabled: false })).body.disabledAt).toBeNull();
      expect((await user.login('thu.ky', 'thu-ky-rieng-2025')).status).toBe(200);
      expect(await actions(`user:${created.id}`)).toEqual(['user.create', 'auth.login', 'auth.password', 'auth.login', 'user.disable', 'user.enable', 'auth.login']);
    });

    it('refuses to disable or reset oneself, and unknown accounts', async () => {
      const me = (await admin.get<{ id: number }>('/api/auth/me')).body.id;
      const self = await admin.put<ErrorReply>(`/api/users/${me}/disabled`, { disabled: true });
      expect(self.status).toBe(409);
      expect(self.body.error.message_vi).toMatch(/chính tài khoản của mình/u);
      expect((await admin.post(`/api/users/${me}/password`)).status).toBe(409);
      expect((await admin.put('/api/users/999999/disabled', { disabled: true })).status).toBe(404);
      expect((await admin.post('/api/users/999999/password')).status).toBe(404);
      expect((await admin.post('/api/users/999999/unlock')).status).toBe(404);
      expect((await admin.put(`/api/users/${created.id}/disabled`, {})).status).toBe(400);
      expect((await admin.get<{ mustChangePassword: boolean }>('/api/auth/me')).status).toBe(200);
    });

    it('gives a new password: shown once, the old one stops, sessions end, it must be changed (audited)', async () => {
      const user = new Client(server.url);
      expect((await user.login('thu.ky', 'thu-ky-rieng-2025')).status).toBe(200);
      const r = await admin.post<{ username: string; password: string }>(`/api/users/${created.id}/password`);
      expect(r.status).toBe(200);
      expect(r.body.username).toBe('thu.ky');
      expect(r.body.password).toMatch(/^[A-Za-z2-9]{20}$/u);
      expect((await user.get('/api/auth/me')).status).toBe(401);
      expect((await user.login('thu.ky', 'thu-ky-rieng-2025')).status).toBe(401);
      expect((await user.login('thu.ky', r.body.password)).body).toMatchObject({ mustChangePassword: true });
      expect((await actions(`user:${created.id}`)).at(-2)).toBe('user.password-reset');
    });
  });

  describe('roles at a congress', () => {
    let c: SmallCongress;
    let target = 0;
    beforeAll(async () => {
      c = await setupSmallCongress({ ...server, adminPassword: newAdminPassword }, 'vai-tro', 2);
      target = (await admin.post<Created>('/api/users', { username: 'vai.tro', displayName: 'Trần Văn Vai Trò', password: 'mat-khau-vai-tro' })).body.id;
    });

    it('a congress administrator finds the enabled users and grants each role of the list (counting board with one election)', async () => {
      const C = `/api/congresses/${c.code}`;
      const congressAdmin = c.clients.admin;
      const users = await congressAdmin.get<Array<{ id: number; username: string; displayName: string }>>(`${C}/users`);
      expect(users.status).toBe(200);
      expect(users.body).toContainEqual({ id: target, username: 'vai.tro', displayName: 'Trần Văn Vai Trò' });
      const scope = await congressAdmin.post<ErrorReply>(`${C}/roles`, { userId: target, role: 'counting-board' });
      expect(scope.status).toBe(422);
      expect(scope.body.error.message_vi).toMatch(/Ban Kiểm phiếu phải gắn với một cuộc bầu cử/u);
      const before = await auditCount();
      const g = await congressAdmin.post<{ id: number; displayName: string }>(`${C}/roles`, { userId: target, role: 'secretariat' });
      expect(g.status).toBe(201);
      expect(g.body.displayName).toBe('Trần Văn Vai Trò');
      expect((await congressAdmin.post(`${C}/roles`, { userId: target, role: 'secretariat' })).status).toBe(409);
      const b = await congressAdmin.post(`${C}/roles`, { userId: target, role: 'counting-board', electionId: c.electionId });
      expect(b.status).toBe(201);
      expect(await auditCount()).toBe(before + 2);
      const list = await congressAdmin.get<Array<{ id: number; userId: number; role: string; electionId: number | null; displayName: string }>>(`${C}/roles`);
      const mine = list.body.filter((r) => r.userId === target);
      expect(mine.map((r) => [r.role, r.electionId])).toEqual([['secretariat', null], ['counting-board', c.electionId]]);

      const user = new Client(server.url);
      expect((await user.login('vai.tro', 'mat-khau-vai-tro')).status).toBe(200);
      const me = await user.get<{ roles: Array<{ congress: string; role: string }> }>('/api/auth/me');
      expect(me.body.roles.map((r) => r.role).sort()).toEqual(['counting-board', 'secretariat']);

      const revoke = await congressAdmin.del(`${C}/roles/${g.body.id}`);
      expect(revoke.status).toBe(200);
      expect((await congressAdmin.del(`${C}/roles/${g.body.id}`)).status).toBe(404);
      const entry = await db.db.selectFrom('audit_log').select(['subject', 'payload']).where('action', '=', 'role.revoke').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(entry.subject).toBe(`user:${target}`);
      expect(JSON.parse(entry.payload)).toMatchObject({ role: 'secretariat', electionId: null });
      expect((await user.get<{ roles: Array<{ role: string }> }>('/api/auth/me')).body.roles.map((r) => r.role)).toEqual(['counting-board']);
    });

    it('refuses roles to everyone but the congress\'s administrators', async () => {
      const C = `/api/congresses/${c.code}`;
      for (const role of ['secretariat', 'presidium', 'technician', 'screen', 'counting-board', 'no-role', 'delegate'] as const) {
        expect((await c.clients[role].post(`${C}/roles`, { userId: target, role: 'admin' })).status, role).toBe(403);
        expect((await c.clients[role].get(`${C}/users`)).status, role).toBe(403);
      }
    });
  });
});
