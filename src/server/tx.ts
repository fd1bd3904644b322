/** A change of consequence: in one transaction, with its audit entry, then its live event once committed. */
import type { Transaction } from 'kysely';
import { type Result } from '../rules/index.ts';
import type { Database } from '../store/schema.ts';
import type { ServerDeps } from './deps.ts';
import type { BusEvent } from './live/bus.ts';
import type { Problem } from './problems.ts';

class Rollback extends Error {
  constructor(readonly problem: Problem) {
    super('rollback');
  }
}

/** Runs `fn` in a transaction; an `err` result rolls everything back (audit entry included). */
export const transact = async <T>(
  deps: ServerDeps,
  fn: (trx: Transaction<Database>) => Promise<Result<T, Problem>>,
  events: readonly BusEvent[] | ((value: T) => readonly BusEvent[]) = [],
): Promise<Result<T, Problem>> => {
  let value: T;
  try {
    value = await deps.db.transaction().execute(async (trx) => {
      const r = await fn(trx);
      if (!r.ok) throw new Rollback(r.error);
      return r.value;
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, error: e.problem };
    throw e;
  }
  const list = typeof events === 'function' ? events(value) : events;
  for (const event of list) await deps.bus.publish(event).catch(() => undefined);
  return { ok: true, value };
};

/** Whether an error thrown by the database is a unique-constraint violation (SQLite or PostgreSQL). */
export const isUniqueViolation = (e: unknown): boolean => {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

export const nowIso = (deps: ServerDeps): string => deps.now().toISOString();
