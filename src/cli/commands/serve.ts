/**
 * `daihoi serve [--port N] [--host H] [--demo] [--https [--cert FILE --key FILE] [--http-port N]]` (= `npm start`):
 * opens the database (SQLite under $DAIHOI_DATA, default ./data, or PostgreSQL when DATABASE_URL is set), applies
 * the migrations, creates and prints the first administrator account, and serves the API and the built web app
 * (dist/web) on http://localhost:8080 (PORT). With HTTPS (--https or DAIHOI_HTTPS=1; implied by a certificate of
 * one's own): on https://…:8443 (PORT), with a certificate generated on the first start unless supplied (see
 * src/server/tls.ts), its fingerprint printed with a QR code and on a sheet to print, and plain HTTP on 8080
 * (HTTP_PORT, --http-port) answering only with a redirect to HTTPS.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_TOOL_MISSING } from '../../scan/scan-errors.ts';
import { buildServer } from '../../server/build.ts';
import { ensureAdministrator } from '../../server/first-admin.ts';
import type { EventBus } from '../../server/live/bus.ts';
import { memoryBus } from '../../server/live/memory-bus.ts';
import { hallCertificate } from '../../server/tls.ts';
import { dataDirFromEnv, databaseTargetFromEnv } from '../../store/db.ts';
import { openMigratedDatabase } from '../../store/migrate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError } from '../io.ts';
import type { Command } from '../command.ts';

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
interface ServeOptions {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly demo: boolean;
  readonly https: boolean;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly httpPort?: string | undefined;
}

const serveOptions = (args: Parameters<Command>[0]): ServeOptions => {
  const at = process.argv.indexOf('serve');
  const argv = at >= 0 ? process.argv.slice(at + 1) : [];
  const { values } = parseArgs({ args: argv, strict: false, allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' }, https: { type: 'boolean' },
      cert: { type: 'string' }, key: { type: 'string' }, 'http-port': { type: 'string' } } });
  const text = (v: unknown, env?: string): string | undefined => (typeof v === 'string' ? v : env === undefined ? undefined : process.env[env]?.trim() || undefined);
  const cert = text(values['cert'], 'DAIHOI_TLS_CERT');
  const key = text(values['key'], 'DAIHOI_TLS_KEY');
  return {
    port: text(values['port']), host: text(values['host']), demo: values['demo'] === true || args.flags['demo'] === true,
    https: values['https'] === true || process.env['DAIHOI_HTTPS'] === '1' || cert !== undefined || key !== undefined,
    cert, key, httpPort: text(values['http-port'], 'HTTP_PORT'),
  };
};

const portOf = (text: string): number | null => {
  const port = Number(text);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
};

export const serveCommand: Command = async (args, io) => {
  const started = performance.now();
  const options = serveOptions(args);
  const portText = options.port ?? process.env['PORT'] ?? (options.https ? '8443' : '8080');
  const httpPortText = options.httpPort ?? '8080';
  const port = portOf(portText);
  const httpPort = portOf(httpPortText);
  if (port === null || httpPort === null) {
    const bad = port === null ? portText : httpPortText;
    io.stderr(`Lỗi: cổng "${bad}" không hợp lệ.\nError: invalid port "${bad}".\n`);
    return EXIT_BAD_INPUT;
  }
  const certificate = options.https ? await hallCertificate({ dataDir: dataDirFromEnv(), certFile: options.cert, keyFile: options.key }) : null;
  if (certificate !== null && !certificate.ok) return printError(io, certificate.error);
  const tls = certificate?.ok === true ? certificate.value : null;
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
  const { db, dialect, close, description } = opened.value;
  const admin = await ensureAdministrator(db);
  if (admin !== null) {
    io.stdout(`Đã tạo tài khoản quản trị / Administrator account created:\n  tên đăng nhập / username: ${admin.username}\n  mật khẩu / password: ${admin.password}\n(Đăng nhập bằng mật khẩu này rồi đặt mật khẩu mới / sign in with it, then choose a new one.)\n`);
  }
  if (options.demo) {
    // Loaded with --demo only, like the certificate sheet with HTTPS: a plain start does not pay for them.
    const { loadDemoForServe } = await import('../../server/demo.ts');
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
    ...(tls === null ? {} : { https: { cert: tls.cert, key: tls.key } }),
    scanReader: {
      // DAIHOI_SCAN_LEASE_MS: how long a scan job stays with a dead instance before another reads it (default 30 s; tests).
      ...(scanLeaseMs === undefined ? {} : { leaseMs: scanLeaseMs }),
      // A SQLite file (its path is the database's description): the reader threads read the stored scans from it.
      ...(dialect === 'sqlite' && description !== ':memory:' ? { sqliteFile: description } : {}),
    },
  });
  const address = await app.listen({ port, host });
  const actual = Number(new URL(address).port);
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  let redirect: Server | null = null;
  if (tls !== null) {
    const { startRedirect, showCertificate } = await import('../../server/hall-https.ts');
    redirect = await startRedirect(host, httpPort, actual);
    io.stdout(await showCertificate(tls, host, actual));
  }
  const ms = Math.round(performance.now() - started);
  io.stdout(`Đại Hội đang chạy tại / listening on ${tls === null ? 'http' : 'https'}://${shown}:${actual} (${dialect}, ${ms} ms)\n`);
  if (redirect !== null) {
    const from = (redirect.address() as { port: number }).port;
    io.stdout(`HTTP http://${shown}:${from} chuyển hướng sang HTTPS / redirects to HTTPS\n`);
  }
  // After the listen, not before: the first request is not kept waiting for the check.
  execFile('pdftoppm', ['-v'], (e) => {
    if (e !== null && 'code' in e && e.code === 'ENOENT') io.stderr(`Cảnh báo: ${PDF_TOOL_MISSING.message_vi}\nWarning: ${PDF_TOOL_MISSING.message_en}\n`);
  });
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      redirect?.close();
      void app.close().then(close).finally(() => resolve(EXIT_OK));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
