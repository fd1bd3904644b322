/**
 * An organisation of a congress is deactivated, never deleted (its delegates and the audit log still name it):
 * `deactivated_at` is the instant it was, null while it is active.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

export const organisationActiveMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('organisations').addColumn('deactivated_at', 'text').execute();
  },
  down: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('organisations').dropColumn('deactivated_at').execute();
  },
});
