/**
 * `daihoi user …` on the configured database (--database, as every command): add and password print the new
 * password once on a `mật khẩu / password:` line and it must be changed at the first sign-in; unlock lifts the
 * hold of failed sign-ins; disable ends sessions at once (never the last server administrator); refused input
 * exits 2 with Vietnamese then English and changes nothing. A real server on the same database checks the effects.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { Client } from '../api/support/client.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { daihoi } from './run-cli.ts';

const passwordOf = (stdout: string): string => {
  const m = /^ {2}mật khẩu \/ password: (\S+)$/mu.exec(stdout);
  if (m === null) throw new Error(`no password line in: ${stdout}`);
  return m[1]!;
};

describeEachDatabase('cli: daihoi user', (db) => {
  const user = (...args: string[]) => daihoi(['user', ...args, '--database', db.database.url]);
  let server: RunningServer;
  let password = '';
  afterAll(async () => { await server?.stop(); });

  beforeAll(async () => {
    // Accounts made before the server's first start: it then makes no administrator of its own.
    const boss = user('add', 'truong.ban', '--server-admin', '--name', 'Trưởng Ban Tổ chức');
    expect(boss.status, boss.stderr).toBe(0);
    const add = user('add', 'thu.ky', '--name', 'Nguyễn Thị Thư Ký');
    expect(add.status, add.stderr).toBe(0);
    password = passwordOf(add.stdout);
    server = await startServer(db.database.env);
  });

  it('add: the password printed once, to be changed at the first sign-in; audited as the CLI', async () => {
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/u);
    const row = await db.db.selectFrom('users').selectAll().where('username', '=', 'thu.ky').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ display_name: 'Nguyễn Thị Thư Ký', is_server_admin: 0, must_change_password: 1, disabled_at: null });
    const c = new Client(server.url);
    expect((await c.login('thu.ky', password)).body).toMatchObject({ mustChangePassword: true });
    expect((await c.get('/api/congresses')).status).toBe(403);
    const entry = await db.db.selectFrom('audit_log').select(['actor', 'action']).where('subject', '=', `user:${row.id}`).executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor: 'cli', action: 'user.create' });
  });

  it('refuses a duplicate, a malformed name, an unknown account and a bad action with exit 2, changing nothing', async () => {
    const count = async () => (await db.db.selectFrom('users').select('id').execute()).length;
    const before = await count();
    for (const args of [['add', 'thu.ky'], ['add', 'Nguyễn Văn'], ['password', 'khong.co'], ['xoa', 'thu.ky'], ['add'], ['list', 'x']]) {
      const r = user(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^(Lỗi|Cách dùng)/u);
    }
    expect(user('add', 'thu.ky').stderr).toBe('Lỗi: tên đăng nhập "thu.ky" đã có.\nError: the username "thu.ky" exists.\n');
    expect(await count()).toBe(before);
  });

  it('list: every account with its state', () => {
    const r = user('list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^thu\.ky\tNguyễn Thị Thư Ký\tkhông \/ no\thoạt động \/ active; phải đổi mật khẩu/mu);
    expect(r.stdout).toMatch(/^truong\.ban\tTrưởng Ban Tổ chức\tcó \/ yes\t/mu);
  });

  it('unlock: the account held by failed sign-ins signs in again', async () => {
    const c = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await c.login('thu.ky', `sai-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(user('list').stdout).toMatch(/^thu\.ky\t.*tạm khoá đến \/ held until/mu);
    const r = user('unlock', 'thu.ky');
    expect([r.status, r.stdout]).toEqual([0, 'Đã mở khoá "thu.ky" (1 địa chỉ) / Unlocked "thu.ky" (1 address(es)).\n']);
    expect((await c.login('thu.ky', password)).status).toBe(200);
    expect(user('unlock', 'thu.ky').stdout).toMatch(/không bị khoá/u);
  });

  it('password: a new one printed once; the old one stops, sessions end, it must be changed', async () => {
    const c = new Client(server.url);
    expect((await c.login('thu.ky', password)).status).toBe(200);
    const r = user('password', 'thu.ky');
    expect(r.status).toBe(0);
    const fresh = passwordOf(r.stdout);
    expect(fresh).not.toBe(password);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await c.login('thu.ky', password)).status).toBe(401);
    expect((await c.login('thu.ky', fresh)).body).toMatchObject({ mustChangePassword: true });
    password = fresh;
  });

  it('disable: sessions end at once and it cannot sign in; enable: it can; the last server administrator stays', async () => {
    const c = new Client(server.url);
    expect((await c.login('thu.ky', password)).status).toBe(200);
    expect(user('disable', 'thu.ky').status).toBe(0);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await c.login('thu.ky', password)).status).toBe(401);
    expect(user('enable', 'thu.ky').status).toBe(0);
    expect((await c.login('thu.ky', password)).status).toBe(200);
    const last = user('disable', 'truong.ban');
    expect(last.status).toBe(2);
    expect(last.stderr).toMatch(/^Lỗi: "truong\.ban" là quản trị hệ thống cuối cùng/u);
    const actions = (await db.db.selectFrom('audit_log').select('action').where('actor', '=', 'cli').orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(['user.create', 'user.create', 'user.unlock', 'user.password-reset', 'user.disable', 'user.enable']);
  });
});
