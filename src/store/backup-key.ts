/**
 * The key that authenticates backup files (HMAC-SHA256): kept outside the database, so that whoever can read or
 * write the database (or a backup) cannot forge a file that restores. Where it is, first found wins:
 *   1. `--key FILE` of the command;
 *   2. the environment variable DAIHOI_BACKUP_KEY;
 *   3. the file `backup.key` in the data folder (DAIHOI_DATA, default ./data), created on first use (mode 0600).
 * A key is 32 random bytes written as 64 hexadecimal digits. Servers of one province that move backups between
 * them share the key: `daihoi backup-key show` on one, `daihoi backup-key import KEY` on the other.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { dataDirFromEnv } from './db.ts';

export const BACKUP_KEY_ENV = 'DAIHOI_BACKUP_KEY';
export const BACKUP_KEY_FILE_NAME = 'backup.key';

export interface BackupKey {
  /** The 32 bytes of the key. */
  readonly bytes: Buffer;
  /** A short public name of the key (not derived reversibly): a file names the key it was signed with. */
  readonly id: string;
  /** Where it was found, for messages: a file path or the environment variable. */
  readonly source: string;
}

const KEY_TEXT = /^[0-9a-f]{64}$/u;

export const keyId = (bytes: Buffer): string => createHash('sha256').update('daihoi-backup-key-id:').update(bytes).digest('hex').slice(0, 16);

/** The key from its text (64 hexadecimal digits, spaces and case ignored). */
export const parseBackupKey = (text: string, source: string): Result<BackupKey, RuleError> => {
  const hex = text.replace(/\s+/gu, '').toLowerCase();
  if (!KEY_TEXT.test(hex)) {
    return err(ruleError('backup.key-format', `Khóa sao lưu ở ${source} không đúng dạng (cần 64 chữ số thập lục phân).`,
      `The backup key in ${source} is not well formed (64 hexadecimal digits expected).`, 'key'));
  }
  const bytes = Buffer.from(hex, 'hex');
  return ok({ bytes, id: keyId(bytes), source });
};

export const backupKeyText = (key: BackupKey): string => key.bytes.toString('hex');

export const defaultKeyFile = (env: NodeJS.ProcessEnv = process.env): string => join(dataDirFromEnv(env), BACKUP_KEY_FILE_NAME);

const readKeyFile = async (path: string): Promise<Result<BackupKey, RuleError> | null> => {
  try {
    return parseBackupKey(await readFile(path, 'utf8'), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return err(ruleError('backup.key-read', `Không đọc được khóa sao lưu "${path}" (${reason}).`, `Cannot read the backup key "${path}" (${reason}).`, 'key'));
  }
};

/** Writes a key file readable by its owner only. */
export const writeKeyFile = async (path: string, key: BackupKey): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${backupKeyText(key)}\n`, { mode: 0o600 });
};

export interface KeyLookup {
  /** `--key FILE`: that file must hold a key. */
  readonly keyFile?: string | undefined;
  /** Create the data folder's key when there is none (writing a backup); restoring never creates one. */
  readonly create: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

const noKey = (path: string): RuleError => ruleError('backup.no-key',
  `Máy chủ này chưa có khóa sao lưu (${path}, hoặc biến ${BACKUP_KEY_ENV}): nhập khóa của máy chủ đã sao lưu bằng "daihoi backup-key import KHÓA", `
  + 'hoặc dùng --key TỆP.',
  `This server has no backup key (${path}, or ${BACKUP_KEY_ENV}): import the key of the server that wrote the backup with `
  + '"daihoi backup-key import KEY", or pass --key FILE.', 'key');

/** The key of this server (see the top of this file). */
export const findBackupKey = async (lookup: KeyLookup): Promise<Result<BackupKey, RuleError>> => {
  const env = lookup.env ?? process.env;
  if (lookup.keyFile !== undefined) return (await readKeyFile(lookup.keyFile)) ?? err(noKey(lookup.keyFile));
  const fromEnv = env[BACKUP_KEY_ENV]?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return parseBackupKey(fromEnv, BACKUP_KEY_ENV);
  const path = defaultKeyFile(env);
  const found = await readKeyFile(path);
  if (found !== null) return found;
  if (!lookup.create) return err(noKey(path));
  const bytes = randomBytes(32);
  const key = { bytes, id: keyId(bytes), source: path };
  await writeKeyFile(path, key);
  return ok(key);
};

/** HMAC-SHA256 of a text under the key, hexadecimal. */
export const macOf = (key: BackupKey, text: string): string => createHmac('sha256', key.bytes).update(text, 'utf8').digest('hex');

/** Compares two hexadecimal MACs in constant time. */
export const sameMac = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};
