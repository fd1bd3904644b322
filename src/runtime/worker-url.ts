/**
 * The module of a worker thread, beside the module that starts it. Built into dist/node the worker is plain
 * JavaScript (`name.js`); run as TypeScript (tsx, vitest) it needs its entry that registers tsx first
 * (`name-entry.mjs`, kept in src beside the worker).
 */
export const workerUrl = (from: string, name: string): URL =>
  new URL(from.endsWith('.ts') ? `./${name}-entry.mjs` : `./${name}.js`, from);
