/** The life of an election and its rounds as pure rules (no I/O): used by the server and the console alike. */
export * from './state-machine.ts';
export * from './facts.ts';
export * from './refusal.ts';
export * from './list.ts';
export * from './board.ts';
export * from './round-life.ts';
export * from './next-round.ts';
export * from './voids.ts';
export * from './agenda.ts';
