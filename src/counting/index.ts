/**
 * Counting paper ballots (kiểm phiếu bằng máy tính, docs/rules.md §10): keyboard entry, independent multi-entry in
 * batches, reconciliation, board rulings, the round result and the input log. Pure functions, no I/O: the
 * server, the counting console and the CLI all call these.
 */
export * from './context.ts';
export * from './ballot-key.ts';
export * from './keyboard-entry.ts';
export * from './batch.ts';
export * from './reconcile.ts';
export * from './ruling.ts';
export * from './round-result.ts';
export * from './input-log.ts';
export * from './views.ts';
export * from './log-print.ts';
export * from './schemas.ts';
