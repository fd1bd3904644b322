/** The store: opening the database, migrations, the audit log, attendance, backup and restore. */
export * from './db.ts';
export * from './migrate.ts';
export * from './tables.ts';
export * from './audit.ts';
export * from './attendance.ts';
export * from './canonical-json.ts';
export type * from './schema.ts';
export * from './backup.ts';
export * from './backup-format.ts';
export * from './backup-compare.ts';
