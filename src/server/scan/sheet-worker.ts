/**
 * The worker thread of scanning: prepares a round's blank ballot (rendered by pdfkit, rasterised, measured) and
 * reads sheets against it (src/scan readSheet: pure CPU, 50–200 ms a page), so the server's event loop keeps
 * answering check-in, typed entry and live updates while a stack is read.
 */
import { parentPort } from 'node:worker_threads';
import { prepareTarget, readSheet, type ScanTarget } from '../../scan/index.ts';
import { readPhoto } from '../../scan/photo.ts';
import type { SheetRequest, SheetResponse } from './sheet-protocol.ts';

let target: ScanTarget | null = null;
const port = parentPort;
if (port === null) throw new Error('sheet-worker.ts runs as a worker thread');
const reply = (r: SheetResponse): void => port.postMessage(r);

port.on('message', (m: SheetRequest) => {
  switch (m.type) {
    case 'target':
      target = m.target;
      return;
    case 'prepare':
      void prepareTarget(m.input).then(
        (r) => {
          if (r.ok) target = r.value;
          reply(r.ok ? { id: m.id, kind: 'prepared', target: r.value } : { id: m.id, kind: 'refused', error: r.error });
        },
        (e: unknown) => reply({ id: m.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    case 'read':
      reply(target === null ? { id: m.id, kind: 'failed', message: 'no target' } : { id: m.id, kind: 'read', outcome: readSheet(m.page, target, m.sheet) });
      return;
    case 'read-photo': {
      if (target === null) {
        reply({ id: m.id, kind: 'failed', message: 'no target' });
        return;
      }
      // The upright page goes back to the server (its crops for the board are cut from it), moved, not copied.
      const { outcome, image } = readPhoto(m.page, target, m.sheet);
      const upright = image === m.page ? null : image;
      port.postMessage({ id: m.id, kind: 'photo', outcome, image: upright } satisfies SheetResponse, upright === null ? [] : [upright.data.buffer as ArrayBuffer]);
    }
  }
});
