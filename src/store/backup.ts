/**
 * Backup and restore of a whole congress: every row of every table that belongs to it, documents included, to one
 * JSON file (gzip when the name ends in .gz) and back. A backup is signed with the backup key (backup-key.ts) and
 * holds no password hash. A restore trusts nothing in the file: it checks the key's signature (an older, unsigned
 * file only when the operator accepts it), then every row as the API would (backup-rows.ts), remaps every id so
 * the congress can sit next to others, replays every counting batch, and refuses when the congress code exists.
 * Accounts are restored only when asked: without their passwords (each gets a new one-time password) and never
 * as server administrators; an existing account of that name gains the roles.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { roundCounting, batchState } from '../server/counting-data.ts';
import { isUniqueViolation } from '../server/tx.ts';
import { appendAudit } from './audit.ts';
import { remapCandidateIdsInJson } from './backup-json.ts';
import { macOf, sameMac, type BackupKey } from './backup-key.ts';
import { checkBackupRows } from './backup-rows.ts';
import {
  BACKUP_FORMAT, BACKUP_JSON_COLUMNS, BACKUP_LATER_COLUMNS, BACKUP_MAC_ALGORITHM, BACKUP_OMITTED_COLUMNS, BACKUP_REFERENCES, BACKUP_TABLES,
  BACKUP_VERSION, backupFileSchema, legacyChecksum, macText, rowsOf,
  type BackupContent, type BackupFile, type BackupTable, type FileCell, type FileRow,
} from './backup-format.ts';
import type { Database } from './schema.ts';
import { TABLES } from './tables.ts';

type Cell = string | number | null | Uint8Array;
type Row = Record<string, Cell>;
/** The store seen table-generically: backup walks every table the same way. */
type LooseDb = Kysely<Record<string, Row>>;
const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;

const toFile = (row: Row): FileRow => Object.fromEntries(Object.entries(row).map(([k, v]): [string, FileCell] =>
  [k, v instanceof Uint8Array ? { $base64: Buffer.from(v).toString('base64') } : v]));
