/**
 * The discussion groups' records carried to a new version like the delegates' comments (0013): the same two
 * nullable columns on discussion_group_opinions, written by the same carrying rule (src/discussion/carry.ts).
 * Additive and nullable: records written before keep null (never carried).
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { CARRY_COLUMNS } from './0013_discussion_carry.ts';

export const discussionGroupCarryMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    for (const [c, type] of CARRY_COLUMNS) await db.schema.alterTable('discussion_group_opinions').addColumn(c, type).execute();
  },
  down: async (db: Kysely<unknown>) => {
    for (const [c] of [...CARRY_COLUMNS].reverse()) await db.schema.alterTable('discussion_group_opinions').dropColumn(c).execute();
  },
});
