/**
 * Failed sign-ins, counted per (account, client address) and per address, so that an attacker is slowed and the
 * person whose account is attacked still signs in from their own machine. An attempt is counted BEFORE its
 * password is verified, in one UPDATE that also refuses it when the key is held: of any number of parallel
 * attempts, only the free ones reach the (slow) password check. A success forgets the account's count at that
 * address; a server administrator's unlock forgets it at every address.
 *
 * After `free` failures every further attempt waits: 30 s after the 5th failure, doubling with each failure up to
 * 15 minutes. A count untouched for a day is forgotten.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';

export const THROTTLE = {
  /** Failures of one account from one address before the first wait. */
  accountFree: 5,
  /** Failures from one address, whatever the accounts, before the first wait (password spraying). */
  addressFree: 50,
  /**
   * Failed sign-ins by card from one address before the first wait: delegates mistyping on the hall's network pass;
   * guessing any of 1,000 cards' typed codes (31^10 ≈ 8 × 10^14) at this pace would take centuries.
   */
  cardFree: 30,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
} as const;

/** How long to wait after the `failures`-th failure (null: not yet). Pure. */
export const delayAfter = (failures: number, free: number): number | null =>
  failures < free ? null : Math.min(THROTTLE.firstDelayMs * 2 ** Math.min(failures - free, 30), THROTTLE.maxDelayMs);

/**
 * `locked_until` for the row's next count (`failures + 1`), as SQL both databases run: a CASE over the levels
 * up to the cap, each with its instant computed here (ISO text compares in time order).
 */
const lockAfterNext = (free: number, now: Date): RawBuilder<string | null> => {
  const at = (ms: number): string => new Date(now.getTime() + ms).toISOString();
  const levels: RawBuilder<unknown>[] = [];
  let n = free;
  for (; delayAfter(n, free)! < THROTTLE.maxDelayMs; n++) levels.push(sql`when failures + 1 = ${n} then ${at(delayAfter(n, free)!)}`);
  return sql<string | null>`case when failures + 1 < ${free} then null ${sql.join(levels, sql` `)} else ${at(THROTTLE.maxDelayMs)} end`;
};

export const accountKey = (username: string, address: string): string => `account:${username}@${address}`;
export const addressKey = (address: string): string => `address:${address}`;

interface Key {
  readonly key: string;
  readonly username: string | null;
  readonly address: string;
  readonly free: number;
}

export type Reservation =
  | { readonly ok: true; readonly failures: number }
  | { readonly ok: false; readonly until: string };

/** Counts one attempt on `k` unless it is held; answers the count or until when it is held. */
const reserveOne = async (db: Kysely<Database>, k: Key, now: Date): Promise<Reservation> => {
  const nowIso = now.toISOString();
  const stale = new Date(now.getTime() - THROTTLE.forgetAfterMs).toISOString();
  await db.insertInto('sign_in_throttle')
    .values({ key: k.key, username: k.username, address: k.address, failures: 0, locked_until: null, updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: 0, locked_until: null, updated_at: nowIso })
      .where('sign_in_throttle.updated_at', '<', stale))
    .execute();
  const row = await db.updateTable('sign_in_throttle')
    .set({ failures: sql<number>`failures + 1`, locked_until: lockAfterNext(k.free, now), updated_at: nowIso })
    .where('key', '=', k.key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .returning('failures').executeTakeFirst();
  if (row !== undefined) return { ok: true, failures: row.failures };
  const held = await db.selectFrom('sign_in_throttle').select('locked_until').where('key', '=', k.key).executeTakeFirst();
  return { ok: false, until: held?.locked_until ?? nowIso };
};

/**
 * Counts a sign-in attempt of `username` from `address`, before the password is looked at. Refused (with the
 * instant it may be tried again) when the account is held at this address or the address is held.
 */
export const reserveAttempt = async (db: Kysely<Database>, username: string, address: string, now: Date): Promise<Reservation> => {
  const perAddress = await reserveOne(db, { key: addressKey(address), username: null, address, free: THROTTLE.addressFree }, now);
  if (!perAddress.ok) return perAddress;
  return reserveOne(db, { key: accountKey(username, address), username, address, free: THROTTLE.accountFree }, now);
};

export const cardKey = (address: string): string => `card:${address}`;

/** Counts a sign-in by card (its QR token or its typed code) from `address` before the card is looked up. */
export const reserveCardAttempt = (db: Kysely<Database>, address: string, now: Date): Promise<Reservation> =>
  reserveOne(db, { key: cardKey(address), username: null, address, free: THROTTLE.cardFree }, now);

/** The card was right: this attempt is uncounted for the address. */
export const cardAttemptSucceeded = async (db: Kysely<Database>, address: string): Promise<void> => {
  await db.updateTable('sign_in_throttle').set({ failures: sql<number>`failures - 1` })
    .where('key', '=', cardKey(address)).where('failures', '>', 0).execute();
};

/** The attempt was right: the account's count at this address is forgotten, and this attempt uncounted for the address. */
export const attemptSucceeded = async (db: Kysely<Database>, username: string, address: string): Promise<void> => {
  await db.deleteFrom('sign_in_throttle').where('key', '=', accountKey(username, address)).execute();
  await db.updateTable('sign_in_throttle').set({ failures: sql<number>`failures - 1` })
    .where('key', '=', addressKey(address)).where('failures', '>', 0).execute();
};

/** Forgets an account's failures at every address, and those addresses' own counts (a server administrator's unlock). */
export const forgetAccount = async (db: Kysely<Database>, username: string): Promise<number> => {
  const rows = await db.selectFrom('sign_in_throttle').select('address').where('username', '=', username).execute();
  if (rows.length === 0) return 0;
  await db.deleteFrom('sign_in_throttle').where('username', '=', username).execute();
  await db.deleteFrom('sign_in_throttle').where('key', 'in', [...new Set(rows.map((r) => addressKey(r.address)))]).execute();
  return rows.length;
};

/** Accounts held now at some address: username → the latest instant they are held until. */
export const heldAccounts = async (db: Kysely<Database>, now: Date): Promise<ReadonlyMap<string, string>> => {
  const rows = await db.selectFrom('sign_in_throttle').select(['username', 'locked_until'])
    .where('username', 'is not', null).where('locked_until', '>', now.toISOString()).execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.username === null || r.locked_until === null) continue;
    const known = out.get(r.username);
    if (known === undefined || r.locked_until > known) out.set(r.username, r.locked_until);
  }
  return out;
};

/** Drops counts untouched for a day and no longer holding anything. */
export const forgetStale = async (db: Kysely<Database>, now: Date): Promise<void> => {
  const stale = new Date(now.getTime() - THROTTLE.forgetAfterMs).toISOString();
  await db.deleteFrom('sign_in_throttle').where('updated_at', '<', stale)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())])).execute();
};