const fromFile = (row: FileRow): Row => Object.fromEntries(Object.entries(row).map(([k, v]): [string, Cell] =>
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
const withoutOmitted = (table: BackupTable, row: FileRow): FileRow => {
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

declare const checkedBrand: unique symbol;
/** A backup that passed checkBackup: the only kind restoreBackup takes. */
export type CheckedBackup = BackupFile & { readonly [checkedBrand]: true };

/** Checks a parsed backup: the shape (zod), the signature, every table's columns, then every row as the API would. */
export const checkBackup = (raw: unknown, options: CheckOptions): Result<CheckedBackup, RuleError> => {
  const parsed = backupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(formatError(issue?.path.join('.') ?? '', issue?.message ?? ''));
  }
  const backup = parsed.data;
  const checks = [authenticate, checkColumns, checkBackupRows] as const;
  for (const check of checks) {
    const r = check(backup, options);
    if (!r.ok) return r;
  }
  return ok(backup as CheckedBackup);
};

export const writeBackupFile = async (path: string, backup: BackupFile): Promise<void> => {
  const json = Buffer.from(`${JSON.stringify(backup)}\n`, 'utf8');
  await writeFile(path, path.endsWith('.gz') ? gzipSync(json) : json);
};

export const readBackupFile = async (path: string, options: CheckOptions): Promise<Result<CheckedBackup, RuleError>> => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return err(ruleError('file.read', `Không đọc được tệp "${path}" (${reason}).`, `Cannot read the file "${path}" (${reason}).`));
  }
  let raw: unknown;
  try {
    raw = JSON.parse((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(ruleError('backup.read', `Tệp "${path}" không phải tệp sao lưu đọc được: ${reason}`, `"${path}" is not a readable backup file: ${reason}`));
  }
  return checkBackup(raw, options);
};

export interface RestoredAccount {
  readonly username: string;
  /** The new one-time password of an account created by the restore; null for an existing account given the roles. */
  readonly password: string | null;
}

export interface RestoreSummary {
  readonly congressId: number;
  readonly congressCode: string;
  readonly rows: Readonly<Record<BackupTable, number>>;
  /** Accounts restored (only when asked). */
  readonly accounts: readonly RestoredAccount[];
}

export interface RestoreOptions {
  /** The audit actor. */
  readonly actor?: string;
  /**
   * Restore the file's accounts and their roles (otherwise none: the records keep no link to a user): a new account
   * gets the password `newPassword` makes (its hash is stored, the password told once); an existing one keeps its own.
   */
  readonly accounts?: { readonly newPassword: () => Promise<{ readonly password: string; readonly hash: string }> } | null;
}

type IdMaps = Record<BackupTable, Map<number, number>>;

const mapRef = (maps: IdMaps, table: BackupTable, column: string, old: Cell): Result<number | null, RuleError> => {
  if (old === null) return ok(null);
  const ref = BACKUP_REFERENCES[table][column]!;
  // Without the accounts, every link to a user is left empty (the records say who by name where it matters).
  if (ref.table === 'users' && maps.users.size === 0) return ok(null);
  const mapped = typeof old === 'number' ? maps[ref.table].get(old) : undefined;
  return mapped === undefined
    ? err(ruleError('backup.reference', `Bảng ${table}, cột ${column}: tham chiếu ${String(old)} không có trong tệp sao lưu.`,
      `Table ${table}, column ${column}: the reference ${String(old)} is not in the backup.`, `tables.${table}.${column}`))
    : ok(mapped);
};

const candidateMap = (maps: IdMaps) => (oldId: string): string | undefined => {
  const n = /^\d+$/.test(oldId) ? maps.candidates.get(Number(oldId)) : undefined;
  return n === undefined ? undefined : String(n);
};

/** Tables inserted after the candidates can have their JSON remapped at once. */
const candidatesKnown = (table: BackupTable): boolean => BACKUP_TABLES.indexOf(table) > BACKUP_TABLES.indexOf('candidates');

const remapJson = (table: BackupTable, row: Row, maps: IdMaps): void => {
  for (const column of BACKUP_JSON_COLUMNS[table] ?? []) {
    const text = row[column];
    if (typeof text === 'string') row[column] = remapCandidateIdsInJson(text, candidateMap(maps));
  }
};

class RestoreRefused extends Error {
  constructor(readonly error: RuleError) {
    super(error.message_en);
  }
}

/** A row the database refuses (a UNIQUE index) is a refusal naming the row, never a crash. */
const insertRow = async (trx: LooseDb, table: BackupTable, index: number, row: Row): Promise<number> => {
  try {
    const inserted = await trx.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted['id']);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new RestoreRefused(ruleError('backup.duplicate', `Tệp sao lưu, bảng ${table}, dòng ${index + 1}: một giá trị phải duy nhất bị trùng.`,
      `Backup file, table ${table}, row ${index + 1}: a value that must be unique repeats.`, `tables.${table}[${index}]`));
  }
};

/**
 * Card tokens are unique on the whole server: one already here means this congress was restored here already
 * (perhaps under another code) — said so, by row, before anything is written.
 */
const cardsNotHere = async (trx: LooseDb, backup: BackupFile): Promise<void> => {
  const rows = rowsOf(backup, 'delegates');
  for (let from = 0; from < rows.length; from += 500) {
    const tokens = rows.slice(from, from + 500).map((r) => String(r['card_token']));
    const found = await trx.selectFrom('delegates').select('card_token').where('card_token', 'in', tokens).limit(1).executeTakeFirst();
    if (found === undefined) continue;
    const index = rows.findIndex((r) => r['card_token'] === found['card_token']);
    throw new RestoreRefused(ruleError('backup.duplicate',
      `Tệp sao lưu, bảng delegates, dòng ${index + 1}, cột card_token — thẻ đại biểu này đã có trên máy chủ: đại hội đã được khôi phục ở đây (có thể với mã khác).`,
      `Backup file, table delegates, row ${index + 1}, column card_token — this delegate card is already on this server: the congress was restored here already (perhaps under another code).`,
      `tables.delegates[${index}].card_token`));
  }
};

const restoreUser = async (
  trx: LooseDb, rest: Row, index: number, accounts: NonNullable<RestoreOptions['accounts']>, restored: RestoredAccount[],
): Promise<number> => {
  const username = String(rest['username']);
  const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing !== undefined && typeof existing['id'] === 'number') {
    restored.push({ username, password: null });
    return existing['id'];
  }
  const { password, hash } = await accounts.newPassword();
  restored.push({ username, password });
  return insertRow(trx, 'users', index, { ...rest, password_hash: hash, is_server_admin: 0 });
};

