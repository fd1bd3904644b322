/**
 * Accounts (0008): a user may be made to change their password at the next sign-in (the first administrator's
 * printed one, one an administrator generated), the time of their last sign-in, and the throttle of failed
 * sign-ins per (account, client address) and per address: counted atomically before a password is verified.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { createIndexes, createTables, dropTables, id, int, text, type IndexSpec, type TableSpec } from './dsl.ts';

const tables: readonly TableSpec[] = [
  { name: 'sign_in_throttle', columns: [
    // `key`: the account (lower case, as typed) and the address, or the address alone; `username` null for the latter.
    id(), text('key'), text('username', { null: true }), text('address'), int('failures'),
    text('locked_until', { null: true }), text('updated_at'),
  ] },
];

const indexes: readonly IndexSpec[] = [
  { name: 'sign_in_throttle_key', table: 'sign_in_throttle', columns: ['key'], unique: true },
  { name: 'sign_in_throttle_username_idx', table: 'sign_in_throttle', columns: ['username'] },
  { name: 'sign_in_throttle_updated_idx', table: 'sign_in_throttle', columns: ['updated_at'] },
];

export const accountsMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('users').addColumn('must_change_password', 'integer',
      (b) => b.notNull().defaultTo(0).check(sql`must_change_password in (0, 1)`)).execute();
    await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
    await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  },
});
