/**
 * A full collection of this thread's heap, when the process runs with --expose-gc (`npm start` does, package.json);
 * nothing otherwise. Called where a large amount of memory has just died and nothing else would make V8 collect it
 * soon: a scan upload leaves its file buffer and its stream's chunks (about 30 MB of ArrayBuffers on a 500-sheet
 * stack) that stayed until 50–75 sheets into the reading, and the server's memory peaked there.
 */
export const collectGarbage = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
