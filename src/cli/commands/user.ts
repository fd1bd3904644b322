/**
 * `daihoi user list | add NAME [--server-admin] [--name "Họ tên"] | password NAME | unlock NAME | disable NAME | enable NAME`:
 * the server administrator's accounts on the configured database (as the accounts screen, for when no one can
 * sign in). A password the command makes is printed once, on a line `mật khẩu / password: …`, and must be
 * changed at the first sign-in. Every change is audited (actor `cli`).
 */
import type { Kysely } from 'kysely';
import { Text } from '../../api/common.ts';
import { Username } from '../../api/auth.ts';
import { formatDateShort, formatTime } from '../../locale/vi.ts';
import { generatePassword, hashPassword } from '../../server/auth/passwords.ts';
import { forgetAccount, heldAccounts } from '../../server/auth/throttle.ts';
import { appendAudit } from '../../store/audit.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import type { Database } from '../../store/schema.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, type CliIo } from '../io.ts';
import { stringFlag, type Command } from '../command.ts';

const USAGE = 'Cách dùng: daihoi user list | add TÊN [--server-admin] [--name "Họ tên"] | password TÊN | unlock TÊN | disable TÊN | enable TÊN\n'
  + 'Usage: daihoi user list | add NAME [--server-admin] [--name "Full name"] | password NAME | unlock NAME | disable NAME | enable NAME\n';

const refuse = (io: CliIo, vi: string, en: string): number => {
  io.stderr(`Lỗi: ${vi}\nError: ${en}\n`);
  return EXIT_BAD_INPUT;
};

const at = (iso: string): string => `${formatTime(new Date(iso))} ${formatDateShort(iso)}`;

const list = async (db: Kysely<Database>, io: CliIo): Promise<number> => {
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const held = await heldAccounts(db, new Date());
  io.stdout('tên đăng nhập / username\thọ tên / name\tquản trị hệ thống / server admin\ttình trạng / status\tđăng nhập lần cuối / last sign-in\n');
  for (const u of users) {
    const status = [u.disabled_at === null ? 'hoạt động / active' : 'vô hiệu hoá / disabled'];
    const until = held.get(u.username);
    if (until !== undefined) status.push(`tạm khoá đến / held until ${at(until)}`);
    if (u.must_change_password === 1) status.push('phải đổi mật khẩu / must change password');
    io.stdout(`${u.username}\t${u.display_name}\t${u.is_server_admin === 1 ? 'có / yes' : 'không / no'}\t${status.join('; ')}\t`
      + `${u.last_sign_in_at === null ? '—' : at(u.last_sign_in_at)}\n`);
  }
  return EXIT_OK;
};

const printPassword = (io: CliIo, username: string, password: string): void => {
  io.stdout(`  tên đăng nhập / username: ${username}\n  mật khẩu / password: ${password}\n`
    + '(Chỉ in một lần; phải đổi khi đăng nhập lần đầu / printed once; to be changed at the first sign-in.)\n');
};

export const userCommand: Command = async (args, io) => {
  const [action, rawName, ...extra] = args.positionals;
  const actions = ['list', 'add', 'password', 'unlock', 'disable', 'enable'];
  if (action === undefined || !actions.includes(action) || (action === 'list') !== (rawName === undefined) || extra.length > 0) {
    io.stderr(USAGE);
    return EXIT_BAD_INPUT;
  }
  let username = '';
  if (rawName !== undefined) {
    const parsed = Username.safeParse(rawName);
    if (!parsed.success) {
      return refuse(io, `tên đăng nhập "${rawName}" chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới; từ 3 đến 50 ký tự.`,
        `the username "${rawName}" may hold lower-case letters without accents, digits, dot, dash and underscore only; 3 to 50 characters.`);
    }
    username = parsed.data;
  }
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  const { db } = opened.value;
  try {
    if (action === 'list') return await list(db, io);
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const entry = (trx: Parameters<typeof appendAudit>[0], act: string, id: number, payload: Record<string, unknown> = {}) =>
      appendAudit(trx, { congressId: null, actor: 'cli', role: 'server-admin', action: act, subject: `user:${id}`, payload: { username, ...payload } });

    if (action === 'add') {
      if (user !== undefined) return refuse(io, `tên đăng nhập "${username}" đã có.`, `the username "${username}" exists.`);
      const name = Text(100).safeParse(stringFlag(args, 'name') ?? username);
      if (!name.success) return refuse(io, 'họ tên (--name) không hợp lệ.', 'the full name (--name) is not valid.');
      const serverAdmin = args.flags['server-admin'] === true;
      const password = generatePassword();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('users').values({
          username, display_name: name.data, password_hash: hash, is_server_admin: serverAdmin ? 1 : 0, disabled_at: null,
          created_at: new Date().toISOString(), must_change_password: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await entry(trx, 'user.create', row.id, { isServerAdmin: serverAdmin, passwordMade: true });
      });
      io.stdout(`Đã tạo tài khoản / Account created${serverAdmin ? ' (quản trị hệ thống / server administrator)' : ''}:\n`);
      printPassword(io, username, password);
      return EXIT_OK;
    }
    if (user === undefined) return refuse(io, `không có tài khoản "${username}".`, `there is no account "${username}".`);

    if (action === 'password') {
      const password = generatePassword();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1 }).where('id', '=', user.id).execute();
        await trx.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute();
        await forgetAccount(trx, username);
        await entry(trx, 'user.password-reset', user.id);
      });
      io.stdout('Đã cấp mật khẩu mới; các phiên đăng nhập của tài khoản đã kết thúc / New password; the account\'s sessions have ended:\n');
      printPassword(io, username, password);
      return EXIT_OK;
    }
    if (action === 'unlock') {
      const forgotten = await db.transaction().execute(async (trx) => {
        const n = await forgetAccount(trx, username);
        if (n > 0) await entry(trx, 'user.unlock', user.id, { addresses: n });
        return n;
      });
      io.stdout(forgotten === 0 ? `Tài khoản "${username}" không bị khoá / The account "${username}" is not held.\n`
        : `Đã mở khoá "${username}" (${forgotten} địa chỉ) / Unlocked "${username}" (${forgotten} address(es)).\n`);
      return EXIT_OK;
    }
    const disable = action === 'disable';
    if ((user.disabled_at !== null) === disable) {
      io.stdout(disable ? `Tài khoản "${username}" đã bị vô hiệu hoá từ trước / The account is disabled already.\n`
        : `Tài khoản "${username}" đang hoạt động / The account is enabled already.\n`);
      return EXIT_OK;
    }
    if (disable && user.is_server_admin === 1) {
      const others = await db.selectFrom('users').select('id').where('is_server_admin', '=', 1).where('disabled_at', 'is', null)
        .where('id', '!=', user.id).limit(1).executeTakeFirst();
      if (others === undefined) {
        return refuse(io, `"${username}" là quản trị hệ thống cuối cùng còn hoạt động: không vô hiệu hoá.`,
          `"${username}" is the last enabled server administrator: not disabled.`);
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ disabled_at: disable ? new Date().toISOString() : null }).where('id', '=', user.id).execute();
      if (disable) await trx.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute();
      await entry(trx, disable ? 'user.disable' : 'user.enable', user.id);
    });
    io.stdout(disable ? `Đã vô hiệu hoá "${username}"; các phiên đăng nhập đã kết thúc / Disabled "${username}"; its sessions have ended.\n`
      : `Đã cho "${username}" hoạt động lại / Enabled "${username}".\n`);
    return EXIT_OK;
  } finally {
    await opened.value.close();
  }
};
