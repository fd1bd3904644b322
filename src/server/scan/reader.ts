/**
 * The background reader of scanned stacks. Each instance takes one job at a time with a lease in the database
 * (renewed after every file, and every second within a long one): a job whose instance died — a crash, kill -9 — is taken over by any instance
 * once the lease has run out (on SQLite, by the restarted server at once), so an acknowledged upload is always read. Woken by an upload and every few
 * seconds in case another instance's job was left behind.
 */
import { ruleError } from '../../rules/index.ts';
import type { ServerDeps } from '../deps.ts';
import { keptUploads } from './kept-uploads.ts';
import { sheetReader } from './sheet-reader.ts';

export interface ScanReader {
  /** Something may be waiting to be read. */
  readonly kick: () => void;
  /**
   * An upload's files stored as job `jobId` are also in its spool `folder` (`files`: stored file id → path): read
   * from there by this instance, deleted once read (kept-uploads.ts). Call it before `kick`.
   */
  readonly keep: (jobId: number, folder: string, files: ReadonlyMap<number, string>) => void;
  /** Resolves when nothing is being read by this instance (tests, shutdown). */
  readonly idle: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export interface ScanReaderOptions {
  /** How long a job stays with its instance without news (default 30 s). */
  readonly leaseMs?: number;
  /** How often to look for jobs left behind (default 5 s; 0: only when kicked). */
  readonly pollMs?: number;
  /** The SQLite file the server stores in: the reader threads read the stored scan files from it themselves. */
  readonly sqliteFile?: string;
  /** Told of a job that threw (a bug, the database gone): the job is failed with a general reason. */
  readonly onError?: (jobId: number, error: unknown) => void;
}

export const startScanReader = (deps: ServerDeps, options: ScanReaderOptions = {}): ScanReader => {
  const leaseMs = options.leaseMs ?? 30_000;
  let closed = false;
  let again = false;
  let running: Promise<void> | null = null;
  let lastPublish = 0;
  const sheets = sheetReader();
  const kept = keptUploads();
  const until = (): string => new Date(deps.now().getTime() + leaseMs).toISOString();

  const claim = async (): Promise<number | undefined> => {
    const now = deps.now().toISOString();
    const open = await deps.db.selectFrom('scan_jobs').select('id').where('status', '=', 'reading')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).orderBy('id').limit(8).execute();
    for (const { id } of open) {
      const r = await deps.db.updateTable('scan_jobs').set({ lease_until: until() }).where('id', '=', id).where('status', '=', 'reading')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return id;
    }
    return undefined;
  };

  const readOne = async (id: number): Promise<void> => {
    // Loaded with the first stack: the reader's libraries (sharp, pdfkit for the blank ballot) stay out of an idle server.
    const { failJob, readJob } = await import('./read-job.ts');
    const job = await deps.db.selectFrom('scan_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      const outcome = await readJob(deps, id, {
        stopping: () => closed,
        prepareTarget: sheets.prepare,
        reader: sheets,
        // The upload's own file when it is still on disk; else the reader threads read SQLite's copy themselves (null:
        // the server's query reads it).
        loadFile: async (fileId: number, folder: string) => kept.take(id, fileId)
          ?? (options.sqliteFile === undefined ? null : sheets.load(options.sqliteFile, fileId, folder)),
        progress: async (filesRead, sheetsRead) => {
          const r = await deps.db.updateTable('scan_jobs').set({ files_read: filesRead, sheets_read: sheetsRead, lease_until: until() })
            .where('id', '=', id).where('status', '=', 'reading').executeTakeFirst();
          if (Date.now() - lastPublish > 400) {
            lastPublish = Date.now();
            await deps.bus.publish({ congressId: job.congress_id, kind: 'scan', id: job.round_id }).catch(() => undefined);
          }
          return Number(r.numUpdatedRows) === 1;
        },
      });
      // Left for later (the server is closing): the lease is given back so the next start reads it at once.
      if (outcome === 'abandoned') await deps.db.updateTable('scan_jobs').set({ lease_until: null }).where('id', '=', id).where('status', '=', 'reading').execute();
    } catch (e) {
      options.onError?.(id, e);
      if (closed) return;
      await failJob(deps, job, ruleError('scan.internal', 'Máy chủ gặp lỗi khi đọc tập phiếu này: huỷ lần quét và quét lại.',
        'The server failed while reading this stack: discard the scan and scan again.')).catch(() => undefined);
    } finally {
      await kept.release(id);
    }
  };

  /** The spools of jobs no longer waiting to be read (another instance read them, or they were discarded) deleted. */
  const prune = async (): Promise<void> => {
    const jobs = kept.jobs();
    if (jobs.length === 0) return;
    const reading = closed ? [] : await deps.db.selectFrom('scan_jobs').select('id').where('id', 'in', jobs).where('status', '=', 'reading').execute();
    const waiting = new Set(reading.map((j) => j.id));
    for (const job of jobs) if (!waiting.has(job)) await kept.release(job);
  };

  const drain = async (): Promise<void> => {
    try {
      while (!closed) {
        const id = await claim();
        if (id === undefined) return;
        await readOne(id);
      }
    } finally {
      // Nothing left to read: the worker thread and the form it holds are let go until the next stack.
      await sheets.close();
      await prune().catch((e: unknown) => options.onError?.(0, e));
    }
  };

  const kick = (): void => {
    if (closed) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await drain().catch((e: unknown) => options.onError?.(0, e));
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by callers while drain() awaits
      } while (again && !closed);
    })().finally(() => { running = null; });
  };

  const pollMs = options.pollMs ?? 5_000;
  const timer = pollMs > 0 ? setInterval(kick, pollMs) : null;
  timer?.unref();
  // An embedded database has one server: a lease still running was this server's before it died, free at once.
  const start = deps.dialect === 'sqlite'
    ? deps.db.updateTable('scan_jobs').set({ lease_until: null }).where('status', '=', 'reading').execute().then(() => undefined)
    : Promise.resolve();
  void start.catch((e: unknown) => options.onError?.(0, e)).finally(kick);

  const idle = async (): Promise<void> => {
    while (running !== null) await running;
  };
  return {
    kick,
    keep: kept.keep,
    idle,
    close: async () => {
      closed = true;
      if (timer !== null) clearInterval(timer);
      await idle();
      await sheets.close();
      await prune();
    },
  };
};
