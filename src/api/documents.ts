import { z } from 'zod';

export const Visibility = z.enum(['public', 'delegates', 'staff']);
/** Uploads: at most 20 MB, of these types only. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};
export const DocumentView = z.object({
  id: z.number(), title: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(),
  visibility: Visibility, uploadedAt: z.string(),
});
export const DocumentPatch = z.object({ visibility: Visibility }).strict();
export const DocumentPatchView = z.object({ id: z.number(), visibility: Visibility });
