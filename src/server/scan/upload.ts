/**
 * The files of a scan upload, written to a private temporary folder as they arrive instead of held in memory (a
 * stack of 500 ballots is about 230 MB, and an upload may bring 200 files of 60 MB): the upload's transaction then
 * stores them one at a time, so the server never holds more than one file of it.
 */
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { SCAN_FILE_MAX_BYTES, SCAN_MAX_FILES } from '../../api/scan.ts';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import { isHeif, sniffKind } from '../../scan/file-kind.ts';
import { fileHead } from '../../scan/sniff.ts';
import { badRequest, problem, type Problem } from '../problems.ts';
import { freeNow } from '../../runtime/free-now.ts';
import { tempFolder } from '../../runtime/temp-folder.ts';

export interface SpooledScans {
  /** The files in the order sent, each with its size in bytes. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: number }>;
  /**
   * One file's bytes, in a buffer kept from one file to the next (as large as the largest file): valid until the next
   * call. A new buffer of 25–60 MB a file outlived the collector's young generation while it was stored, and the
   * dead ones piled up to some 64 MB before a full collection freed them: the server's resident memory peaked there.
   */
  readonly read: (path: string) => Promise<Buffer>;
  /** The folder the files are in. */
  readonly folder: string;
  /** Frees the buffer of `read` (the files stay). */
  readonly free: () => void;
  /** Frees the buffer and deletes the folder (called once the files are stored or refused, unless handed over). */
  readonly remove: () => Promise<void>;
}

export interface ReusedBufferReader {
  /** The file's bytes, valid until the next read or `free`. */
  readonly read: (path: string) => Promise<Buffer>;
  /**
   * Gives the buffer's memory back now: left to the collector, the kept buffer (25–60 MB) of an upload stayed
   * resident through the first minute of the stack's reading, in a server thread too quiet for a full collection.
   */
  readonly free: () => void;
}

/** Reads files of at most `most` bytes into one buffer, allocated at the first read and reused by the next ones. */
export const reusedBufferReader = (most: number): ReusedBufferReader => {
  let kept: Buffer | null = null;
  return {
    read: async (path) => {
      kept ??= Buffer.allocUnsafeSlow(most);
      const file = await open(path, 'r');
      try {
        let at = 0;
        for (;;) {
          const { bytesRead } = await file.read(kept, at, kept.length - at, at);
          if (bytesRead === 0 || at + bytesRead === kept.length) return kept.subarray(0, at + bytesRead);
          at += bytesRead;
        }
      } finally {
        await file.close();
      }
    },
    free: () => {
      if (kept !== null) freeNow(kept);
      kept = null;
    },
  };
};

/**
 * The multipart upload's files (at most `most`), spooled to disk; refused (and nothing left on disk) when one is too
 * large or not a scan.
 */
export const spoolScans = async (req: FastifyRequest, most = SCAN_MAX_FILES): Promise<Result<SpooledScans, Problem>> => {
  if (!req.isMultipart()) {
    return err(problem(415, ruleError('upload.multipart', 'Cần gửi các tệp ảnh quét dạng multipart/form-data.', 'Send the scanned files as multipart/form-data.', 'file')));
  }
  const dir = await tempFolder('upload');
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const files: Array<{ path: string; bytes: number }> = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: SCAN_FILE_MAX_BYTES, files: most, fields: 10, fieldSize: 1000 } })) {
      if (part.type !== 'file') continue;
      const path = join(dir, String(files.length + 1));
      const out = createWriteStream(path, { mode: 0o600 });
      await pipeline(part.file, out);
      if (part.file.truncated) {
        await remove();
        return err(problem(413, ruleError('upload.too-large', `Tệp "${part.filename}" vượt quá ${SCAN_FILE_MAX_BYTES / 1024 / 1024} MB.`,
          `The file "${part.filename}" exceeds ${SCAN_FILE_MAX_BYTES / 1024 / 1024} MB.`, 'file')));
      }
      const head = await fileHead(path);
      if (sniffKind(head) === null) {
        await remove();
        if (isHeif(head)) {
          return err(problem(415, ruleError('scan.heic', `Tệp "${part.filename}" là ảnh HEIC của iPhone, máy chưa đọc được: trên iPhone vào Cài đặt › Camera › Định dạng, chọn "Tương thích nhất" rồi chụp lại, hoặc gửi ảnh dưới dạng JPEG.`,
            `The file "${part.filename}" is an iPhone HEIC photo, which cannot be read: on the iPhone, Settings › Camera › Formats, choose "Most Compatible" and take it again, or send the photo as JPEG.`, 'file')));
        }
        return err(problem(415, ruleError('scan.file-type', `Tệp "${part.filename}" không phải ảnh quét (PNG, JPEG, TIFF) hay PDF.`,
          `The file "${part.filename}" is not a scan (PNG, JPEG, TIFF) or a PDF.`, 'file')));
      }
      files.push({ path, bytes: out.bytesWritten });
    }
  } catch (e) {
    await remove();
    throw e;
  }
  if (files.length === 0) {
    await remove();
    return err(badRequest(ruleError('upload.missing', 'Thiếu tệp ảnh quét.', 'No scanned file was sent.', 'file')));
  }
  const reader = reusedBufferReader(Math.max(...files.map((f) => f.bytes)));
  return ok({ files, read: reader.read, folder: dir, free: reader.free, remove: async () => { reader.free(); await remove(); } });
};
