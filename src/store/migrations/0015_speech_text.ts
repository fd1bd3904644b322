/** A contribution's text (tham luận), sent with its registration or later, shown on the phones when it has the floor. Additive. */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

export const speechTextMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => { await db.schema.alterTable('speakers').addColumn('text', 'text').execute(); },
  down: async (db: Kysely<unknown>) => { await db.schema.alterTable('speakers').dropColumn('text').execute(); },
});
