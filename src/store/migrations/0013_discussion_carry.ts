/**
 * Comments carried to a new version of their document: when a new version is stored, each open comment moves to the
 * matching unit of the new version (the same text, or the most similar), remembering the unit it was on, or stays on
 * its unit marked as on a removed paragraph — so the drafting committee sees it against the new text.
 * Additive and nullable: comments written before keep null (never carried).
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

/** The columns of an opinion carried to a new version (comments here; the groups' records in 0014). */
export const CARRY_COLUMNS: ReadonlyArray<readonly [string, 'text' | 'integer']> = [['carried_from_unit_id', 'integer'], ['carried', 'text']];

export const discussionCarryMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    for (const [c, type] of CARRY_COLUMNS) await db.schema.alterTable('discussion_comments').addColumn(c, type).execute();
  },
  down: async (db: Kysely<unknown>) => {
    for (const [c] of [...CARRY_COLUMNS].reverse()) await db.schema.alterTable('discussion_comments').dropColumn(c).execute();
  },
});
