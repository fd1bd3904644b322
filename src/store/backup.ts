/**
 * Backup and restore of a whole congress (issue 3): every row of every table that belongs to it, documents
 * included, to one JSON file (gzip when the name ends in .gz) and back. Restore remaps every id, so a congress
 * can be restored next to others; it refuses when a congress with the same code exists. Users are matched by
 * username: an existing user keeps their password and gains the roles; a missing one is created.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { appendAudit } from './audit.ts';
import { remapCandidateIdsInJson } from './backup-json.ts';
import {
  BACKUP_FORMAT, BACKUP_JSON_COLUMNS, BACKUP_LATER_COLUMNS, rowsOf, BACKUP_REFERENCES, BACKUP_TABLES, BACKUP_VERSION, backupChecksum, backupFileSchema,
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

/** Reads a whole congress into a backup (with its checksum). */
export const createBackup = async (db: Kysely<Database>, congressCode: string): Promise<Result<BackupFile, RuleError>> => {
  const congress = await db.selectFrom('congresses').select('id').where('code', '=', congressCode).executeTakeFirst();
  if (congress === undefined) return err(notFound(congressCode));
  const l = loose(db);
  // One read transaction: a consistent snapshot even while the congress is running.
  const content = await l.transaction().execute(async (trx): Promise<BackupContent> => {
    const tables = {} as Record<BackupTable, FileRow[]>;
    for (const t of BACKUP_TABLES) tables[t] = (await readTable(trx, t, congress.id)).map(toFile);
    const audit = (await trx.selectFrom('audit_log').selectAll().where('congress_id', '=', congress.id).orderBy('id').execute())
      .map(toFile);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, congressCode, tables, audit };
  });
  return ok({ ...content, createdAt: new Date().toISOString(), checksum: backupChecksum(content) });
};

/** Checks a parsed backup: the shape (zod), every table's columns (those of BACKUP_LATER_COLUMNS may be missing), and the checksum. */
export const checkBackup = (raw: unknown): Result<BackupFile, RuleError> => {
  const parsed = backupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return err(ruleError('backup.format', `Tệp sao lưu không đúng định dạng ${BACKUP_FORMAT} phiên bản ${BACKUP_VERSION} (${where}: ${issue?.message ?? ''}).`,
      `The backup file is not ${BACKUP_FORMAT} version ${BACKUP_VERSION} (${where}: ${issue?.message ?? ''}).`, where));
  }
  const backup = parsed.data;
  for (const t of BACKUP_TABLES) {
    const expected = [...TABLES[t]].sort().join(',');
    const later = BACKUP_LATER_COLUMNS[t] ?? [];
    const bad = rowsOf(backup, t).findIndex((r) => {
      const keys = Object.keys(r);
      return [...keys, ...later.filter((c) => !keys.includes(c))].sort().join(',') !== expected;
    });
    if (bad >= 0) {
      return err(ruleError('backup.columns', `Bảng ${t}, dòng ${bad + 1} của tệp sao lưu không có đúng các cột.`,
        `Table ${t}, row ${bad + 1} of the backup does not have the expected columns.`, `tables.${t}.${bad}`));
    }
  }
  if (backupChecksum(backup) !== backup.checksum) {
    return err(ruleError('backup.checksum', 'Mã kiểm tra (checksum) của tệp sao lưu không khớp: tệp đã bị sửa hoặc hỏng.',
      'The backup checksum does not match: the file was edited or damaged.', 'checksum'));
  }
  return ok(backup);
};

export const writeBackupFile = async (path: string, backup: BackupFile): Promise<void> => {
  const json = Buffer.from(`${JSON.stringify(backup)}\n`, 'utf8');
  await writeFile(path, path.endsWith('.gz') ? gzipSync(json) : json);
};

export const readBackupFile = async (path: string): Promise<Result<BackupFile, RuleError>> => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return err(ruleError('file.read', `Không đọc được tệp "${path}" (${reason}).`, `Cannot read the file "${path}" (${reason}).`));
  }
  try {
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    return checkBackup(JSON.parse(text) as unknown);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(ruleError('backup.read', `Tệp "${path}" không phải tệp sao lưu đọc được: ${reason}`,
      `"${path}" is not a readable backup file: ${reason}`));
  }
};

export interface RestoreSummary {
  readonly congressId: number;
  readonly congressCode: string;
  readonly rows: Readonly<Record<BackupTable, number>>;
  /** Usernames that already existed: their roles were added to the existing accounts. */
  readonly existingUsers: readonly string[];
}

type IdMaps = Record<BackupTable, Map<number, number>>;

const mapRef = (maps: IdMaps, table: BackupTable, column: string, old: Cell): Result<number | null, RuleError> => {
  if (old === null) return ok(null);
  const ref = BACKUP_REFERENCES[table][column]!;
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

const insertAll = async (trx: LooseDb, backup: BackupFile, maps: IdMaps, existingUsers: string[]): Promise<void> => {
  for (const table of BACKUP_TABLES) {
    const refs = BACKUP_REFERENCES[table];
    for (const fileRow of rowsOf(backup, table)) {
      const { id: oldId, ...rest } = fromFile(fileRow);
      if (typeof oldId !== 'number') throw new RestoreRefused(ruleError('backup.id', `Bảng ${table}: một dòng không có id số.`, `Table ${table}: a row has no numeric id.`));
      if (table === 'users') {
        const existing = await trx.selectFrom('users').select('id').where('username', '=', rest['username'] ?? '').executeTakeFirst();
        if (existing !== undefined && typeof existing['id'] === 'number') {
          maps.users.set(oldId, existing['id']);
          existingUsers.push(String(rest['username']));
          continue;
        }
      }
      const row: Row = { ...rest };
      for (const [column, ref] of Object.entries(refs)) {
        if (ref.deferred === true) { row[column] = null; continue; }
        const m = mapRef(maps, table, column, rest[column] ?? null);
        if (!m.ok) throw new RestoreRefused(m.error);
        row[column] = m.value;
      }
      if (candidatesKnown(table)) remapJson(table, row, maps);
      const inserted = await trx.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow();
      maps[table].set(oldId, Number(inserted['id']));
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

/** Restores a checked backup in one transaction, audited; refuses when the congress code already exists. */
export const restoreBackup = async (
  db: Kysely<Database>, backup: BackupFile, actor = 'system',
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
  const existingUsers: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      await insertAll(loose(trx), backup, maps, existingUsers);
      const congressId = [...maps.congresses.values()][0] ?? null;
      const lastArchived = backup.audit.at(-1);
      await appendAudit(trx, {
        congressId, actor, role: null, action: 'congress.restore', subject: `congress:${congressId}`,
        payload: { code: backup.congressCode, checksum: backup.checksum, createdAt: backup.createdAt,
          archivedAuditEntries: backup.audit.length, archivedAuditHead: lastArchived?.['hash'] ?? null },
      });
    });
  } catch (e) {
    if (e instanceof RestoreRefused) return err(e.error);
    throw e;
  }
  const congressId = [...maps.congresses.values()][0]!;
  const rows = Object.fromEntries(BACKUP_TABLES.map((t) => [t, rowsOf(backup, t).length])) as Record<BackupTable, number>;
  return ok({ congressId, congressCode: backup.congressCode, rows, existingUsers });
};
