import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseTargetFromEnv, openDatabase } from '../../src/store/db.ts';
import { openMigratedDatabase } from '../../src/store/migrate.ts';
import { remapCandidateIdsInJson } from '../../src/store/backup-json.ts';

const dir = mkdtempSync(join(tmpdir(), 'daihoi-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store: which database and how it is opened', () => {
  it('selects PostgreSQL by DATABASE_URL, else $DAIHOI_DATA/daihoi.sqlite, else ./data/daihoi.sqlite', () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: 'postgres://u@h:5432/db' })).toBe('postgres://u@h:5432/db');
    expect(databaseTargetFromEnv({ DAIHOI_DATA: '/srv/daihoi' })).toEqual({ sqliteFile: '/srv/daihoi/daihoi.sqlite' });
    expect(databaseTargetFromEnv({})).toEqual({ sqliteFile: 'data/daihoi.sqlite' });
    expect(databaseTargetFromEnv({ DATABASE_URL: ' ', DAIHOI_DATA: '' })).toEqual({ sqliteFile: 'data/daihoi.sqlite' });
  });

  it('creates the data folder on first start and opens SQLite in WAL mode, synchronous FULL, foreign keys on', async () => {
    const file = join(dir, 'new', 'folder', 'daihoi.sqlite');
    const opened = await openMigratedDatabase(`sqlite:${file}`);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(existsSync(file)).toBe(true);
    expect(opened.value.dialect).toBe('sqlite');
    const pragma = async (name: string): Promise<unknown> =>
      Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(opened.value.db)).rows[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    await opened.value.close();
  });

  it('reports a database it cannot reach as an error value, not an exception', async () => {
    const r = await openMigratedDatabase('postgres://nobody@127.0.0.1:1/none');
    expect(!r.ok && r.error.message_vi).toMatch(/^Không/);
  });

  it('describes a PostgreSQL target without its password', () => {
    const opened = openDatabase('postgres://user:secret@db.example:6543/daihoi');
    expect(opened.description).toBe('db.example:6543/daihoi');
    void opened.close();
  });
});

describe('store: candidate ids inside JSON columns', () => {
  it('remaps ids where the rules and counting cores put them, and nothing else', () => {
    const map = (old: string): string | undefined => ({ '1': '101', '2': '102' } as Record<string, string>)[old];
    const event = { type: 'ballot-entered', batchId: '1', terminal: '2', operator: '1', position: 1,
      ballot: { struck: ['1'], marks: { 2: 'agree' }, writeIn: '2' } };
    expect(JSON.parse(remapCandidateIdsInJson(JSON.stringify(event), map))).toEqual({ ...event,
      ballot: { struck: ['101'], marks: { 102: 'agree' }, writeIn: '102' } });
    const count = { results: [{ id: '1', name: 'A', votes: 2 }], elected: ['1'], tie: { seats: 1, candidates: ['2'] }, base: 2 };
    expect(JSON.parse(remapCandidateIdsInJson(JSON.stringify({ type: 'election', count }), map))).toEqual({ type: 'election',
      count: { results: [{ id: '101', name: 'A', votes: 2 }], elected: ['101'], tie: { seats: 1, candidates: ['102'] }, base: 2 } });
    expect(remapCandidateIdsInJson('not json', map)).toBe('not json');
  });
});
