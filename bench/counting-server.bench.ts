/**
 * The server-side cost of counting (issue 4), through `inject()` on a fresh SQLite file (WAL, synchronous=FULL:
 * every acknowledged ballot is on disk): the seed congress's committee election (27 names), 5 batches of 50,
 * two operators per batch. Per ballot entry: one POST /batches/:batch/ballots with a typed line — authenticate,
 * lock, replay the batch's log through the counting core, parse, apply, store the event and its audit entry in one
 * transaction. Also the keystrokes of the seed pile typed with auto-commit (compactEntry) and with spaces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compactEntry, countingContext, formatEntry, keystrokes } from '../src/counting/index.ts';
import { defaultCountSettings, type Ballot } from '../src/rules/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { seedCongressCountFile, SEED_NAMES, seedId } from '../test/fixtures/seed-congress.ts';
import { call, setupCountingCongress } from '../test/api/counting-support.ts';
import type { BenchResult } from './run.ts';

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export default async (): Promise<BenchResult[]> => {
  const r = countingContext({ kind: 'committee', seats: 24, alternateSeats: 0, base: 250, settings: defaultCountSettings,
    candidates: SEED_NAMES.map((name, i) => ({ id: seedId(i), name })) });
  if (!r.ok) throw new Error(r.error.message_en);
  const ctx = r.value;
  const pile = seedCongressCountFile().ballots as readonly Ballot[];
  const lines = pile.map((b) => compactEntry(ctx, b));

  const dir = mkdtempSync(join(tmpdir(), 'daihoi-bench-'));
  const opened = openDatabase({ sqliteFile: join(dir, 'daihoi.sqlite') });
  const times: number[] = [];
  try {
    const m = await migrateToLatest(opened.db, 'sqlite');
    if (!m.ok) throw new Error(m.error.message_en);
    const k = await setupCountingCongress(opened.db, 'sqlite', 'bench-kiem-phieu');
    const { app, R, users } = k;
    const must = (x: { status: number; text: string }, status: number): void => {
      if (x.status !== status) throw new Error(`${x.status}: ${x.text}`);
    };
    must(await call(app, 'POST', `${R}/counting`, users.head!, { issued: 250, collected: 245 }), 200);
    for (let start = 0, n = 1; start < pile.length; start += 50, n++) {
      const size = Math.min(50, pile.length - start);
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
    await app.close();
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const valid = pile.slice(0, 240);
  const avg = (f: (b: Ballot) => string): number => valid.reduce((s, b) => s + keystrokes(f(b)), 0) / valid.length;
  return [
    { bench: 'counting-server: POST one typed ballot (inject, SQLite, 490 ballots), mean', value: round3(mean), unit: 'ms' },
    { bench: 'counting-server: POST one typed ballot, median', value: round3(percentile(times, 0.5)), unit: 'ms' },
    { bench: 'counting-server: POST one typed ballot, p95', value: round3(percentile(times, 0.95)), unit: 'ms' },
    { bench: 'counting: seed congress keystrokes per valid ballot, auto-commit (compactEntry)', value: round3(avg((b) => compactEntry(ctx, b))), unit: 'keys' },
    { bench: 'counting: seed congress keystrokes per valid ballot, with spaces (formatEntry)', value: round3(avg((b) => formatEntry(ctx, b))), unit: 'keys' },
  ];
};
