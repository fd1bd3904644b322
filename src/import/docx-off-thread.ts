/**
 * Reading a draft's .docx off the event loop: a worker thread with a bounded heap and a time limit (a zip bomb or a
 * huge file costs the server neither its answers to the hall nor its memory), as read-off-thread.ts does for lists.
 */
import type { SourceBlock } from '../discussion/index.ts';
import { runBoundedWorker } from '../runtime/bounded-worker.ts';
import { workerUrl } from '../runtime/worker-url.ts';
import { ruleError, type Result, type RuleError } from '../rules/index.ts';
import { READ_LIMITS, type ReadLimits } from './read-off-thread.ts';

export interface DocxRequest {
  readonly data: Uint8Array;
  readonly maxBlocks: number;
}

export const DOCX_LIMITS: ReadLimits = { timeoutMs: READ_LIMITS.timeoutMs, heapMb: 512 };

const tooComplex = (): RuleError => ruleError('discussion.docx-too-complex',
  'Tệp Word quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ hoặc thời gian).',
  'The Word file is too large or too complex to read (over the memory or time limit).', 'file');

export const readDocxOffThread = (request: DocxRequest, limits: ReadLimits = DOCX_LIMITS): Promise<Result<SourceBlock[], RuleError>> =>
  runBoundedWorker(workerUrl(import.meta.url, 'docx-worker'), request, { ...limits, youngMb: 32 }, tooComplex);
