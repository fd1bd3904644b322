/** The worker thread reading one .docx into blocks (docx-blocks.ts) and answering once. */
import { parentPort, workerData } from 'node:worker_threads';
import { readDocxBlocks } from './docx-blocks.ts';
import type { DocxRequest } from './docx-off-thread.ts';

const port = parentPort;
if (port === null) throw new Error('docx-worker.ts runs as a worker thread');
const request = workerData as DocxRequest;
port.postMessage(await readDocxBlocks(request.data, request.maxBlocks));
