/**
 * The new term's targets a resolution adopts (src/discussion/resolution-targets.ts), per draft-resolution
 * document, in order. Apart from resolution_targets (0001), the ending term's assessment the hall shows. Additive.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { createIndexes, createTables, dropTables, id, int, text, type TableSpec } from './dsl.ts';

const tables: readonly TableSpec[] = [
  { name: 'discussion_resolution_targets', columns: [
    id(), int('congress_id', { ref: ['congresses', 'cascade'] }), int('document_id', { ref: ['discussion_documents', 'cascade'] }),
    int('position'), text('name'), text('target'),
  ] },
];

export const resolutionTargetsMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, [{ name: 'discussion_resolution_targets_document_position_key', table: 'discussion_resolution_targets',
      columns: ['document_id', 'position'], unique: true }]);
  },
  down: async (db: Kysely<unknown>) => { await dropTables(db, dialect, tables); },
});
