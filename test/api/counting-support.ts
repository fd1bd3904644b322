/**
 * A congress ready to count, for the counting API tests and the benchmark: the seed congress's committee election
 * (27 names, 24 seats, N_base 250) with its round at `voting`, the counting staff signed in (session rows), and a
 * server built in-process (`inject()`, no port). Rows are inserted directly so these tests depend only on the
 * counting routes and the round transition.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { TERMINAL_HEADER } from '../../src/api/counting.ts';
import { SESSION_COOKIE } from '../../src/server/auth/principal.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { buildServer } from '../../src/server/build.ts';
import type { BusEvent } from '../../src/server/live/bus.ts';
import { memoryBus } from '../../src/server/live/memory-bus.ts';
import type { Database, Role } from '../../src/store/schema.ts';
import { SEED_NAMES } from '../fixtures/seed-congress.ts';

export interface Caller {
  readonly name: string;
  readonly userId: number;
  readonly cookie: string;
}

export interface CountingCongress {
  readonly app: FastifyInstance;
  readonly code: string;
  readonly congressId: number;
  readonly electionId: number;
  /** The congress's other election ("Bầu Ủy ban Kiểm tra"), at no round. */
  readonly otherElectionId: number;
  readonly roundId: number;
  /** Candidate ids in ballot order (row r is `candidateIds[r - 1]`). */
  readonly candidateIds: readonly number[];
  /** `/api/congresses/:code/elections/:id/rounds/1` */
  readonly R: string;
  readonly users: Readonly<Record<string, Caller>>;
  /** Every live event published by the server, in order. */
  readonly published: BusEvent[];
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Record<string, unknown>;
}

const at = (): string => new Date().toISOString();

export const signIn = async (db: Kysely<Database>, congressId: number, name: string, roles: ReadonlyArray<readonly [Role, number | null]>, serverAdmin = false): Promise<Caller> => {
  const u = await db.insertInto('users').values({ username: name, display_name: name, password_hash: 'not-used', is_server_admin: serverAdmin ? 1 : 0,
    disabled_at: null, created_at: at() }).returning('id').executeTakeFirstOrThrow();
  for (const [role, electionId] of roles) {
    await db.insertInto('user_roles').values({ user_id: u.id, congress_id: congressId, role, election_id: electionId }).execute();
  }
  const token = newToken();
  await db.insertInto('auth_sessions').values({ id: hashToken(token), user_id: u.id, delegate_id: null, congress_id: null, created_at: at(),
    expires_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString() }).execute();
  return { name, userId: u.id, cookie: `${SESSION_COOKIE}=${token}` };
};

/** The seed congress's committee election at `voting`, N_base 250, 250 present; the counting staff signed in. */
export const setupCountingCongress = async (
  db: Kysely<Database>, dialect: 'sqlite' | 'postgres', code: string, settings: Record<string, unknown> = {},
): Promise<CountingCongress> => {
  const congress = await db.insertInto('congresses').values({
    code, higher_organisation_name: 'ĐẢNG BỘ TỈNH THỬ', organisation_name: 'Đảng bộ Khối các cơ quan tỉnh', kind: 'delegates', ordinal: 'XIV',
    term_start_year: 2025, term_end_year: 2030, start_date: '2025-07-15', end_date: '2025-07-16', venue: 'Hội trường tỉnh', place: 'Lạng Sơn',
    settings: JSON.stringify(settings), current_agenda_item_id: null, current_speaker_id: null, created_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const board = await db.insertInto('bodies').values({ congress_id: congress.id, kind: 'counting-board', title: 'Ban Kiểm phiếu', approved_vote_id: null })
    .returning('id').executeTakeFirstOrThrow();
  const election = await db.insertInto('elections').values({
    congress_id: congress.id, kind: 'committee', title: 'Bầu Ban Chấp hành Đảng bộ khóa XV', seats: 24, alternate_seats: 0, max_surplus: 3,
    parent_round_id: null, counting_board_id: board.id, settings: '{}', approved_at: null, approval_reference: null, created_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const other = await db.insertInto('elections').values({
    congress_id: congress.id, kind: 'inspection-committee', title: 'Bầu Ủy ban Kiểm tra', seats: 3, alternate_seats: 0, max_surplus: 1,
    parent_round_id: null, counting_board_id: null, settings: '{}', approved_at: null, approval_reference: null, created_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const round = await db.insertInto('election_rounds').values({
    election_id: election.id, congress_id: congress.id, number: 1, seats: 24, alternate_seats: 0, status: 'voting', base: 250, present: 250,
    ballots_issued: null, ballots_collected: null, result: null, decision: null, updated_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const candidateIds: number[] = [];
  for (const [i, name] of SEED_NAMES.entries()) {
    const c = await db.insertInto('candidates').values({
      round_id: round.id, congress_id: congress.id, delegate_id: null, full_name: name, birth_date: null, source: 'committee-list',
      position: i + 1, status: 'listed', withdrawal_vote_id: null, poll_agree: null,
    }).returning('id').executeTakeFirstOrThrow();
    candidateIds.push(c.id);
  }
  const e = election.id;
  const users: Record<string, Caller> = {
    head: await signIn(db, congress.id, `${code}.truong-ban`, [['counting-board', e]]),
    member: await signIn(db, congress.id, `${code}.uy-vien`, [['counting-board', e]]),
    an: await signIn(db, congress.id, `${code}.an`, [['technician', null]]),
    binh: await signIn(db, congress.id, `${code}.binh`, [['technician', null]]),
    chi: await signIn(db, congress.id, `${code}.chi`, [['technician', null]]),
    presidium: await signIn(db, congress.id, `${code}.chu-tich`, [['presidium', null]]),
    admin: await signIn(db, congress.id, `${code}.quan-tri`, [['admin', null]]),
    secretariat: await signIn(db, congress.id, `${code}.thu-ky`, [['secretariat', null]]),
    screen: await signIn(db, congress.id, `${code}.man-hinh`, [['screen', null]]),
    'board-other': await signIn(db, congress.id, `${code}.bkp-khac`, [['counting-board', other.id]]),
    'no-role': await signIn(db, congress.id, `${code}.khong-vai-tro`, []),
  };
  const bus = memoryBus();
  const published: BusEvent[] = [];
  bus.subscribe((event) => { published.push(event); });
  const app = await buildServer({ db, dialect, bus });
  return {
    app, code, congressId: congress.id, electionId: e, otherElectionId: other.id, roundId: round.id, candidateIds,
    R: `/api/congresses/${code}/elections/${e}/rounds/1`, users, published,
  };
};

/** One request through `inject()`, as `who` from `terminal`. */
export const call = async <T = unknown>(
  app: FastifyInstance, method: InjectOptions['method'], url: string, who: Caller | null, body?: unknown, terminal?: string,
): Promise<Reply<T>> => {
  const headers: Record<string, string> = {};
  if (who !== null) headers['cookie'] = who.cookie;
  if (terminal !== undefined) headers[TERMINAL_HEADER] = terminal;
  const res = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
  const type = String(res.headers['content-type'] ?? '');
  return { status: res.statusCode, body: (type.includes('json') ? res.json() : res.body) as T, text: res.body, headers: res.headers };
};
