import { readFile } from 'node:fs/promises';
import { backupKeyText, defaultKeyFile, findBackupKey, parseBackupKey, writeKeyFile } from '../../store/backup-key.ts';
import { ruleError } from '../../rules/index.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, type CliIo } from '../io.ts';
import { stringFlag, type Command } from '../command.ts';

const usage = (io: CliIo): number => {
  io.stderr('Cách dùng: daihoi backup-key show [--key TỆP]   |   daihoi backup-key import KHÓA|TỆP [--replace]\n'
    + 'Usage: daihoi backup-key show [--key FILE]   |   daihoi backup-key import KEY|FILE [--replace]\n');
  return EXIT_BAD_INPUT;
};

/** The key's text: given on the command line, or the content of a file. */
const keyArgument = async (arg: string): Promise<string> => {
  if (/^[0-9a-fA-F\s]{64,}$/u.test(arg)) return arg;
  try {
    return await readFile(arg, 'utf8');
  } catch {
    return arg;
  }
};

/**
 * `daihoi backup-key show`: this server's backup key (created when it has none), to carry to another server that
 * must restore this server's backups; `daihoi backup-key import KEY|FILE`: that key into this server's data folder.
 */
export const backupKeyCommand: Command = async (args, io) => {
  const [action, value] = args.positionals;
  if (action === 'show') {
    const key = await findBackupKey({ keyFile: stringFlag(args, 'key'), create: true });
    if (!key.ok) return printError(io, key.error);
    io.stdout(`${backupKeyText(key.value)}\n`);
    io.stderr(`Khóa sao lưu ${key.value.id} (${key.value.source}): giữ bí mật như mật khẩu quản trị.\n`
      + `Backup key ${key.value.id} (${key.value.source}): keep it as secret as an administrator password.\n`);
    return EXIT_OK;
  }
  if (action !== 'import' || value === undefined) return usage(io);
  const key = parseBackupKey(await keyArgument(value), 'KEY');
  if (!key.ok) return printError(io, key.error);
  const path = defaultKeyFile();
  const current = await findBackupKey({ keyFile: path, create: false });
  if (current.ok && current.value.id !== key.value.id && args.flags['replace'] !== true) {
    return printError(io, ruleError('backup.key-exists', `Máy chủ đã có khóa sao lưu khác (${current.value.id}, ${path}): các bản sao lưu cũ của máy chủ cần khóa đó. `
      + 'Chỉ thay khi chắc chắn, với --replace.',
    `This server has another backup key (${current.value.id}, ${path}): its earlier backups need it. Replace it only when sure, with --replace.`, 'key'));
  }
  await writeKeyFile(path, { ...key.value, source: path });
  io.stdout(`Đã nhập khóa sao lưu ${key.value.id} vào ${path}.\nImported backup key ${key.value.id} into ${path}.\n`);
  return EXIT_OK;
};
