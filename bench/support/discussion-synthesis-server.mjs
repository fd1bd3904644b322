// The server of the synthesis figure of `npm run bench -- discussion`, in its own process so that its resident
// memory is the server's alone: opens the SQLite file the bench prepared, builds the compiled server (dist/node:
// run `npm run build:node` first) and listens on 127.0.0.1. Messages (fork IPC): it sends {port} when listening and
// {rssBeforeKb, peakKb, peakReset} when asked {report: true}, then exits. The bench is the HTTP client.
// Usage: fork('discussion-synthesis-server.mjs', [SQLITE_FILE], { execArgv: ['--expose-gc'] })
import { readFileSync, writeFileSync } from 'node:fs';
import { buildServer } from '../../dist/node/server/build.js';
import { openDatabase } from '../../dist/node/store/db.js';

const [file] = process.argv.slice(2);
const statusKb = (field) => {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN);
};
const opened = openDatabase({ sqliteFile: file });
const app = await buildServer({ db: opened.db, dialect: 'sqlite' });
await app.listen({ host: '127.0.0.1', port: 0 });
globalThis.gc?.();
const rssBeforeKb = statusKb('VmRSS');
// "5" resets the peak (VmHWM) to the current resident size, so the peak is the requests', not the start-up's.
let peakReset = true;
try { writeFileSync('/proc/self/clear_refs', '5'); } catch { peakReset = false; }
process.on('message', async (m) => {
  if (m?.report !== true) return;
  const peakKb = statusKb('VmHWM');
  await app.close();
  await opened.close();
  process.send({ rssBeforeKb, peakKb, peakReset }, () => process.exit(0));
});
process.send({ port: app.server.address().port });
