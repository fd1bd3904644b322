/**
 * A worker thread of scanning: prepares a round's blank ballot (rendered by pdfkit, rasterised, measured) when
 * asked, and reads sheets against it — decoding an image file's page itself from the file shared with it
 * (src/scan decodeSource), then readSheet or, for a photo, readPhoto: pure CPU, 50–200 ms a page — so the server's
 * event loop keeps answering check-in, typed entry and live updates while a stack is read, and several pages are
 * read at once on as many cores.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { ScanTarget } from '../../scan/form.ts';
import type { GreyImage } from '../../scan/image.ts';
import { groupSheets } from '../../scan/ballot.ts';
import { pagePool } from '../../scan/page-pool.ts';
import { readPhoto } from '../../scan/photo.ts';
import { reviewPng } from '../../scan/review.ts';
import { readSheet } from '../../scan/sheet.ts';
import { decodeThenRead, type DecodedPage } from './decode-then-read.ts';
import type { ReviewTime, SheetRequest, SheetResponse } from './sheet-protocol.ts';
import { movable } from './sheet-protocol.ts';
import { freeNow } from '../../runtime/free-now.ts';

let target: ScanTarget | null = null;
const port = parentPort;
if (port === null) throw new Error('sheet-worker.ts runs as a worker thread');
const reply = (r: SheetResponse): void => port.postMessage(r);
const failed = (id: number, e: unknown): void => reply({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });

/**
 * The pixels of the pages this thread reads and lets go itself, kept for its next pages (page-pool.ts: a new page's
 * memory faulted in cost ~5 ms a grey page). A page sent back to the server is not taken from it.
 */
const pages = pagePool();

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** `make`'s value and what it took (wall clock, the process's CPU). */
const timed = <T>(make: () => T): { value: T; time: ReviewTime } => {
  const c0 = cpuMs();
  const w0 = performance.now();
  const value = make();
  return { value, time: { wallMs: performance.now() - w0, cpuMs: cpuMs() - c0 } };
};

/** A read request without its page: what is kept while the decoded page is read (decode-then-read.ts). */
type ReadAsked = Omit<Extract<SheetRequest, { type: 'read' }>, 'page'>;

/** Whether this thread lets the page go itself (a shot only checked, a form of one page) rather than send it back. */
const keptByThread = (m: ReadAsked, form: ScanTarget): boolean => m.check === true || form.layout.pages.length === 1;

const read = (m: ReadAsked, page: DecodedPage, form: ScanTarget): void => {
  const keptHere = keptByThread(m, form);
  if (!page.ok) {
    reply({ id: m.id, kind: 'refused', error: page.error });
    return;
  }
  const { outcome, image }: { outcome: ReturnType<typeof readSheet>; image: GreyImage } = m.photo
    ? readPhoto(page.value, form, m.sheet) : { outcome: readSheet(page.value, form, m.sheet), image: page.value };
  if (keptHere) {
    // The sheet is its ballot: its review image is made here (none for a shot only checked) and the page let go here.
    // A page sent to the server's thread (4–12 MB) made its collector run long pauses there, while the hall's requests waited.
    const [ballot] = m.check === true ? [] : groupSheets(form, [outcome]);
    const images: GreyImage[] = [];
    images[m.sheet] = image;
    const made = ballot?.kind === 'review' ? timed(() => reviewPng(ballot, [outcome], images, form.layout)) : null;
    reply({ id: m.id, kind: 'read', outcome, image: null, review: made?.value ?? null, ...(made === null ? {} : { reviewTime: made.time }) });
    // Nothing reads the page any more (the outcome and the review image were copied into the reply): its pixels are
    // kept for the next page, or given back now rather than when this thread's collector next runs, a few pages later.
    if (image !== page.value) freeNow(image.data);
    pages.give(page.value.data);
    return;
  }
  // The page goes back to the server (its crops for the board are cut from it), moved, not copied, when it can be.
  port.postMessage({ id: m.id, kind: 'read', outcome, image, review: null } satisfies SheetResponse, movable(image));
};

interface StoredFiles { readonly copy: (id: number, folder: string) => string | null }

/** One read-only connection per database file, opened with the first file read. */
const databases = new Map<string, Promise<StoredFiles>>();

/** A stored file is copied out this many bytes at a time. */
const COPY_CHUNK = 8 << 20;

const openDatabase = async (path: string): Promise<StoredFiles> => {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(path, { readonly: true, fileMustExist: true });
  const size = db.prepare<[number], number | null>('SELECT length(data) FROM scan_files WHERE id = ?').pluck();
  const part = db.prepare<[number, number, number], Uint8Array>('SELECT substr(data, ?, ?) FROM scan_files WHERE id = ?').pluck();
  return {
    // Written out rather than kept: a file held for the seconds its pages take outlives the collector's young
    // generation, and the old one is rarely collected in these quiet heaps (each stored file stayed, 26 MB a file).
    // In parts of COPY_CHUNK, each written before the next is read (one read transaction; this thread blocks, the
    // server's does not): a whole file's copy in this heap (25–60 MB) stayed there, dead, until a collection.
    copy: (id, folder) => db.transaction((): string | null => {
      const n = size.get(id);
      if (n === undefined || n === null) return null;
      const out = join(folder, String(id));
      const fd = openSync(out, 'w', 0o600);
      try {
        for (let at = 0; at < n; at += COPY_CHUNK) {
          const bytes = part.get(at + 1, COPY_CHUNK, id)!;
          for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
        }
      } finally {
        closeSync(fd);
      }
      return out;
    })(),
  };
};

const load = async (m: Extract<SheetRequest, { type: 'load' }>): Promise<void> => {
  let db = databases.get(m.database);
  if (db === undefined) {
    db = openDatabase(m.database);
    databases.set(m.database, db);
  }
  reply({ id: m.id, kind: 'loaded', path: (await db).copy(m.fileId, m.folder) });
};

/**
 * Apart from the message handler below: its closures would hold the message, and so a read's file bytes, until the
 * reading is done.
 */
const onRead = (m: Extract<SheetRequest, { type: 'read' }>): void => {
  const { id } = m;
  const form = target;
  if (form === null) failed(id, new Error('no target'));
  else void decodeThenRead(m, keptByThread(m, form) ? pages : undefined, (asked, page) => read(asked, page, form)).catch((e: unknown) => failed(id, e));
};

port.on('message', (m: SheetRequest) => {
  switch (m.type) {
    case 'load':
      void load(m).catch((e: unknown) => failed(m.id, e));
      return;
    case 'target':
      target = m.target;
      return;
    case 'prepare':
      // The form's renderer (pdfkit, its fonts) is loaded only by the thread that prepares a form.
      void import('../../scan/form.ts').then(({ prepareTarget }) => prepareTarget(m.input)).then(
        (r) => {
          if (r.ok) target = r.value;
          reply(r.ok ? { id: m.id, kind: 'prepared', target: r.value } : { id: m.id, kind: 'refused', error: r.error });
        },
        (e: unknown) => failed(m.id, e),
      );
      return;
    case 'read':
      onRead(m);
  }
});
