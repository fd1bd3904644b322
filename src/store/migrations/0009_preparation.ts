/**
 * Preparing a congress from the screens. An organisation is deactivated, never deleted (its delegates and the audit
 * log still name it): `deactivated_at`, null while active. A delegate's card records when its current token was
 * last printed (`card_printed_at`, null before it is, and again after a new card is issued), so the checklist
 * knows which cards are still to print.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

export const preparationMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('organisations').addColumn('deactivated_at', 'text').execute();
    await db.schema.alterTable('delegates').addColumn('card_printed_at', 'text').execute();
  },
  down: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('delegates').dropColumn('card_printed_at').execute();
    await db.schema.alterTable('organisations').dropColumn('deactivated_at').execute();
  },
});
