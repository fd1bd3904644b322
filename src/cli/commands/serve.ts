/**
 * `daihoi serve [--port N] [--host H] [--demo]` (= `npm start`): opens the database (SQLite under $DAIHOI_DATA,
 * default ./data, or PostgreSQL when DATABASE_URL is set), applies the migrations, creates and prints the first
 * administrator account, and serves the API and the built web app (dist/web) on http://localhost:8080 (PORT).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../server/build.ts';
import { ensureAdministrator } from '../../server/first-admin.ts';
import type { EventBus } from '../../server/live/bus.ts';
import { memoryBus } from '../../server/live/memory-bus.ts';
import { loadDemoForServe } from '../../server/demo.ts';
import { databaseTargetFromEnv } from '../../store/db.ts';
import { openMigratedDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError } from '../io.ts';
import type { Command } from '../run.ts';

/** The package's folder: the nearest above this file with a package.json (from src/cli/commands or dist/node/cli/commands). */
const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
};
const root = packageRoot();
const version = (): string => {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

/**
 * The shared CLI parser knows no options, so `--port 8080` arrives as a bare flag and a positional: the serve
 * options are read again from the command line, with their types.
 */
const serveOptions = (args: Parameters<Command>[0]): { port?: string; host?: string; demo: boolean } => {
  const at = process.argv.indexOf('serve');
  const argv = at >= 0 ? process.argv.slice(at + 1) : [];
  const { values } = parseArgs({ args: argv, strict: false, allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' } } });
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return { port: text(values['port']), host: text(values['host']), demo: values['demo'] === true || args.flags['demo'] === true };
};

export const serveCommand: Command = async (args, io) => {
  const started = performance.now();
  const options = serveOptions(args);
  const portText = options.port ?? process.env['PORT'] ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`Lỗi: cổng "${portText}" không hợp lệ.\nError: invalid port "${portText}".\n`);
    return EXIT_BAD_INPUT;
  }
  const host = options.host ?? process.env['HOST'] ?? '127.0.0.1';
  const leaseText = process.env['DAIHOI_SCAN_LEASE_MS']?.trim();
  const scanLeaseMs = leaseText === undefined || leaseText === '' ? undefined : Number(leaseText);
  if (scanLeaseMs !== undefined && (!Number.isInteger(scanLeaseMs) || scanLeaseMs < 100)) {
    io.stderr(`Lỗi: DAIHOI_SCAN_LEASE_MS "${leaseText}" không hợp lệ.\nError: invalid DAIHOI_SCAN_LEASE_MS "${leaseText}".\n`);
    return EXIT_BAD_INPUT;
  }
  const target = databaseTargetFromEnv(process.env);
  const opened = await openMigratedDatabase(target);
  if (!opened.ok) return printError(io, opened.error);
  const { db, dialect, close } = opened.value;
  const admin = await ensureAdministrator(db);
  if (admin !== null) {
    io.stdout(`Đã tạo tài khoản quản trị / Administrator account created:\n  tên đăng nhập / username: ${admin.username}\n  mật khẩu / password: ${admin.password}\n(Hãy đổi mật khẩu sau khi đăng nhập / change it after signing in.)\n`);
  }
  if (options.demo) {
    io.stdout(await loadDemoForServe(db));
  }
  const url = process.env['DATABASE_URL']?.trim();
  let bus: EventBus = memoryBus();
  if (dialect === 'postgres' && url !== undefined && url !== '') {
    // Loaded for PostgreSQL only: the pg driver is not needed by a server on SQLite.
    const { postgresBus } = await import('../../server/live/postgres-bus.ts');
    bus = await postgresBus(url);
  }
  const app = await buildServer({
    db, dialect, bus, version: version(), webRoot: join(root, 'dist', 'web'),
    secureCookies: process.env['DAIHOI_SECURE_COOKIES'] === '1',
    // DAIHOI_SCAN_LEASE_MS: how long a scan job stays with a dead instance before another reads it (default 30 s; tests).
    ...(scanLeaseMs === undefined ? {} : { scanReader: { leaseMs: scanLeaseMs } }),
  });
  const address = await app.listen({ port, host });
  const actual = new URL(address).port;
  const ms = Math.round(performance.now() - started);
  io.stdout(`Đại Hội đang chạy tại / listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${actual} (${dialect}, ${ms} ms)\n`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      void app.close().then(close).finally(() => resolve(EXIT_OK));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
