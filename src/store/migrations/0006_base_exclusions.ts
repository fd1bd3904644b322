/**
 * The exclusions from N_base (docs/rules.md §1) as they were when the base was fixed: when a round opens for voting
 * and when a show-of-hands vote is recorded. JSON text of the rules core's CongressAttendance (counts by reason,
 * no delegate ids: nothing to remap on restore). Additive and nullable: rounds and votes recorded before this
 * migration keep null, and their minutes derive the exclusions from the delegates' statuses as before.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';

const TABLES = ['election_rounds', 'votes'] as const;

export const baseExclusionsMigration = (_dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    for (const t of TABLES) await db.schema.alterTable(t).addColumn('base_exclusions', 'text').execute();
  },
  down: async (db: Kysely<unknown>) => {
    for (const t of TABLES) await db.schema.alterTable(t).dropColumn('base_exclusions').execute();
  },
});
