import { formatInteger } from '../../locale/vi.ts';
import { generatePassword, hashPassword } from '../../server/auth/passwords.ts';
import { readBackupFile, restoreBackup, type RestoreSummary } from '../../server/restore.ts';
import { findBackupKey } from '../../store/backup-key.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError } from '../io.ts';
import { requireFile, stringFlag, type Command } from '../command.ts';

const newPassword = async (): Promise<{ password: string; hash: string }> => {
  const password = generatePassword();
  return { password, hash: await hashPassword(password) };
};

const accountsText = (summary: RestoreSummary): string => {
  if (summary.accounts.length === 0) return '';
  const lines = summary.accounts.map((a) => (a.password === null
    ? `  ${a.username}: tài khoản đã có, được thêm vai trò / existing account, given the roles`
    : `  ${a.username}: mật khẩu mới / new password ${a.password}`));
  return `Tài khoản (hãy đổi mật khẩu sau khi đăng nhập) / accounts (change the password after signing in):\n${lines.join('\n')}\n`;
};

/**
 * `daihoi restore FILE [--with-accounts] [--accept-unsigned] [--key KEY-FILE]`: a backed-up congress into this server
 * (ids remapped), checked first: its signature under the backup key, every row as the API would. Refused when its
 * code exists. Accounts only with --with-accounts, with new passwords.
 */
export const restoreCommand: Command = async (args, io) => {
  const file = requireFile('restore', args, io);
  if (file === null) return EXIT_BAD_INPUT;
  const key = await findBackupKey({ keyFile: stringFlag(args, 'key'), create: false });
  // Without a key only an accepted unsigned file can be read; the refusal of a signed one says how to bring the key.
  if (!key.ok && key.error.code !== 'backup.no-key') return printError(io, key.error);
  const backup = await readBackupFile(file, { key: key.ok ? key.value : null, acceptUnsigned: args.flags['accept-unsigned'] === true });
  if (!backup.ok) return printError(io, backup.error);
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const restored = await restoreBackup(opened.value.db, backup.value, {
      actor: 'system:cli-restore', accounts: args.flags['with-accounts'] === true ? { newPassword } : null,
    });
    if (!restored.ok) return printError(io, restored.error);
    const { congressId, congressCode, rows } = restored.value;
    const total = Object.values(rows).reduce((n, c) => n + c, 0);
    io.stdout(`Đã khôi phục đại hội "${congressCode}" (#${congressId}): ${formatInteger(total)} dòng.\n`
      + `Restored congress "${congressCode}" (#${congressId}): ${total} rows.\n${accountsText(restored.value)}`);
    return EXIT_OK;
  } finally {
    await opened.value.close();
  }
};
