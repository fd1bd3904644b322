/**
 * The append-only, hash-chained audit log. Each entry stores the hash of the previous one and its own
 * `hash = sha256(prev_hash + canonical JSON of the entry)`; editing, inserting or deleting any entry breaks
 * the chain at that point, and `verifyAuditChain` names the first broken link.
 *
 * `appendAudit` must run inside the transaction of the change it records: a rolled-back change leaves no entry.
 * Appends are serialized so the chain stays one line even across server instances: on PostgreSQL with a
 * transaction-scoped advisory lock, on SQLite by its single writer. A UNIQUE index on prev_hash makes a fork
 * impossible in any case. Triggers (migration 0002) refuse UPDATE and DELETE.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, SqliteAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { err, ok, type Result } from '../rules/result.ts';
import { canonicalJson } from './canonical-json.ts';
import type { AuditEntry, Database } from './schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** The advisory lock key of the audit chain ("daihoi" in ASCII). */
export const AUDIT_LOCK_KEY = 0x646169686f69;

export interface AuditInput {
  readonly congressId: number | null;
  /** "user:12", "delegate:40", "system". */
  readonly actor: string;
  readonly role?: string | null;
  /** What happened, dotted: "election.transition", "checkin.create". */
  readonly action: string;
  /** What it happened to: "round:7", "delegate:40". */
  readonly subject?: string | null;
  /** Any JSON value; stored as canonical JSON text. */
  readonly payload?: unknown;
  /** Defaults to now. */
  readonly at?: string;
}

interface HashedFields {
  readonly congress_id: number | null;
  readonly at: string;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly subject: string | null;
  /** The stored text itself, byte for byte. */
  readonly payload: string;
}

/** sha256(prev_hash + canonical JSON of the entry's fields), hex. */
export const auditHash = (prevHash: string, fields: HashedFields): string => {
  const { congress_id, at, actor, role, action, subject, payload } = fields;
  return createHash('sha256')
    .update(prevHash + canonicalJson({ congress_id, at, actor, role, action, subject, payload }), 'utf8')
    .digest('hex');
};

const serialize = async (trx: Transaction<Database>): Promise<void> => {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    return;
  }
  // SQLite: take the write lock now (an empty delete still opens a write transaction), so reading the last
  // entry and appending after it happen under one lock even when another process writes the same file.
  await sql`delete from login_attempts where 1 = 0`.execute(trx);
};

/** Appends one entry after the last; call it inside the transaction of the change it records. */
export const appendAudit = async (trx: Transaction<Database>, input: AuditInput): Promise<AuditEntry> => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the type says so; JavaScript callers and casts do not
  if (!trx.isTransaction) throw new Error('appendAudit must be called inside a transaction (db.transaction().execute)');
  await serialize(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    congress_id: input.congressId,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    role: input.role ?? null,
    action: input.action,
    subject: input.subject ?? null,
    payload: canonicalJson(input.payload ?? null),
  };
  return trx.insertInto('audit_log')
    .values({ ...fields, prev_hash, hash: auditHash(prev_hash, fields) })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export interface AuditChainSummary {
  readonly entries: number;
  readonly lastId: number | null;
  /** The head of the chain: write it down (e.g. in the minutes) and a later truncation shows. */
  readonly lastHash: string;
  /** The entry whose hash is the head asked for (`verifyAuditChain(db, head)`); null when none was asked. */
  readonly headId: number | null;
}

export interface AuditBreak {
  readonly code: 'audit.prev-hash' | 'audit.hash' | 'audit.truncated' | 'audit.head-missing';
  /** The first entry whose link is broken. */
  readonly id: number;
  /** Entries checked and intact before it. */
  readonly intactBefore: number;
  readonly message_vi: string;
  readonly message_en: string;
}

const BATCH = 1000;

/**
 * Walks the whole chain in id order; the first broken link is an error value. With `head` (a hash printed in the
 * minutes), the chain must also pass through that entry: entries removed from the end, the numbering reset, show.
 */
export const verifyAuditChain = async (db: Kysely<Database>, head?: string): Promise<Result<AuditChainSummary, AuditBreak>> => {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId: number | null = null;
  let headId: number | null = null;
  const wanted = head?.trim().toLowerCase();
  for (;;) {
    let query = db.selectFrom('audit_log').selectAll().orderBy('id').limit(BATCH);
    if (lastId !== null) query = query.where('id', '>', lastId);
    const rows = await query.execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return err({
          code: 'audit.prev-hash', id: row.id, intactBefore: count,
          message_vi: `Mục #${row.id} không nối với mục trước (prev_hash khác mã băm của mục trước): `
            + 'một mục trước nó đã bị xóa, chèn hoặc sửa.',
          message_en: `Entry #${row.id} does not link to the previous entry (prev_hash differs from its hash): `
            + 'an entry before it was deleted, inserted or edited.',
        });
      }
      if (auditHash(row.prev_hash, row) !== row.hash) {
        return err({
          code: 'audit.hash', id: row.id, intactBefore: count,
          message_vi: `Mục #${row.id} đã bị sửa: mã băm không khớp với nội dung.`,
          message_en: `Entry #${row.id} was edited: its hash does not match its content.`,
        });
      }
      prev = row.hash;
      lastId = row.id;
      count += 1;
      if (row.hash === wanted) headId = row.id;
    }
    if (rows.length < BATCH) break;
  }
  const truncated = await truncatedTail(db, lastId);
  if (truncated !== null) {
    return err({
      code: 'audit.truncated', id: truncated, intactBefore: count,
      message_vi: `Các mục cuối của nhật ký (đến mục #${truncated}) đã bị xóa: chuỗi chỉ còn đến mục #${lastId ?? 0}.`,
      message_en: `The last entries of the log (up to #${truncated}) were deleted: the chain ends at #${lastId ?? 0}.`,
    });
  }
  if (wanted !== undefined && headId === null) {
    return err({
      code: 'audit.head-missing', id: lastId ?? 0, intactBefore: count,
      message_vi: `Chuỗi nhật ký (${count} mục, đến mục #${lastId ?? 0}) không đi tới mã băm ${wanted} đã ghi: các mục cuối đã bị xóa hoặc thay.`,
      message_en: `The audit chain (${count} entries, up to #${lastId ?? 0}) does not reach the recorded head ${wanted}: its last entries were deleted or replaced.`,
    });
  }
  return ok({ entries: count, lastId, lastHash: prev, headId });
};

/**
 * SQLite only: AUTOINCREMENT remembers the highest id ever used, inside the same transactions (a rolled-back
 * append leaves no trace), so a last id below it means entries were deleted from the end of the chain — which
 * the hash links alone cannot show. PostgreSQL sequences skip values on rollback, so there the head hash printed
 * by `audit verify` (and kept in the minutes) is the defence.
 */
const truncatedTail = async (db: Kysely<Database>, lastId: number | null): Promise<number | null> => {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return null;
  const row = (await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db)).rows[0];
  return row !== undefined && row.seq > (lastId ?? 0) ? row.seq : null;
};
