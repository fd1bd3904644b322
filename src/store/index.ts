/** The store: opening the database, migrations, the audit log, backup and restore. */
export * from './db.ts';
export * from './migrate.ts';
export * from './tables.ts';
export type * from './schema.ts';
