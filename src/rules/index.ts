/** The rules of docs/rules.md as pure functions: no I/O, used by the server, the CLI and the browser alike. */
export * from './result.ts';
export * from './majority.ts';
export * from './base.ts';
export * from './decisions.ts';
export * from './settings.ts';
export * from './election.ts';
export * from './surplus.ts';
export * from './ballot.ts';
export * from './count.ts';
export * from './name-order.ts';
export * from './ballot-schema.ts';
export * from './count-schema.ts';
export * from './hand-count.ts';
