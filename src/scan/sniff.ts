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

/** An iPhone's HEIC photo (an ISO box 'ftyp' of a HEIF brand): not read, but refused with how to get a JPEG. */
export const isHeif = (bytes: Uint8Array): boolean => {
  const text = String.fromCharCode(...bytes.subarray(4, 12));
  return text.startsWith('ftyp') && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(text.slice(4));
};

/** A file's first bytes on disk (the rest is not read). */
export const fileHead = async (path: string): Promise<Uint8Array> => {
  const f = await open(path, 'r');
  try {
    const b = new Uint8Array(16);
    const { bytesRead } = await f.read(b, 0, b.length, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
};

/** A file's kind on disk, by its first bytes (the rest is not read). */
export const sniffFile = async (path: string): Promise<ScanFileKind | null> => sniffKind(await fileHead(path));
