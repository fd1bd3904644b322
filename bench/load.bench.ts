/**
 * Load bench (and the start-up figures): a real server as a separate child process on a random
 * loopback port with a temporary DAIHOI_DATA (SQLite), driven from this process over 127.0.0.1 only.
 *
 *  1. a fresh server without data: spawn → GET /api/health 200, and resident memory once idle;
 *  2. the seed congress (`serve --demo`): the same, then
 *     (a) N live WebSocket clients of the congress (5,000, or fewer when `ulimit -n` is lower): the time from
 *         sending a change of the current agenda item to the p50 / p99 / last client having the event;
 *     (b) 1,600 check-ins by card at 8 desks at once (delegates added by .csv import first): throughput, p50/p99;
 *     (c) ballot entry by 10 operators at once (5 batches, double entry) through the counting API: p50/p99;
 *     (d) the server's CPU time per phase (/proc/<pid>/stat) and its peak resident memory (VmHWM).
 *
 *     Then the same 10 operators paced at one ballot per 2 s each (a fast typist): the latency an operator sees.
 *
 * Bounded: every phase has a count and a share of a 170 s deadline; the child is always stopped.
 * Environment: LOAD_CLIENTS (default 5000), LOAD_CHECKINS (1600), LOAD_BALLOTS (per operator, 60);
 * LOAD_DATA_PARENT=/dev/shm (SQLite on tmpfs: a diagnostic of what fsync costs, not a production figure);
 * LOAD_DATABASE_URL=postgres://…/postgres runs part 2 on PostgreSQL instead, in a fresh database created on that
 * server (loopback only) and dropped afterwards; LOAD_INSTANCES=2 with it spreads the live clients over two server
 * instances on that database (events made on the first reach the second's clients through LISTEN/NOTIFY).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { memoryMb, percentile, startServerUnderLoad, type ServerUnderLoad } from './load/server.ts';
import { ballotEntry, checkins, deadline, delegatesForCheckin, liveFanout, openFilesLimit, signInStaff } from './load/scenarios.ts';

interface Row { bench: string; value: number; unit: string }

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const r1 = (x: number): number => Math.round(x * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: readonly number[]): number => percentile(xs, 50);

export default async (): Promise<Row[]> => {
  const rows: Row[] = [];
  const add = (bench: string, value: number, unit: string): void => { rows.push({ bench: `load: ${bench}`, value: r1(value), unit }); };
  const total = deadline(170_000);

  // 1. A fresh server (goal: ready ≤ 3 s, idle ≤ 150 MB).
  const fresh = await startServerUnderLoad({ demo: false });
  try {
    add('ready, fresh SQLite (spawn → health 200)', fresh.readyMs, 'ms');
    await sleep(3000);
    add('idle resident memory, fresh (VmRSS 3 s after ready)', memoryMb(fresh.pid).rss, 'MB');
  } finally {
    await fresh.stop();
  }

  // 2. The seed congress under load.
  const wantClients = num('LOAD_CLIENTS', 5000);
  const limit = await openFilesLimit();
  // Each client is one descriptor here and one in the server (same limit); keep 300 spare for files, the database, HTTP.
  const clients = Math.min(wantClients, limit - 300);
  let server: ServerUnderLoad | null = null;
  const extra: ServerUnderLoad[] = [];
  const admin = process.env['LOAD_DATABASE_URL']?.trim() ?? '';
  let databaseUrl: string | undefined;
  const onAdmin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  const dbName = `daihoi_load_${randomBytes(5).toString('hex')}`;
  if (admin !== '') {
    const u = new URL(admin);
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') throw new Error('LOAD_DATABASE_URL must be on the loopback');
    await onAdmin(`create database ${dbName}`);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const on = databaseUrl === undefined ? 'SQLite' : 'PostgreSQL';
  try {
    server = await startServerUnderLoad({ demo: true, ...(databaseUrl === undefined ? {} : { databaseUrl }) });
    add('ready, seed congress loaded (serve --demo, spawn → health 200)', server.readyMs, 'ms');
    await sleep(2000);
    add('idle resident memory, seed congress (VmRSS)', memoryMb(server.pid).rss, 'MB');
    const staff = await signInStaff(server);

    // (a) live fan-out.
    add('ulimit -n of the bench process', limit, 'files');
    const instances = databaseUrl === undefined ? 1 : Math.max(1, Math.min(4, num('LOAD_INSTANCES', 1)));
    for (let i = 1; i < instances; i++) extra.push(await startServerUnderLoad({ demo: false, databaseUrl: databaseUrl! }));
    if (instances > 1) add('live: server instances sharing the clients (one PostgreSQL)', instances, 'instances');
    const fan = await liveFanout(server, staff, clients, 5, deadline(Math.min(60_000, total.left() - 80_000)), extra);
    add(`live clients connected (${instances === 1 ? 'one instance' : `${instances} instances`}, one congress)`, fan.result.clients, 'clients');
    add('live clients: time to connect all and receive their snapshot', fan.result.connectSeconds, 's');
    add(`live event to p50 client (median of ${fan.result.events} events)`, median(fan.result.p50), 'ms');
    add(`live event to p99 client (median of ${fan.result.events} events)`, median(fan.result.p99), 'ms');
    add(`live event to p99 client (worst of ${fan.result.events} events)`, Math.max(...fan.result.p99), 'ms');
    add(`live event to last client (worst of ${fan.result.events} events)`, Math.max(...fan.result.max), 'ms');
    add('live: HTTP answer of the state change (median)', median(fan.result.ackMs), 'ms');
    add('live: events missed by clients (should be 0)', fan.result.missed, 'events');
    add('live: server CPU during the events (share of one core)', (100 * fan.result.serverCpuSeconds) / fan.result.wallSeconds, '%');
    add('live: server CPU per event (the change and its push to every client)', (1000 * fan.result.serverCpuSeconds) / fan.result.events, 'ms');
    add('live: bench-process CPU per event (reading every client socket)', (1000 * fan.result.benchCpuSeconds) / fan.result.events, 'ms');
    add('resident memory with the live clients connected (VmRSS)', memoryMb(server.pid).rss, 'MB');
    fan.close();
    for (const e of extra.splice(0)) await e.stop();
    await sleep(1000);

    // (b) check-ins.
    const wantCheckins = num('LOAD_CHECKINS', 1600);
    const tokens = await delegatesForCheckin(staff.admin, wantCheckins, deadline(Math.min(30_000, total.left() - 50_000)));
    const ci = await checkins(server, staff.admin, tokens, 8, deadline(Math.min(60_000, total.left() - 35_000)));
    if (ci.failed > 0) process.stderr.write(`load: ${ci.failed} check-ins refused, e.g. ${ci.failures[0]}\n`);
    add('check-ins done (8 desks at once, by card token)', ci.done - ci.failed, 'check-ins');
    add('check-ins: throughput', ci.done / ci.seconds, 'check-ins/s');
    add(`check-ins: time for ${ci.done}`, ci.seconds, 's');
    add('check-in latency p50', percentile(ci.latencies, 50), 'ms');
    add('check-in latency p99', percentile(ci.latencies, 99), 'ms');
    add('check-ins: server CPU (share of one core)', (100 * ci.serverCpuSeconds) / ci.seconds, '%');

    // (c) ballot entry by 10 operators.
    const perOperator = num('LOAD_BALLOTS', 60);
    const be = await ballotEntry(server, staff, 10, perOperator, { ballots: 10, everyMs: 2000 }, deadline(Math.min(60_000, total.left() - 5_000)));
    for (const [name, run] of [['as fast as answered', be.closed], ['one ballot per 2 s each', be.paced]] as const) {
      if (run.failed > 0) process.stderr.write(`load: ${run.failed} ballot entries refused (${name}), e.g. ${run.failures[0]}\n`);
      add(`ballot entries done, 10 operators at once, ${name} (5 batches × 2 entries)`, run.done - run.failed, 'ballots');
      add(`ballot entry, ${name}: throughput (all operators)`, run.done / run.seconds, 'ballots/s');
      add(`ballot entry, ${name}: latency p50`, percentile(run.latencies, 50), 'ms');
      add(`ballot entry, ${name}: latency p99`, percentile(run.latencies, 99), 'ms');
      add(`ballot entry, ${name}: server CPU (share of one core)`, (100 * run.serverCpuSeconds) / run.seconds, '%');
    }

    // (d) memory.
    add('server peak resident memory over the whole run (VmHWM)', memoryMb(server.pid).peak, 'MB');
  } finally {
    for (const e of extra) await e.stop();
    await server?.stop();
    if (databaseUrl !== undefined) await onAdmin(`drop database if exists ${dbName} with (force)`);
  }
  return rows.map((r, i) => (i >= 2 && on === 'PostgreSQL' ? { ...r, bench: `${r.bench} [PostgreSQL]` } : r));
};
