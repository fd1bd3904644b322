/**
 * Scanning ballots: a scan job per batch of a round (the machine reading, one independent entry of the
 * batch) and its sheets with the reader's outcome and the board's decisions. Additive; no table here references
 * `delegates`: a scanned ballot is never linked to a voter.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { bytes, createIndexes, createTables, dropTables, id, int, text, type IndexSpec, type TableSpec } from './dsl.ts';

const congress = () => int('congress_id', { ref: ['congresses', 'cascade'] });

const tables: readonly TableSpec[] = [
  { name: 'scan_jobs', columns: [
    id(), congress(), int('round_id', { ref: ['election_rounds', 'cascade'] }), int('batch_id', { ref: ['counting_batches', 'cascade'] }),
    text('terminal'), text('status'), int('created_by', { null: true, ref: ['users', 'set null'] }), text('created_at'),
  ] },
  { name: 'scan_sheets', columns: [
    id(), int('job_id', { ref: ['scan_jobs', 'cascade'] }), int('position'), text('outcome'),
    text('proposed', { null: true }), text('reasons'), { ...bytes('crop'), nullable: true },
    text('decision', { null: true }), int('decided_by', { null: true, ref: ['users', 'set null'] }), text('decided_at', { null: true }),
  ] },
];

const indexes: readonly IndexSpec[] = [
  /** One scan per batch: a second scan of the same batch cannot be stored, even by two concurrent uploads. */
  { name: 'scan_jobs_batch_key', table: 'scan_jobs', columns: ['batch_id'], unique: true },
  { name: 'scan_jobs_round_idx', table: 'scan_jobs', columns: ['round_id'] },
  { name: 'scan_sheets_job_position_key', table: 'scan_sheets', columns: ['job_id', 'position'], unique: true },
];

export const scanMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
  },
});
