import { formatInteger } from '../../locale/vi.ts';
import { readBackupFile, restoreBackup } from '../../store/backup.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError } from '../io.ts';
import { requireFile, type Command } from '../run.ts';

/** `daihoi restore FILE`: a backed-up congress into this server (ids remapped), refused when its code exists. */
export const restoreCommand: Command = async (args, io) => {
  const file = requireFile('restore', args, io);
  if (file === null) return EXIT_BAD_INPUT;
  const backup = await readBackupFile(file);
  if (!backup.ok) return printError(io, backup.error);
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const restored = await restoreBackup(opened.value.db, backup.value, 'system:cli-restore');
    if (!restored.ok) return printError(io, restored.error);
    const { congressId, congressCode, rows, existingUsers } = restored.value;
    const total = Object.values(rows).reduce((n, c) => n + c, 0);
    const merged = existingUsers.length === 0 ? ''
      : `Tài khoản đã có, được thêm vai trò / existing accounts given the roles: ${existingUsers.join(', ')}\n`;
    io.stdout(`Đã khôi phục đại hội "${congressCode}" (#${congressId}): ${formatInteger(total)} dòng.\n`
      + `Restored congress "${congressCode}" (#${congressId}): ${total} rows.\n${merged}`);
    return EXIT_OK;
  } finally {
    await opened.value.close();
  }
};
