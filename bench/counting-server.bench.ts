/**
 * The server-side cost of counting, through `inject()` on a fresh SQLite file (WAL, synchronous=FULL:
 * every acknowledged ballot is on disk): the seed congress's committee election (27 names), 5 batches of 50,
 * two operators per batch. Per ballot entry: one POST /batches/:batch/ballots with a typed line — authenticate,
 * lock, replay the batch's log through the counting core, parse, apply, store the event and its audit entry in one
 * transaction. The same on PostgreSQL when TEST_DATABASE_URL is set. Also the keystrokes of the seed pile typed
 * with auto-commit (compactEntry) and with spaces.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { compactEntry, countingContext, formatEntry, keystrokes } from '../src/counting/index.ts';
import { defaultCountSettings, type Ballot } from '../src/rules/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { seedCongressCountFile, SEED_NAMES, seedId } from '../test/fixtures/seed-congress.ts';
import { call, setupCountingCongress } from '../test/api/counting-support.ts';
import type { BenchResult } from './run.ts';

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Enters the seed pile twice (5 batches of 50) through inject(); returns the time of each ballot POST. */
const enterSeedPile = async (db: Kysely<Database>, dialect: 'sqlite' | 'postgres', lines: readonly string[]): Promise<number[]> => {
  const times: number[] = [];
  const k = await setupCountingCongress(db, dialect, 'bench-kiem-phieu');
  const { app, R, users } = k;
  const must = (x: { status: number; text: string }, status: number): void => {
    if (x.status !== status) throw new Error(`${x.status}: ${x.text}`);
  };
  try {
    must(await call(app, 'POST', `${R}/counting`, users.head!, { issued: 250, collected: 245 }), 200);
    for (let start = 0, n = 1; start < lines.length; start += 50, n++) {
      const size = Math.min(50, lines.length - start);
      must(await call(app, 'POST', `${R}/batches`, users.head!, { label: `Tập ${n}`, physicalCount: size }), 201);
      const B = `${R}/batches/${n}`;
      must(await call(app, 'POST', `${B}/entries`, users.an!, {}, 'may-1'), 201);
      must(await call(app, 'POST', `${B}/entries`, users.binh!, {}, 'may-2'), 201);
      for (const [who, terminal] of [[users.an!, 'may-1'], [users.binh!, 'may-2']] as const) {
        for (let i = 0; i < size; i++) {
          const t0 = performance.now();
          const res = await call(app, 'POST', `${B}/ballots`, who, { position: i + 1, text: lines[start + i] }, terminal);
          times.push(performance.now() - t0);
          must(res, 201);
        }
      }
    }
  } finally {
    await app.close();
  }
  return times;
};

const summary = (where: string, times: readonly number[]): BenchResult[] => [
  { bench: `counting-server: POST one typed ballot (inject, ${where}, ${times.length} ballots), mean`, value: round3(times.reduce((a, b) => a + b, 0) / times.length), unit: 'ms' },
  { bench: `counting-server: POST one typed ballot (${where}), median`, value: round3(percentile(times, 0.5)), unit: 'ms' },
  { bench: `counting-server: POST one typed ballot (${where}), p95`, value: round3(percentile(times, 0.95)), unit: 'ms' },
];

export default async (): Promise<BenchResult[]> => {
  const r = countingContext({ kind: 'committee', seats: 24, alternateSeats: 0, base: 250, settings: defaultCountSettings,
    candidates: SEED_NAMES.map((name, i) => ({ id: seedId(i), name })) });
  if (!r.ok) throw new Error(r.error.message_en);
  const ctx = r.value;
  const pile = seedCongressCountFile().ballots as readonly Ballot[];
  const lines = pile.map((b) => compactEntry(ctx, b));
  const out: BenchResult[] = [];

  const dir = mkdtempSync(join(tmpdir(), 'daihoi-bench-'));
  const opened = openDatabase({ sqliteFile: join(dir, 'daihoi.sqlite') });
  try {
    const m = await migrateToLatest(opened.db, 'sqlite');
    if (!m.ok) throw new Error(m.error.message_en);
    out.push(...summary('SQLite', await enterSeedPile(opened.db, 'sqlite', lines)));
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // PostgreSQL too when the machine has one for tests (a fresh database, dropped afterwards).
  const admin = process.env['TEST_DATABASE_URL']?.trim();
  if (admin !== undefined && admin !== '') {
    const name = `daihoi_bench_${randomBytes(6).toString('hex')}`;
    const sql = async (q: string): Promise<void> => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try { await c.query(q); } finally { await c.end(); }
    };
    await sql(`create database ${name}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    const pgdb = openDatabase(u.toString(), { poolSize: 4 });
    try {
      const m = await migrateToLatest(pgdb.db, 'postgres');
      if (!m.ok) throw new Error(m.error.message_en);
      out.push(...summary('PostgreSQL', await enterSeedPile(pgdb.db, 'postgres', lines)));
    } finally {
      await pgdb.close();
      await sql(`drop database if exists ${name} with (force)`);
    }
  }

  const valid = pile.slice(0, 240);
  const avg = (f: (b: Ballot) => string): number => valid.reduce((s, b) => s + keystrokes(f(b)), 0) / valid.length;
  out.push(
    { bench: 'counting: seed congress keystrokes per valid ballot, auto-commit (compactEntry)', value: round3(avg((b) => compactEntry(ctx, b))), unit: 'keys' },
    { bench: 'counting: seed congress keystrokes per valid ballot, with spaces (formatEntry)', value: round3(avg((b) => formatEntry(ctx, b))), unit: 'keys' },
  );
  return out;
};
