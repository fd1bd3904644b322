/**
 * Counting paper ballots through the API (docs/rules.md §10): the board opens counting for a round and creates
 * batches with their physical count; operators open their own entry of a batch from their terminal and type the
 * ballots (parsed by the counting core), undo the last one, close the entry; the board reconciles, rules on every
 * disagreement, and finishes the count from the final batches only. Every change is one counting event applied by
 * the core, stored and audited in one transaction. An operator never receives another entry of the same batch.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../deps.ts';
import { batchRoutes } from './batches.ts';
import { entryRoutes } from './entries.ts';
import { inputLogRoutes } from './input-log.ts';
import { openFinishRoutes } from './open-finish.ts';
import { reconcileRoutes } from './reconcile.ts';
import { terminalRoutes } from './terminals.ts';

export const countingRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  openFinishRoutes(app, deps);
  batchRoutes(app, deps);
  entryRoutes(app, deps);
  reconcileRoutes(app, deps);
  inputLogRoutes(app, deps);
  terminalRoutes(app, deps);
};
