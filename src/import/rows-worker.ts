/** The worker thread of a list import: reads one file into rows (read-rows.ts) and answers once. */
import { parentPort, workerData } from 'node:worker_threads';
import { readRows } from './read-rows.ts';
import type { RowsRequest } from './read-off-thread.ts';

const port = parentPort;
if (port === null) throw new Error('rows-worker.ts runs as a worker thread');
const request = workerData as RowsRequest;
port.postMessage(await readRows(request.fileName, request.data, request.maxRows));
