/**
 * The worker thread that reads sheets (src/scan readSheet: pure CPU, 50–200 ms a page), so the server's event
 * loop keeps answering check-in, typed entry and live updates while a stack is read.
 */
import { parentPort } from 'node:worker_threads';
import { readSheet, type ScanTarget } from '../../scan/index.ts';
import type { SheetRequest, SheetResponse } from './sheet-protocol.ts';

let target: ScanTarget | null = null;
const port = parentPort;
if (port === null) throw new Error('sheet-worker.ts runs as a worker thread');

port.on('message', (m: SheetRequest) => {
  if (m.type === 'target') {
    target = m.target;
    return;
  }
  const reply: SheetResponse = target === null
    ? { id: m.id, ok: false, message: 'no target' }
    : { id: m.id, ok: true, outcome: readSheet(m.page, target, m.sheet) };
  port.postMessage(reply);
});
