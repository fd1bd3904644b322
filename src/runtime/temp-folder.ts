/**
 * The temporary folders of the scan path (an upload's spool, a stack's files while they are read, a PDF's pages),
 * named with the process that made them: one left behind by a process killed mid-way (kill -9, a power cut) is
 * removed by the next server start, and a folder of another live instance on the same machine never is.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEMP_KINDS = ['upload', 'scan-read', 'scan-pages'] as const;
export type TempKind = (typeof TEMP_KINDS)[number];

const NAME = new RegExp(`^daihoi-(?:${TEMP_KINDS.join('|')})-(\\d+)-[A-Za-z0-9]{6}$`, 'u');

/** A new private folder of this process for `kind`, in `parent` (the system's temporary folder by default). */
export const tempFolder = (kind: TempKind, parent = tmpdir()): Promise<string> =>
  mkdtemp(join(parent, `daihoi-${kind}-${process.pid}-`));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the folders of `parent` that processes no longer running left behind; their names. */
export const sweepTempFolders = async (parent = tmpdir()): Promise<string[]> => {
  const names = await readdir(parent).catch(() => [] as string[]);
  const left = names.filter((name) => {
    const pid = Number(NAME.exec(name)?.[1] ?? 0);
    return pid > 0 && pid !== process.pid && !alive(pid);
  });
  await Promise.all(left.map((name) => rm(join(parent, name), { recursive: true, force: true })));
  return left;
};
