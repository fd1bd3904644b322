/** Applies the migrations of src/store/migrations with the dialect passed explicitly (one code base, two databases). */
import { inspect } from 'node:util';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { databaseTargetFromEnv, openDatabase, type DatabaseTarget, type DialectName, type OpenDatabase, type OpenOptions } from './db.ts';
import { initialMigration } from './migrations/0001_initial.ts';
import { auditAppendOnlyMigration } from './migrations/0002_audit_append_only.ts';
import { countingMigration } from './migrations/0003_counting.ts';
import { scanMigration } from './migrations/0004_scan.ts';
import { scanReadingMigration } from './migrations/0005_scan_reading.ts';
import { baseExclusionsMigration } from './migrations/0006_base_exclusions.ts';
import { roundCountedByMigration } from './migrations/0007_round_counted_by.ts';
import { accountsMigration } from './migrations/0008_accounts.ts';
import { preparationMigration } from './migrations/0009_preparation.ts';
import { congressAttendanceMigration } from './migrations/0010_congress_attendance.ts';
import { floorMigration } from './migrations/0011_floor.ts';
import { discussionMigration } from './migrations/0012_discussion.ts';
import { discussionCarryMigration } from './migrations/0013_discussion_carry.ts';
import { discussionGroupCarryMigration } from './migrations/0014_discussion_group_carry.ts';
import { speechTextMigration } from './migrations/0015_speech_text.ts';
import { resolutionTargetsMigration } from './migrations/0016_resolution_targets.ts';
import type { Database } from './schema.ts';

/** Every migration, in order. Names sort alphabetically; never rename one that has shipped. */
export const migrations = (dialect: DialectName): Readonly<Record<string, Migration>> => ({
  '0001_initial': initialMigration(dialect),
  '0002_audit_append_only': auditAppendOnlyMigration(dialect),
  '0003_counting': countingMigration(dialect),
  '0004_scan': scanMigration(dialect),
  '0005_scan_reading': scanReadingMigration(dialect),
  '0006_base_exclusions': baseExclusionsMigration(dialect),
  '0007_round_counted_by': roundCountedByMigration(dialect),
  '0008_accounts': accountsMigration(dialect),
  '0009_preparation': preparationMigration(dialect),
  '0010_congress_attendance': congressAttendanceMigration(dialect),
  '0011_floor': floorMigration(dialect),
  '0012_discussion': discussionMigration(dialect),
  '0013_discussion_carry': discussionCarryMigration(dialect),
  '0014_discussion_group_carry': discussionGroupCarryMigration(dialect),
  '0015_speech_text': speechTextMigration(dialect),
  '0016_resolution_targets': resolutionTargetsMigration(dialect),
});

const provider = (dialect: DialectName): MigrationProvider => ({ getMigrations: () => Promise.resolve({ ...migrations(dialect) }) });

export const migrator = (db: Kysely<Database>, dialect: DialectName): Migrator =>
  new Migrator({ db, provider: provider(dialect) });

/**
 * Runs the Migrator, on SQLite inside ONE transaction. SQLite applies DDL transactionally, but kysely's SQLite
 * adapter declares it does not, so its Migrator would commit, and fsync, every statement on its own: about 0.4 s
 * for a fresh database, and a half-applied migration after a crash. kysely's SQLite driver has a single
 * connection, so a transaction begun on it holds every statement of the Migrator, its bookkeeping included.
 * (PostgreSQL: the Migrator makes its own transaction.)
 */
const runMigrator = async (db: Kysely<Database>, dialect: DialectName): ReturnType<Migrator['migrateToLatest']> => {
  if (dialect !== 'sqlite') return migrator(db, dialect).migrateToLatest();
  await sql`begin immediate`.execute(db);
  let committed = false;
  try {
    const outcome = await migrator(db, dialect).migrateToLatest();
    if (outcome.error === undefined) {
      await sql`commit`.execute(db);
      committed = true;
    }
    return outcome;
  } finally {
    if (!committed) await sql`rollback`.execute(db);
  }
};

/** Brings the schema up to date, every migration or none; returns the names applied now (empty when it already was). */
export const migrateToLatest = async (
  db: Kysely<Database>, dialect: DialectName,
): Promise<Result<readonly string[], RuleError>> => {
  const { error, results } = await runMigrator(db, dialect);
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : inspect(error);
    return err(ruleError('store.migration', `Không cập nhật được cấu trúc cơ sở dữ liệu (bước ${failed}): ${reason}`,
      `Database migration failed (${failed}): ${reason}`));
  }
  return ok((results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
};

/** Opens the database and applies every migration; closes it again when migrating fails. */
export const openMigratedDatabase = async (
  target: DatabaseTarget, options: OpenOptions = {},
): Promise<Result<OpenDatabase, RuleError>> => {
  const opened = openDatabase(target, options);
  try {
    const migrated = await migrateToLatest(opened.db, opened.dialect);
    if (!migrated.ok) {
      await opened.close();
      return migrated;
    }
    return ok(opened);
  } catch (e) {
    await opened.close();
    const reason = e instanceof Error ? e.message : String(e);
    return err(ruleError('store.open', `Không mở được cơ sở dữ liệu ${opened.description}: ${reason}`,
      `Cannot open the database ${opened.description}: ${reason}`));
  }
};

/**
 * The database of a CLI command or server: `--database URL` when given, else the environment
 * (DATABASE_URL, DAIHOI_DATA), migrated.
 */
export const openConfiguredDatabase = (
  databaseFlag: string | boolean | undefined, env: NodeJS.ProcessEnv = process.env,
): Promise<Result<OpenDatabase, RuleError>> =>
  openMigratedDatabase(typeof databaseFlag === 'string' && databaseFlag !== '' ? databaseFlag : databaseTargetFromEnv(env));
