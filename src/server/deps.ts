/** What every route may use: the database, the event bus, the clock. Passed in, so tests can build a server. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { EventBus } from './live/bus.ts';

export interface ServerDeps {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly bus: EventBus;
  readonly version: string;
  readonly now: () => Date;
  /** Cookies marked Secure (default on; off only for plain-HTTP tests and localhost). */
  readonly secureCookies: boolean;
  readonly sessionHours: number;
  /** Every JSON reply is checked against its endpoint's response schema (tests; a mismatch answers 500). */
  readonly checkReplies: boolean;
}
