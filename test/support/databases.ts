/**
 * The databases every store and API test runs on: SQLite always (a fresh temporary file), and PostgreSQL when
 * TEST_DATABASE_URL is set — then a fresh database `daihoi_test_<random>` is created for the test file and
 * dropped afterwards, so runs never see each other's data (STACK.md).
 *
 *   describeEachDatabase('store: delegates', (ctx) => {
 *     it('inserts', async () => { await ctx.db.insertInto('congresses')… });
 *   });
 *
 * Without TEST_DATABASE_URL the PostgreSQL suite is skipped with a loud line; with REQUIRE_ALL=1 that skip is
 * a failing test instead.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type DialectName } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';

export const POSTGRES_SKIP_MESSAGE = 'SKIPPED: PostgreSQL suite — set TEST_DATABASE_URL to run it';

export interface TestDatabase {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  /** What `openDatabase` (or DATABASE_URL) takes: `sqlite:/tmp/…/daihoi.sqlite` or `postgres://…/daihoi_test_…`. */
  readonly url: string;
  /** Environment for a child process (a server under test) to use this same database. */
  readonly env: Readonly<Record<string, string>>;
  /** Closes the connection (idempotent); the database itself is removed by `destroy`. */
  readonly close: () => Promise<void>;
  /** Closes and deletes the database (file or PostgreSQL database). */
  readonly destroy: () => Promise<void>;
}

export interface DatabaseUnderTest {
  readonly dialect: DialectName;
  /** Creates a fresh empty database, migrated unless `migrate: false`. */
  readonly create: (options?: { readonly migrate?: boolean }) => Promise<TestDatabase>;
}

const requireAll = (): boolean => process.env['REQUIRE_ALL'] === '1';
const postgresAdminUrl = (): string | null => {
  const url = process.env['TEST_DATABASE_URL']?.trim();
  return url === undefined || url === '' ? null : url;
};

const finish = async (opened: TestDatabase['db'], dialect: DialectName, migrate: boolean): Promise<void> => {
  if (!migrate) return;
  const r = await migrateToLatest(opened, dialect);
  if (!r.ok) throw new Error(r.error.message_vi);
};

const createSqlite = async (options?: { readonly migrate?: boolean }): Promise<TestDatabase> => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-test-'));
  const file = join(dir, 'daihoi.sqlite');
  const opened = openDatabase({ sqliteFile: file });
  await finish(opened.db, 'sqlite', options?.migrate ?? true);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await opened.close();
  };
  return {
    dialect: 'sqlite', db: opened.db, url: `sqlite:${file}`,
    env: { DATABASE_URL: `sqlite:${file}`, DAIHOI_DATA: dir },
    close,
    destroy: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const withAdmin = async (adminUrl: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

const createPostgres = (adminUrl: string) => async (options?: { readonly migrate?: boolean }): Promise<TestDatabase> => {
  const name = `daihoi_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, `create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const opened = openDatabase(url, { poolSize: 4 });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await opened.close();
  };
  const destroy = async (): Promise<void> => {
    await close();
    await withAdmin(adminUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    await finish(opened.db, 'postgres', options?.migrate ?? true);
  } catch (e) {
    await destroy();
    throw e;
  }
  return { dialect: 'postgres', db: opened.db, url, env: { DATABASE_URL: url }, close, destroy };
};

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set. */
export const databasesUnderTest = (): readonly DatabaseUnderTest[] => {
  const adminUrl = postgresAdminUrl();
  const sqlite: DatabaseUnderTest = { dialect: 'sqlite', create: createSqlite };
  return adminUrl === null ? [sqlite] : [sqlite, { dialect: 'postgres', create: createPostgres(adminUrl) }];
};

export interface DatabaseContext {
  readonly dialect: DialectName;
  /** The migrated database of this block (valid inside tests and hooks). */
  readonly db: Kysely<Database>;
  /** The same with its url and child-process environment. */
  readonly database: TestDatabase;
  /** Another fresh empty database of the same kind, destroyed after the block. */
  readonly fresh: (options?: { readonly migrate?: boolean }) => Promise<TestDatabase>;
}

let skipAnnounced = false;

/** Declares the PostgreSQL skip (loud), or a failing test when REQUIRE_ALL=1. */
const declarePostgresSkip = (name: string): void => {
  if (requireAll()) {
    describe(`${name} [postgres]`, () => {
      it('PostgreSQL suite must run (REQUIRE_ALL=1)', () => {
        throw new Error(`${POSTGRES_SKIP_MESSAGE} (REQUIRE_ALL=1: a skip is a failure)`);
      });
    });
    return;
  }
  if (!skipAnnounced) {
    skipAnnounced = true;
    console.warn(`\n*** ${POSTGRES_SKIP_MESSAGE} ***\n`);
  }
  describe(`${name} [postgres]`, () => {
    it.skip(POSTGRES_SKIP_MESSAGE, () => undefined);
  });
};

/** Runs the same tests once per database under test; `ctx` is filled before the first test. */
export const describeEachDatabase = (name: string, body: (ctx: DatabaseContext) => void): void => {
  for (const under of databasesUnderTest()) {
    describe(`${name} [${under.dialect}]`, () => {
      let current: TestDatabase | null = null;
      const extra: TestDatabase[] = [];
      const need = (): TestDatabase => {
        if (current === null) throw new Error('The test database is opened in beforeAll: use ctx inside tests or hooks.');
        return current;
      };
      const ctx: DatabaseContext = {
        dialect: under.dialect,
        get db() { return need().db; },
        get database() { return need(); },
        fresh: async (options) => {
          const d = await under.create(options);
          extra.push(d);
          return d;
        },
      };
      beforeAll(async () => { current = await under.create(); });
      afterAll(async () => {
        for (const d of [...extra, ...(current === null ? [] : [current])]) await d.destroy();
      });
      body(ctx);
    });
  }
  if (postgresAdminUrl() === null) declarePostgresSkip(name);
};
