import { open } from 'node:fs/promises';

/** What a scan file is, by its first bytes (no decoding library: the server checks uploads with it at no cost). */
export type ScanFileKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

/** By the first bytes, never by the file name. */
export const sniffKind = (bytes: Uint8Array): ScanFileKind | null => {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'pdf';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00)) return 'tiff';
  return null;
};

/** A file's kind on disk, by its first bytes (the rest is not read). */
export const sniffFile = async (path: string): Promise<ScanFileKind | null> => {
  const f = await open(path, 'r');
  try {
    const b = new Uint8Array(16);
    const { bytesRead } = await f.read(b, 0, b.length, 0);
    return sniffKind(b.subarray(0, bytesRead));
  } finally {
    await f.close();
  }
};
