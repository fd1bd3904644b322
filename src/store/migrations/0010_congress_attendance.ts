/**
 * Attendance of the congress, not of a session (docs/rules.md §1: someone present stays present until they leave):
 * - checkins: a check-in is closed when the delegate leaves (left_at, left_reason, left_by) and voided by the chair
 *   or the secretariat with a reason (voided_at, void_reason, voided_by) — it stays in the record. A delegate may
 *   check in again in the same session after leaving, so the one-per-session unique index goes (the server checks
 *   "already present" under a lock on the delegate's row).
 * - congress_sessions.fresh_checkin: 1 when the session requires everyone to check in again.
 * - delegates.card_code: the short code printed on the card and typed at sign-in (src/api/card-code.ts), unique.
 * All nullable: rows before this migration read as open, not voided, not fresh; delegates get a code here.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { cardCodeFrom } from '../../api/card-code.ts';
import type { DialectName } from '../db.ts';

const CHECKIN_COLUMNS = [
  ['left_at', 'text'], ['left_reason', 'text'], ['left_by', 'integer'],
  ['voided_at', 'text'], ['void_reason', 'text'], ['voided_by', 'integer'],
] as const;

export const congressAttendanceMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    for (const [name, type] of CHECKIN_COLUMNS) {
      await db.schema.alterTable('checkins').addColumn(name, type, (c) => (name.endsWith('_by') ? c.references('users.id').onDelete('set null') : c)).execute();
    }
    await db.schema.dropIndex('checkins_session_delegate_key').execute();
    // Still at most one open check-in per delegate and session, whatever the concurrency.
    await sql`create unique index checkins_open_key on checkins (session_id, delegate_id) where voided_at is null and left_at is null`.execute(db);
    await db.schema.alterTable('congress_sessions').addColumn('fresh_checkin', 'integer').execute();
    await db.schema.alterTable('delegates').addColumn('card_code', 'text').execute();
    const rows = await (db as Kysely<{ delegates: { id: number; card_code: string | null } }>)
      .selectFrom('delegates').select('id').execute();
    for (const r of rows) {
      await (db as Kysely<{ delegates: { id: number; card_code: string | null } }>)
        .updateTable('delegates').set({ card_code: cardCodeFrom((n) => randomBytes(n)) }).where('id', '=', r.id).execute();
    }
    await db.schema.createIndex('delegates_card_code_key').on('delegates').column('card_code').unique().execute();
  },
  down: async (db: Kysely<unknown>) => {
    await db.schema.dropIndex('delegates_card_code_key').execute();
    await db.schema.alterTable('delegates').dropColumn('card_code').execute();
    await db.schema.alterTable('congress_sessions').dropColumn('fresh_checkin').execute();
    await db.schema.dropIndex('checkins_open_key').execute();
    for (const [name] of [...CHECKIN_COLUMNS].reverse()) await db.schema.alterTable('checkins').dropColumn(name).execute();
    await db.schema.createIndex('checkins_session_delegate_key').on('checkins').columns(['session_id', 'delegate_id']).unique().execute();
  },
});
