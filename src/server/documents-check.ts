/** An uploaded document is accepted only when its extension is allowed AND its bytes look like that type. */
import { DOCUMENT_TYPES } from '../api/documents.ts';

const starts = (data: Uint8Array, bytes: readonly number[]): boolean => bytes.every((b, i) => data[i] === b);

const looksLike = (ext: string, data: Uint8Array): boolean => {
  switch (ext) {
    case 'pdf': return starts(data, [0x25, 0x50, 0x44, 0x46]);
    case 'png': return starts(data, [0x89, 0x50, 0x4e, 0x47]);
    case 'jpg': case 'jpeg': return starts(data, [0xff, 0xd8, 0xff]);
    case 'docx': case 'xlsx': return starts(data, [0x50, 0x4b, 0x03, 0x04]);
    case 'txt':
      if (data.includes(0)) return false;
      try { new TextDecoder('utf-8', { fatal: true }).decode(data); return true; } catch { return false; }
    default: return false;
  }
};

/** The MIME type to store and serve, or null when the file is refused. */
export const documentType = (fileName: string, data: Uint8Array): string | null => {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const mime = Object.hasOwn(DOCUMENT_TYPES, ext) ? DOCUMENT_TYPES[ext] : undefined;
  return mime !== undefined && data.length > 0 && looksLike(ext, data) ? mime : null;
};
