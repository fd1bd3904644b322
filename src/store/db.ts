/**
 * Opening the database: one code base for SQLite (a file, the default) and PostgreSQL (`DATABASE_URL`).
 *
 * SQLite runs in WAL mode with `synchronous = FULL`, so every acknowledged write survives a kill -9 or a
 * power cut; foreign keys are on and a busy timeout lets a second process wait instead of failing.
 * PostgreSQL runs through a pg Pool; BIGINT/COUNT(*) values come back as numbers.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Where the data lives: a PostgreSQL URL, `sqlite:PATH`, or a SQLite file. */
export type DatabaseTarget = string | { readonly sqliteFile: string } | { readonly postgresUrl: string };

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** A human-readable description without secrets: the file path, or host/database. */
  readonly description: string;
  readonly close: () => Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** SQLite busy timeout in milliseconds (default 5000). */
  readonly busyTimeoutMs?: number;
}

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is opened (not at every start on SQLite); COUNT(*) and
 * BIGINT (type 20) come back as JavaScript numbers: our counts never exceed 2^53.
 */
const postgresDriver = (): typeof import('pg') => {
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  return pg;
};

export const DEFAULT_SQLITE_FILE_NAME = 'daihoi.sqlite';

const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);

type ResolvedTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

const resolveTarget = (target: DatabaseTarget): ResolvedTarget => {
  if (typeof target !== 'string') {
    return 'sqliteFile' in target ? { kind: 'sqlite', file: target.sqliteFile } : { kind: 'postgres', url: target.postgresUrl };
  }
  if (isPostgresUrl(target)) return { kind: 'postgres', url: target };
  const file = target.replace(/^(sqlite|file):(\/\/)?/i, '');
  return { kind: 'sqlite', file };
};

/**
 * The database the environment selects: `DATABASE_URL=postgres://…` selects PostgreSQL
 * (`DATABASE_URL=sqlite:/path/file.sqlite` a SQLite file); otherwise `$DAIHOI_DATA/daihoi.sqlite`,
 * with DAIHOI_DATA defaulting to ./data.
 */
export const databaseTargetFromEnv = (env: NodeJS.ProcessEnv = process.env): DatabaseTarget => {
  const url = env['DATABASE_URL']?.trim();
  if (url !== undefined && url !== '') return url;
  return { sqliteFile: join(dataDirFromEnv(env), DEFAULT_SQLITE_FILE_NAME) };
};

/** The server's data folder (`DAIHOI_DATA`, default ./data): the SQLite file, the backup key, the hall's certificate. */
export const dataDirFromEnv = (env: NodeJS.ProcessEnv = process.env): string => env['DAIHOI_DATA']?.trim() || './data';

const openSqlite = (file: string, options: OpenOptions): OpenDatabase => {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path, { timeout: options.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', description: path, close: () => db.destroy() };
};

const describePostgres = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'postgres';
  }
};

const openPostgres = (url: string, options: OpenOptions): OpenDatabase => {
  const pool = new (postgresDriver().Pool)({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', description: describePostgres(url), close: () => db.destroy() };
};

/** Opens (and for SQLite creates, folder included) the database. Apply migrations with `migrateToLatest`. */
export const openDatabase = (target: DatabaseTarget, options: OpenOptions = {}): OpenDatabase => {
  const t = resolveTarget(target);
  return t.kind === 'sqlite' ? openSqlite(t.file, options) : openPostgres(t.url, options);
};
