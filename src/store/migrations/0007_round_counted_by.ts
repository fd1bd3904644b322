/**
 * How a round's result was reached: `batches` (the counting board's independent entries, reconciled) or `hand`
 * (a congress that counts by hand: the board's entry of the totals of its signed paper minutes, with who signed).
 * Null before a round is counted. Rounds counted before this migration keep null (their minutes say nothing new).
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

export const roundCountedByMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('election_rounds').addColumn('counted_by', 'text').execute();
    await db.schema.alterTable('election_rounds').addColumn('hand_count', 'text').execute();
  },
  down: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('election_rounds').dropColumn('hand_count').execute();
    await db.schema.alterTable('election_rounds').dropColumn('counted_by').execute();
  },
});
