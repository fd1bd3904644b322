/**
 * Restoring a congress from a backup file. It trusts nothing in the file: after the store's checks of the file
 * (shape, signature under the backup key, columns: src/store/backup.ts), every row is checked as the API checks
 * what it stores (restore-rows.ts); then the rows are written in one transaction with every id remapped, so the
 * congress can sit next to others, every counting batch is replayed as the server replays it, and the restore is
 * audited. Refused when the congress code exists, or a delegate card of the file is already on this server.
 * Accounts are restored only when asked: without their passwords (each new one gets a one-time password) and never
 * as server administrators; an existing account of that name gains the roles.
 */
import type { Kysely, Transaction } from 'kysely';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { appendAudit } from '../store/audit.ts';
import { checkBackupFile, fromFile, loose, readBackupJson, withoutOmitted, type CheckOptions, type Cell, type LooseDb, type Row } from '../store/backup.ts';
import { BACKUP_JSON_COLUMNS, BACKUP_REFERENCES, BACKUP_TABLES, BACKUP_VERSION, rowsOf, type BackupFile, type BackupTable } from '../store/backup-format.ts';
import { remapCandidateIdsInJson } from '../store/backup-json.ts';
import type { Database } from '../store/schema.ts';
import { batchState, roundCounting } from './counting-data.ts';
import { checkBackupRows } from './restore-rows.ts';
import { isUniqueViolation } from './tx.ts';

declare const checkedBrand: unique symbol;
/** A backup that passed checkBackup: the only kind restoreBackup takes. */
export type CheckedBackup = BackupFile & { readonly [checkedBrand]: true };

/** Checks a parsed backup: the file (shape, signature, columns), then every row as the API would. */
export const checkBackup = (raw: unknown, options: CheckOptions): Result<CheckedBackup, RuleError> => {
  const file = checkBackupFile(raw, options);
  if (!file.ok) return file;
  const rows = checkBackupRows(file.value);
  return rows.ok ? ok(file.value as CheckedBackup) : rows;
};

export const readBackupFile = async (path: string, options: CheckOptions): Promise<Result<CheckedBackup, RuleError>> => {
  const raw = await readBackupJson(path);
  return raw.ok ? checkBackup(raw.value, options) : raw;
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
    const tokens = rows.slice(from, from + 500).flatMap((r) => (typeof r['card_token'] === 'string' ? [r['card_token']] : []));
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
  // A new password was made for them: they choose their own at the first sign-in.
  return insertRow(trx, 'users', index, { ...rest, password_hash: hash, is_server_admin: 0, must_change_password: 1 });
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
