/** Reads the one file of a multipart upload, bounded in size; a clear problem for anything else. */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import { badRequest, problem, type Problem } from '../problems.ts';

export interface Upload {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: Buffer;
  readonly fields: Readonly<Record<string, string>>;
}

export const readUpload = async (req: FastifyRequest, maxBytes: number): Promise<Result<Upload, Problem>> => {
  if (!req.isMultipart()) {
    return err(problem(415, ruleError('upload.multipart', 'Cần gửi tệp dạng multipart/form-data (trường "file").',
      'Send the file as multipart/form-data (field "file").', 'file')));
  }
  const fields: Record<string, string> = {};
  let found: Upload | null = null;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000 } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) {
        return err(problem(413, ruleError('upload.too-large', `Tệp vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB.`,
          `The file exceeds ${Math.round(maxBytes / 1024 / 1024)} MB.`, 'file')));
      }
      found = { fileName: part.filename.normalize('NFC'), mimeType: part.mimetype, data, fields };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (found === null) return err(badRequest(ruleError('upload.missing', 'Thiếu tệp (trường "file").', 'The file is missing (field "file").', 'file')));
  return ok({ ...found, fields });
};
