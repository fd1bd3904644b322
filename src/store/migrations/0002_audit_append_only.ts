/**
 * The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE on audit_log (and
 * TRUNCATE on PostgreSQL). Whoever wants to tamper must drop the triggers first — which `audit verify` then
 * still catches through the hash chain.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../db.ts';

export const AUDIT_APPEND_ONLY_MESSAGE =
  'Nhật ký kiểm tra chỉ được ghi thêm, không được sửa hay xóa / the audit log is append-only';

const sqliteUp = async (db: Kysely<unknown>): Promise<void> => {
  for (const op of ['update', 'delete'] as const) {
    await sql.raw(`create trigger audit_log_no_${op} before ${op} on audit_log
      begin select raise(abort, '${AUDIT_APPEND_ONLY_MESSAGE}'); end`).execute(db);
  }
};

const postgresUp = async (db: Kysely<unknown>): Promise<void> => {
  await sql.raw(`create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin raise exception '${AUDIT_APPEND_ONLY_MESSAGE}' using errcode = 'insufficient_privilege'; end $$`).execute(db);
  await sql.raw(`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`).execute(db);
  await sql.raw(`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`).execute(db);
};

export const auditAppendOnlyMigration = (dialect: DialectName): Migration => ({
  up: (db) => (dialect === 'sqlite' ? sqliteUp(db) : postgresUp(db)),
  down: async (db) => {
    if (dialect === 'sqlite') {
      await sql.raw('drop trigger if exists audit_log_no_update').execute(db);
      await sql.raw('drop trigger if exists audit_log_no_delete').execute(db);
    } else {
      await sql.raw('drop trigger if exists audit_log_append_only on audit_log').execute(db);
      await sql.raw('drop trigger if exists audit_log_no_truncate on audit_log').execute(db);
      await sql.raw('drop function if exists audit_log_refuse_change()').execute(db);
    }
  },
});
