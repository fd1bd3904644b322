/**
 * Backup of a whole congress: every row of every table that belongs to it, documents included, to one JSON file
 * (gzip when the name ends in .gz), signed with the backup key (backup-key.ts), without any password hash; and the
 * first checks of a file coming back: its shape, its signature (an older, unsigned file only when the operator
 * accepts it), its columns. Restoring it (every row checked as the API would, then written) is
 * src/server/restore.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { macOf, sameMac, type BackupKey } from './backup-key.ts';
import {
  BACKUP_FORMAT, BACKUP_LATER_COLUMNS, BACKUP_MAC_ALGORITHM, BACKUP_OMITTED_COLUMNS, BACKUP_TABLES,
  BACKUP_VERSION, backupFileSchema, legacyChecksum, macText, rowsOf,
  type BackupContent, type BackupFile, type BackupTable, type FileCell, type FileRow,
} from './backup-format.ts';
import type { Database } from './schema.ts';
import { TABLES } from './tables.ts';

export type Cell = string | number | null | Uint8Array;
export type Row = Record<string, Cell>;
/** The store seen table-generically: backup walks every table the same way. */
export type LooseDb = Kysely<Record<string, Row>>;
export const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;

const toFile = (row: Row): FileRow => Object.fromEntries(Object.entries(row).map(([k, v]): [string, FileCell] =>
  [k, v instanceof Uint8Array ? { $base64: Buffer.from(v).toString('base64') } : v]));
export const fromFile = (row: FileRow): Row => Object.fromEntries(Object.entries(row).map(([k, v]): [string, Cell] =>
  [k, v !== null && typeof v === 'object' ? new Uint8Array(Buffer.from(v.$base64, 'base64')) : v]));

const notFound = (code: string): RuleError => ruleError('backup.congress-not-found',
  `Không có đại hội mã "${code}".`, `There is no congress with the code "${code}".`, 'congress');

const readTable = async (db: LooseDb, table: BackupTable, congressId: number): Promise<Row[]> => {
  const q = db.selectFrom(table).selectAll().orderBy('id');
  switch (table) {
    case 'congresses':
      return q.where('id', '=', congressId).execute();
    case 'body_members':
      return q.where('body_id', 'in', db.selectFrom('bodies').select('id').where('congress_id', '=', congressId)).execute();
    case 'scan_sheets':
    case 'scan_files':
      return q.where('job_id', 'in', db.selectFrom('scan_jobs').select('id').where('congress_id', '=', congressId)).execute();
    case 'users':
      return q.where((eb) => eb.or([
        eb('id', 'in', eb.selectFrom('user_roles').select('user_id').where('congress_id', '=', congressId)),
        eb('id', 'in', eb.selectFrom('checkins').select('user_id').where('congress_id', '=', congressId)),
        eb('id', 'in', eb.selectFrom('votes').select('recorded_by').where('congress_id', '=', congressId)),
        eb('id', 'in', eb.selectFrom('counting_events').select('operator_user_id').where('congress_id', '=', congressId)),
        eb('id', 'in', eb.selectFrom('scan_jobs').select('created_by').where('congress_id', '=', congressId)),
      ])).execute();
    default:
      return q.where('congress_id', '=', congressId).execute();
  }
};

const omitted = (table: BackupTable): readonly string[] => BACKUP_OMITTED_COLUMNS[table] ?? [];
/** A row without the columns a backup never holds (an older file may have them: never restored). */
export const withoutOmitted = (table: BackupTable, row: FileRow): FileRow => {
  const drop = omitted(table);
  return drop.length === 0 ? row : Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));
};

/** Signs a backup's content with the key (HMAC-SHA256 over its canonical JSON). */
export const signBackup = (content: BackupContent, key: BackupKey): BackupFile =>
  ({ ...content, authentication: { algorithm: BACKUP_MAC_ALGORITHM, keyId: key.id, mac: macOf(key, macText(content)) } });

/** Reads a whole congress into a backup signed with the key; password hashes are never read. */
export const createBackup = async (db: Kysely<Database>, congressCode: string, key: BackupKey): Promise<Result<BackupFile, RuleError>> => {
  const congress = await db.selectFrom('congresses').select('id').where('code', '=', congressCode).executeTakeFirst();
  if (congress === undefined) return err(notFound(congressCode));
  const l = loose(db);
  // One read transaction: a consistent snapshot even while the congress is running.
  const content = await l.transaction().execute(async (trx): Promise<BackupContent> => {
    const tables = {} as Record<BackupTable, FileRow[]>;
    for (const t of BACKUP_TABLES) tables[t] = (await readTable(trx, t, congress.id)).map((r) => withoutOmitted(t, toFile(r)));
    const audit = (await trx.selectFrom('audit_log').selectAll().where('congress_id', '=', congress.id).orderBy('id').execute())
      .map(toFile);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, congressCode, tables, audit, createdAt: new Date().toISOString() };
  });
  return ok(signBackup(content, key));
};

export interface CheckOptions {
  /** This server's backup key; null when it has none (then only an accepted unsigned file can be read). */
  readonly key: BackupKey | null;
  /** The operator accepts a file written before backups were signed (version 1): it is still checked row by row. */
  readonly acceptUnsigned?: boolean;
}

