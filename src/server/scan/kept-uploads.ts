/**
 * The files of an upload stored in the database and still in the upload's spool on this server's disk, kept there for
 * this instance's reader, which reads them from there rather than copying them out of the database again.
 *
 * Why: a stored file is copied out of SQLite a part at a time (`substr`), and SQLite loads the whole value (25–60 MB)
 * into memory for each part: while a stack of 500 was read, the server's resident memory rose by 25–30 MB four times
 * a file, and those rises made its peak (docs/MEASUREMENTS.md, 2026-12-07, h-mem7). The database's copy is still the
 * one that counts: read when the spool is not there (another instance, a restart, a file already taken).
 */
import { rm } from 'node:fs/promises';

export interface KeptUploads {
  /** The spool `folder` of job `jobId` kept for its reader: `files`, each stored file's id with its path in the folder. */
  readonly keep: (jobId: number, folder: string, files: ReadonlyMap<number, string>) => void;
  /** The path of stored file `fileId` of job `jobId` still on disk, handed over (the caller deletes it once read); null: not kept. */
  readonly take: (jobId: number, fileId: number) => string | null;
  /** Deletes what is left of a job's spool (read, failed, abandoned, taken by another instance). */
  readonly release: (jobId: number) => Promise<void>;
  /** The jobs whose spool is kept. */
  readonly jobs: () => number[];
}

export const keptUploads = (): KeptUploads => {
  const kept = new Map<number, { readonly folder: string; readonly files: Map<number, string> }>();
  return {
    keep: (jobId, folder, files) => { kept.set(jobId, { folder, files: new Map(files) }); },
    take: (jobId, fileId) => {
      const job = kept.get(jobId);
      const path = job?.files.get(fileId);
      if (job === undefined || path === undefined) return null;
      job.files.delete(fileId);
      return path;
    },
    release: async (jobId) => {
      const job = kept.get(jobId);
      if (job === undefined) return;
      kept.delete(jobId);
      await rm(job.folder, { recursive: true, force: true });
    },
    jobs: () => [...kept.keys()],
  };
};
