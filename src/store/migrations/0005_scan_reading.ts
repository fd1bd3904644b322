/**
 * Reading a scanned stack in the background: the upload is acknowledged once its files are stored
 * (scan_files), the reader works through them with a lease (a crashed instance's job is taken over when its
 * lease runs out) and records its progress; a job that cannot be read keeps its reason and may be replaced.
 * Additive; the files are deleted once the stack has been read.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { bytes, createIndexes, createTables, dropTables, id, int, type IndexSpec, type TableSpec } from './dsl.ts';

const tables: readonly TableSpec[] = [
  { name: 'scan_files', columns: [id(), int('job_id', { ref: ['scan_jobs', 'cascade'] }), int('position'), bytes('data')] },
];

const indexes: readonly IndexSpec[] = [
  { name: 'scan_files_job_position_key', table: 'scan_files', columns: ['job_id', 'position'], unique: true },
];

export const scanReadingMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    const jobs = () => db.schema.alterTable('scan_jobs');
    await jobs().addColumn('files', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await jobs().addColumn('files_read', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await jobs().addColumn('sheets_read', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await jobs().addColumn('ballots', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await jobs().addColumn('error', 'text').execute();
    await jobs().addColumn('lease_until', 'text').execute();
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
    for (const c of ['files', 'files_read', 'sheets_read', 'ballots', 'error', 'lease_until']) await db.schema.alterTable('scan_jobs').dropColumn(c).execute();
  },
});