const insertAll = async (trx: LooseDb, backup: BackupFile, maps: IdMaps, options: RestoreOptions, restored: RestoredAccount[]): Promise<void> => {
  await cardsNotHere(trx, backup);
  const accounts = options.accounts ?? null;
  for (const table of BACKUP_TABLES) {
    if (accounts === null && (table === 'users' || table === 'user_roles')) continue;
    const refs = BACKUP_REFERENCES[table];
    for (const [index, fileRow] of rowsOf(backup, table).entries()) {
      const { id: oldId, ...all } = fromFile(withoutOmitted(table, fileRow));
      const rest: Row = all;
      if (typeof oldId !== 'number') throw new RestoreRefused(ruleError('backup.id', `Bảng ${table}: một dòng không có id số.`, `Table ${table}: a row has no numeric id.`));
      if (table === 'users' && accounts !== null) {
        maps.users.set(oldId, await restoreUser(trx, rest, index, accounts, restored));
        continue;
      }
      const row: Row = { ...rest };
      for (const [column, ref] of Object.entries(refs)) {
        if (ref.deferred === true) { row[column] = null; continue; }
        const m = mapRef(maps, table, column, rest[column] ?? null);
        if (!m.ok) throw new RestoreRefused(m.error);
        row[column] = m.value;
      }
      if (candidatesKnown(table)) remapJson(table, row, maps);
      maps[table].set(oldId, await insertRow(trx, table, index, row));
    }
  }
  // Second pass: the references that point forward in the insertion order, and JSON written before the candidates.
  for (const table of BACKUP_TABLES) {
    const deferred = Object.entries(BACKUP_REFERENCES[table]).filter(([, r]) => r.deferred === true).map(([c]) => c);
    const json = candidatesKnown(table) ? [] : BACKUP_JSON_COLUMNS[table] ?? [];
    if (deferred.length === 0 && json.length === 0) continue;
    for (const fileRow of rowsOf(backup, table)) {
      const set: Row = {};
      for (const column of json) {
        const text = fileRow[column];
        if (typeof text === 'string') set[column] = remapCandidateIdsInJson(text, candidateMap(maps));
      }
      for (const column of deferred) {
        const m = mapRef(maps, table, column, fileRow[column] as Cell);
        if (!m.ok) throw new RestoreRefused(m.error);
        if (m.value !== null) set[column] = m.value;
      }
      if (Object.keys(set).length === 0) continue;
      await trx.updateTable(table).set(set).where('id', '=', maps[table].get(Number(fileRow['id']))!).execute();
    }
  }
};

/** Every restored counting batch replays through the counting core, as the server replays it on every request. */
const replayCounting = async (trx: Transaction<Database>, congressId: number): Promise<void> => {
  const rounds = await trx.selectFrom('election_rounds').selectAll().where('congress_id', '=', congressId).execute();
  for (const round of rounds) {
    const batches = await trx.selectFrom('counting_batches').selectAll().where('round_id', '=', round.id).orderBy('number').execute();
    if (batches.length === 0) continue;
    const election = await trx.selectFrom('elections').selectAll().where('id', '=', round.election_id).executeTakeFirstOrThrow();
    const counting = await roundCounting(trx, election, round);
    const refused = (e: RuleError): RestoreRefused => new RestoreRefused(ruleError('backup.counting',
      `Tệp sao lưu, bầu cử "${election.title}", vòng ${round.number}: nhật ký nhập phiếu không phát lại được (${e.message_vi})`,
      `Backup file, election "${election.title}", round ${round.number}: the input log does not replay (${e.message_en})`, 'tables.counting_events'));
    if (!counting.ok) throw refused(counting.error);
    for (const batch of batches) {
      const state = await batchState(trx, counting.value.ctx, batch);
      if (!state.ok) throw refused(state.error);
    }
  }
};

/** Restores a checked backup in one transaction, audited; refuses when the congress code already exists. */
export const restoreBackup = async (
  db: Kysely<Database>, backup: CheckedBackup, options: RestoreOptions = {},
): Promise<Result<RestoreSummary, RuleError>> => {
  const only = backup.tables.congresses[0];
  if (backup.tables.congresses.length !== 1 || only?.['code'] !== backup.congressCode) {
    return err(ruleError('backup.congress', 'Tệp sao lưu phải chứa đúng một đại hội, cùng mã với tệp.',
      'The backup must hold exactly one congress, with the code the file names.', 'tables.congresses'));
  }
  const exists = await db.selectFrom('congresses').select('id').where('code', '=', backup.congressCode).executeTakeFirst();
  if (exists !== undefined) {
    return err(ruleError('backup.congress-exists',
      `Đã có đại hội mã "${backup.congressCode}" trên máy chủ này: không khôi phục đè.`,
      `A congress with the code "${backup.congressCode}" already exists on this server: not restored over it.`, 'congressCode'));
  }
  const maps = Object.fromEntries(BACKUP_TABLES.map((t) => [t, new Map<number, number>()])) as IdMaps;
  const accounts: RestoredAccount[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      await insertAll(loose(trx), backup, maps, options, accounts);
      const congressId = [...maps.congresses.values()][0] ?? null;
      if (congressId !== null) await replayCounting(trx, congressId);
      const lastArchived = backup.audit.at(-1);
      await appendAudit(trx, {
        congressId, actor: options.actor ?? 'system', role: null, action: 'congress.restore', subject: `congress:${congressId}`,
        payload: { code: backup.congressCode, version: backup.version, signedWith: backup.version === BACKUP_VERSION ? backup.authentication.keyId : null,
          createdAt: backup.createdAt, accounts: accounts.map((a) => a.username),
          archivedAuditEntries: backup.audit.length, archivedAuditHead: lastArchived?.['hash'] ?? null },
      });
    });
  } catch (e) {
    if (e instanceof RestoreRefused) return err(e.error);
    throw e;
  }
  const congressId = [...maps.congresses.values()][0]!;
  const rows = Object.fromEntries(BACKUP_TABLES.map((t) => [t, maps[t].size])) as Record<BackupTable, number>;
  return ok({ congressId, congressCode: backup.congressCode, rows, accounts });
};
