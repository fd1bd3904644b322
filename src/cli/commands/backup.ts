import { formatInteger } from '../../locale/vi.ts';
import { createBackup, writeBackupFile } from '../../store/backup.ts';
import { findBackupKey } from '../../store/backup-key.ts';
import { openConfiguredDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, type CliIo } from '../io.ts';
import { requireFile, stringFlag, type Command } from '../command.ts';

const usage = (io: CliIo): number => {
  io.stderr('Cách dùng: daihoi backup TỆP --congress MÃ [--key TỆP-KHÓA] [--database URL]   (TỆP.gz: nén gzip)\n'
    + 'Usage: daihoi backup FILE --congress CODE [--key KEY-FILE] [--database URL]   (FILE.gz: gzip)\n');
  return EXIT_BAD_INPUT;
};

/** `daihoi backup FILE --congress CODE`: a whole congress to one JSON file, signed with the backup key, without passwords. */
export const backupCommand: Command = async (args, io) => {
  const file = requireFile('backup', args, io);
  const code = stringFlag(args, 'congress');
  if (file === null || code === undefined) return usage(io);
  const key = await findBackupKey({ keyFile: stringFlag(args, 'key'), create: true });
  if (!key.ok) return printError(io, key.error);
  const opened = await openConfiguredDatabase(args.flags['database']);
  if (!opened.ok) return printError(io, opened.error);
  try {
    const backup = await createBackup(opened.value.db, code, key.value);
    if (!backup.ok) return printError(io, backup.error);
    await writeBackupFile(file, backup.value);
    const rows = Object.values(backup.value.tables).reduce((n, t) => n + t.length, 0);
    io.stdout(`Đã sao lưu đại hội "${code}" vào ${file}: ${formatInteger(rows)} dòng, `
      + `${formatInteger(backup.value.audit.length)} mục nhật ký; ký bằng khóa sao lưu ${key.value.id} (${key.value.source})\n`
      + `Backed up congress "${code}" to ${file}: ${rows} rows, ${backup.value.audit.length} audit entries; signed with backup key ${key.value.id}.\n`);
    return EXIT_OK;
  } finally {
    await opened.value.close();
  }
};
