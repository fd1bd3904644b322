/**
 * Rows for the fault tests (test/faults): a congress with delegates and a session, a committee election of the
 * seed congress's 27 names at `voting` (N_base 250) with its counting board, and staff signed in (session rows,
 * so a test needs no password sign-in, which is throttled). The server under test is a real process
 * (test/api/support/server.ts) on the harness's database (test/support/databases.ts).
 */
import type { Kysely } from 'kysely';
import { TERMINAL_HEADER } from '../../src/api/counting.ts';
import { SESSION_COOKIE } from '../../src/server/auth/principal.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import type { Database, Role } from '../../src/store/schema.ts';
import { SEED_NAMES } from '../fixtures/seed-congress.ts';
import { insertSmallCongress } from '../support/fixtures.ts';

const at = (): string => new Date().toISOString();

export interface Staff { readonly name: string; readonly cookie: string }

export const signIn = async (db: Kysely<Database>, congressId: number, name: string, roles: ReadonlyArray<readonly [Role, number | null]>): Promise<Staff> => {
  const u = await db.insertInto('users').values({ username: name, display_name: name, password_hash: 'not-used', is_server_admin: 0,
    disabled_at: null, created_at: at() }).returning('id').executeTakeFirstOrThrow();
  for (const [role, electionId] of roles) await db.insertInto('user_roles').values({ user_id: u.id, congress_id: congressId, role, election_id: electionId }).execute();
  const token = newToken();
  await db.insertInto('auth_sessions').values({ id: hashToken(token), user_id: u.id, delegate_id: null, congress_id: null, created_at: at(),
    expires_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString() }).execute();
  return { name, cookie: `${SESSION_COOKIE}=${token}` };
};

export interface FaultCongress {
  readonly code: string;
  readonly congressId: number;
  readonly sessionId: number;
  readonly delegateIds: readonly number[];
  readonly cardTokens: readonly string[];
  readonly electionId: number;
  readonly roundId: number;
  /** `/api/congresses/:code/elections/:id/rounds/1` */
  readonly R: string;
  readonly C: string;
  readonly staff: Readonly<Record<'head' | 'member' | 'admin' | 'secretariat' | 'op1' | 'op2' | 'op3' | 'op4', Staff>>;
}

export const insertFaultCongress = async (db: Kysely<Database>, code: string, delegates: number): Promise<FaultCongress> => {
  const c = await insertSmallCongress(db, code, delegates);
  const cardTokens: string[] = [];
  for (const id of c.delegateIds) {
    const token = newToken();
    await db.updateTable('delegates').set({ card_token: token }).where('id', '=', id).execute();
    cardTokens.push(token);
  }
  const board = await db.insertInto('bodies').values({ congress_id: c.congressId, kind: 'counting-board', title: 'Ban Kiểm phiếu', approved_vote_id: null })
    .returning('id').executeTakeFirstOrThrow();
  const election = await db.insertInto('elections').values({
    congress_id: c.congressId, kind: 'committee', title: 'Bầu Ban Chấp hành', seats: 24, alternate_seats: 0, max_surplus: 3,
    parent_round_id: null, counting_board_id: board.id, settings: '{}', approved_at: null, approval_reference: null, created_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const round = await db.insertInto('election_rounds').values({
    election_id: election.id, congress_id: c.congressId, number: 1, seats: 24, alternate_seats: 0, status: 'voting', base: 250, present: 250,
    ballots_issued: null, ballots_collected: null, result: null, decision: null, updated_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  for (const [i, name] of SEED_NAMES.entries()) {
    await db.insertInto('candidates').values({
      round_id: round.id, congress_id: c.congressId, delegate_id: null, full_name: name, birth_date: null, source: 'committee-list',
      position: i + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: null,
    }).execute();
  }
  const e = election.id;
  const staff = {
    head: await signIn(db, c.congressId, `${code}.truong-ban`, [['counting-board', e]]),
    member: await signIn(db, c.congressId, `${code}.uy-vien`, [['counting-board', e]]),
    admin: await signIn(db, c.congressId, `${code}.quan-tri`, [['admin', null]]),
    secretariat: await signIn(db, c.congressId, `${code}.thu-ky`, [['secretariat', null]]),
    op1: await signIn(db, c.congressId, `${code}.nhap-1`, [['technician', null]]),
    op2: await signIn(db, c.congressId, `${code}.nhap-2`, [['technician', null]]),
    op3: await signIn(db, c.congressId, `${code}.nhap-3`, [['technician', null]]),
    op4: await signIn(db, c.congressId, `${code}.nhap-4`, [['technician', null]]),
  };
  const C = `/api/congresses/${code}`;
  return { code, ...c, cardTokens, electionId: e, roundId: round.id, R: `${C}/elections/${e}/rounds/1`, C, staff };
};

export interface Answer<T = unknown> { readonly status: number; readonly body: T }

/** One JSON request to the server as `who` (optionally from a counting terminal); network errors reject. */
export const send = async <T = unknown>(base: string, method: string, path: string, who: Staff | null, body?: unknown, terminal?: string): Promise<Answer<T>> => {
  const headers: Record<string, string> = {};
  if (who !== null) headers['cookie'] = who.cookie;
  if (terminal !== undefined) headers[TERMINAL_HEADER] = terminal;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
};

/** A deterministic typed ballot of the 27-name list: 0 to 5 row numbers ("0": none struck). */
export const typed = (seed: number): string => {
  const rows = new Set<number>();
  let s = seed * 7919 + 17;
  const k = s % 6;
  while (rows.size < k) { s = (s * 1103515245 + 12345) % 2 ** 31; rows.add(1 + (s % 27)); }
  return rows.size === 0 ? '0' : [...rows].sort((a, b) => a - b).join(' ');
};
