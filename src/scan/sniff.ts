/** A scan file's kind on disk, by its first bytes (file-kind.ts). */
import { open } from 'node:fs/promises';
import { KIND_HEAD_BYTES, sniffKind, type ScanFileKind } from './file-kind.ts';

/** A file's first bytes on disk (the rest is not read). */
export const fileHead = async (path: string): Promise<Uint8Array> => {
  const f = await open(path, 'r');
  try {
    const b = new Uint8Array(KIND_HEAD_BYTES);
    const { bytesRead } = await f.read(b, 0, b.length, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
};

/** A file's kind on disk, by its first bytes (the rest is not read). */
export const sniffFile = async (path: string): Promise<ScanFileKind | null> => sniffKind(await fileHead(path));
