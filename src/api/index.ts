/** The typed API shared by the server and the browser. Imports nothing from the server. */
export * from './errors.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './congresses.ts';
export * from './delegates.ts';
export * from './sessions.ts';
export * from './bodies.ts';
export * from './elections.ts';
export * from './counting.ts';
export * from './scan.ts';
export * from './speakers.ts';
export * from './documents.ts';
export * from './targets.ts';
export * from './live.ts';
export * from './me.ts';