const formatError = (where: string, message: string): RuleError => ruleError('backup.format',
  `Tệp sao lưu không đúng định dạng ${BACKUP_FORMAT} (${where}: ${message}).`, `The backup file is not in the ${BACKUP_FORMAT} format (${where}: ${message}).`, where);

/** Is the file what this server (or a server sharing its key) wrote, unchanged? */
const authenticate = (backup: BackupFile, options: CheckOptions): Result<true, RuleError> => {
  if (backup.version !== BACKUP_VERSION) {
    if (options.acceptUnsigned !== true) {
      return err(ruleError('backup.unsigned', 'Tệp sao lưu theo định dạng cũ, không được ký bằng khóa sao lưu: ai cũng có thể sửa nó. '
        + 'Chỉ khôi phục khi chắc chắn tệp là của mình, với tùy chọn --accept-unsigned (các dòng vẫn được kiểm tra, không khôi phục mật khẩu).',
      'The backup is in the old format, not signed with a backup key: anyone could have edited it. Restore it only when you are sure '
        + 'it is yours, with --accept-unsigned (its rows are still checked; no password is restored).', 'version'));
    }
    return legacyChecksum(backup) === backup.checksum ? ok(true)
      : err(ruleError('backup.checksum', 'Mã kiểm tra (checksum) của tệp sao lưu không khớp: tệp đã bị sửa hoặc hỏng.',
        'The backup checksum does not match: the file was edited or damaged.', 'checksum'));
  }
  const { authentication, ...content } = backup;
  if (options.key === null) {
    return err(ruleError('backup.no-key', `Tệp được ký bằng khóa sao lưu ${authentication.keyId} nhưng máy chủ này chưa có khóa: nhập khóa đó bằng "daihoi backup-key import", hoặc dùng --key TỆP.`,
      `The file is signed with backup key ${authentication.keyId} but this server has no key: import that key with "daihoi backup-key import", or pass --key FILE.`, 'authentication.keyId'));
  }
  if (authentication.keyId !== options.key.id) {
    return err(ruleError('backup.other-key', `Tệp được ký bằng khóa sao lưu ${authentication.keyId}, không phải khóa của máy chủ này (${options.key.id}, ${options.key.source}): `
      + 'nhập khóa của máy chủ đã sao lưu ("daihoi backup-key import"), hoặc dùng --key TỆP.',
    `The file is signed with backup key ${authentication.keyId}, not this server's key (${options.key.id}, ${options.key.source}): import the key of the `
      + 'server that wrote it ("daihoi backup-key import"), or pass --key FILE.', 'authentication.keyId'));
  }
  return sameMac(macOf(options.key, macText(content)), authentication.mac) ? ok(true)
    : err(ruleError('backup.signature', 'Chữ ký (HMAC) của tệp sao lưu không khớp: tệp đã bị sửa hoặc hỏng, không khôi phục.',
      'The backup\'s signature (HMAC) does not match: the file was edited or damaged; not restored.', 'authentication.mac'));
};

/** Every row has exactly its table's columns: those of BACKUP_LATER_COLUMNS may be missing, the omitted ones are ignored. */
const checkColumns = (backup: BackupFile): Result<true, RuleError> => {
  for (const t of BACKUP_TABLES) {
    const drop = omitted(t);
    const expected = TABLES[t].filter((c) => !drop.includes(c)).sort().join(',');
    const later = BACKUP_LATER_COLUMNS[t] ?? [];
    const bad = rowsOf(backup, t).findIndex((r) => {
      const keys = Object.keys(r).filter((k) => !drop.includes(k));
      return [...keys, ...later.filter((c) => !keys.includes(c))].sort().join(',') !== expected;
    });
    if (bad >= 0) {
      return err(ruleError('backup.columns', `Bảng ${t}, dòng ${bad + 1} của tệp sao lưu không có đúng các cột.`,
        `Table ${t}, row ${bad + 1} of the backup does not have the expected columns.`, `tables.${t}[${bad}]`));
    }
  }
  return ok(true);
};

/** The file as written by a server sharing this key: the shape (zod), the signature, every table's columns. */
export const checkBackupFile = (raw: unknown, options: CheckOptions): Result<BackupFile, RuleError> => {
  const parsed = backupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(formatError(issue?.path.join('.') ?? '', issue?.message ?? ''));
  }
  const backup = parsed.data;
  const signed = authenticate(backup, options);
  if (!signed.ok) return signed;
  const columns = checkColumns(backup);
  return columns.ok ? ok(backup) : columns;
};

export const writeBackupFile = async (path: string, backup: BackupFile): Promise<void> => {
  const json = Buffer.from(`${JSON.stringify(backup)}\n`, 'utf8');
  await writeFile(path, path.endsWith('.gz') ? gzipSync(json) : json);
};

/** The file's JSON (gunzipped when it is gzip), not yet checked. */
export const readBackupJson = async (path: string): Promise<Result<unknown, RuleError>> => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return err(ruleError('file.read', `Không đọc được tệp "${path}" (${reason}).`, `Cannot read the file "${path}" (${reason}).`));
  }
  try {
    return ok(JSON.parse((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')) as unknown);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(ruleError('backup.read', `Tệp "${path}" không phải tệp sao lưu đọc được: ${reason}`, `"${path}" is not a readable backup file: ${reason}`));
  }
};
