/**
 * What a scan file is, by its first bytes, never by its name: pure, so the server checks uploads with it at no cost
 * and the browser checks a pick before a byte is sent.
 */
export type ScanFileKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

/** The first bytes that tell the kind (and an iPhone's HEIC): what a caller reads of a file. */
export const KIND_HEAD_BYTES = 16;

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
