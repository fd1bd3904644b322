/**
 * Giving a large buffer's memory back at once instead of at the collector's convenience. V8 frees an ArrayBuffer's
 * memory only when a collection finds it dead, and it starts a full collection for external memory only once some
 * 64 MB more of it is held than after the last one: in the quiet heaps of the scanning path (the server's thread while
 * a stack is read, a reader thread between pages) a dead 25 MB upload buffer or a few dead 5 MB pages stayed resident
 * for tens of seconds, and made the server's peak. Transferred into a message that no one can receive (posted on a
 * closed port), the buffer is detached and its memory freed before `postMessage` returns.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/** The ArrayBuffer a view holds alone (the whole of it, not shared memory), else null: only such a one may be moved or freed. */
export const wholeBuffer = (view: ArrayBufferView): ArrayBuffer | null => {
  const { buffer, byteOffset, byteLength } = view;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? buffer : null;
};

let closed: MessagePort | null = null;

const closedPort = (): MessagePort => {
  if (closed === null) {
    const { port1 } = new MessageChannel();
    port1.close();
    closed = port1;
  }
  return closed;
};

/**
 * Frees the memory of `view`'s buffer now when the view holds the whole of it and V8 or Node allocated it: the view
 * (and every other view of that buffer) is then empty, so call it only once nothing reads the buffer any more. A
 * buffer that cannot be moved (one a native library such as libvips allocated, a pooled small Buffer, part of a
 * larger buffer, shared memory) is left as it is, without a copy. True when the memory was freed.
 */
export const freeNow = (view: ArrayBufferView): boolean => {
  const buffer = wholeBuffer(view);
  if (buffer === null || buffer.byteLength === 0) return false;
  closedPort().postMessage(null, [buffer]);
  return buffer.byteLength === 0;
};
