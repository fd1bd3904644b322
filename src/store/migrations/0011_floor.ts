/**
 * The floor of the congress as a rehearsal found it wanting:
 * - terminals: the label a counting terminal shows the room ("Máy 3"), set by the terminal itself;
 * - voids: a show-of-hands record and a nomination are voided by the chair with a reason, never deleted;
 * - an election belongs to an agenda item, and a round records the item it was voted under (the date of its
 *   documents) and, when voting was opened under another item, the chair's stated reason;
 * - the hall screen's view as the presidium or secretariat chose it (null: it follows the agenda).
 * Additive and nullable: rows written before keep null.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { createIndexes, createTables, dropTables, id, int, text, type IndexSpec, type TableSpec } from './dsl.ts';

const tables: readonly TableSpec[] = [
  { name: 'terminals', columns: [
    id(), int('congress_id', { ref: ['congresses', 'cascade'] }), text('terminal'), text('label'), text('updated_at'),
  ] },
];

const indexes: readonly IndexSpec[] = [
  { name: 'terminals_congress_terminal_key', table: 'terminals', columns: ['congress_id', 'terminal'], unique: true },
  /** "Máy 3" names one terminal of a congress. */
  { name: 'terminals_congress_label_key', table: 'terminals', columns: ['congress_id', 'label'], unique: true },
];

const VOIDS = ['voided_at', 'void_reason', 'voided_by'] as const;
const ADDED: ReadonlyArray<readonly [string, string, 'text' | 'integer']> = [
  ...VOIDS.map((c) => ['votes', c, 'text'] as const),
  ...VOIDS.map((c) => ['candidates', c, 'text'] as const),
  ['elections', 'agenda_item_id', 'integer'],
  ['election_rounds', 'agenda_item_id', 'integer'],
  ['election_rounds', 'open_override', 'text'],
  ['congresses', 'hall_view', 'text'],
];

export const floorMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
    for (const [t, c, type] of ADDED) await db.schema.alterTable(t).addColumn(c, type).execute();
  },
  down: async (db: Kysely<unknown>) => {
    for (const [t, c] of [...ADDED].reverse()) await db.schema.alterTable(t).dropColumn(c).execute();
    await dropTables(db, dialect, tables);
  },
});
