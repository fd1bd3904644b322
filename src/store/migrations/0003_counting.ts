/**
 * Counting paper ballots: the batches of a round and the input log of counting events, on SQLite and
 * PostgreSQL alike. Additive: no existing table changes. No table here references `delegates`: a ballot is
 * never linked to a voter.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { createIndexes, createTables, dropTables, id, int, text, type IndexSpec, type TableSpec } from './dsl.ts';

const congress = () => int('congress_id', { ref: ['congresses', 'cascade'] });
const round = () => int('round_id', { ref: ['election_rounds', 'cascade'] });

const tables: readonly TableSpec[] = [
  { name: 'counting_batches', columns: [
    id(), congress(), round(), int('number'), text('label'), int('physical_count'), int('entries_required'), text('created_at'),
  ] },
  { name: 'counting_events', columns: [
    id(), congress(), round(), int('batch_id', { ref: ['counting_batches', 'cascade'] }), int('seq'), text('type'),
    int('operator_user_id', { null: true, ref: ['users', 'set null'] }), text('terminal'), text('at'),
    text('request_id', { null: true }), text('event'),
  ] },
];

const indexes: readonly IndexSpec[] = [
  { name: 'counting_batches_round_number_key', table: 'counting_batches', columns: ['round_id', 'number'], unique: true },
  /** One event per place in a batch's log: of two concurrent writers of one batch, exactly one commits. */
  { name: 'counting_events_batch_seq_key', table: 'counting_events', columns: ['batch_id', 'seq'], unique: true },
  /** A retried request (same idempotency key) can never add a second event; NULL keys are distinct on both databases. */
  { name: 'counting_events_batch_request_key', table: 'counting_events', columns: ['batch_id', 'request_id'], unique: true },
  { name: 'counting_events_round_idx', table: 'counting_events', columns: ['round_id'] },
  { name: 'counting_batches_congress_idx', table: 'counting_batches', columns: ['congress_id'] },
];

export const countingMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
  },
});
