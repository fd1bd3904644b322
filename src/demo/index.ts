/** The seed congress: `demoCongress()` (pure data) and `loadDemo(db)` (into a database, audited). */
export { demoCongress, DEMO_CODE, DEMO_SEED } from './seed-data.ts';
export { loadDemo, type DemoCredential, type LoadDemoOptions, type LoadedDemo } from './load.ts';
export type * from './seed-types.ts';
