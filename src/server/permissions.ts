/**
 * Who may call what: the one table of the server (issue 3, issue 8). Every route is registered through
 * `defineRoute`, which refuses to start a route that is missing here, and the route × role test is generated
 * from this table, so a new route cannot escape it.
 *
 * Roles are per congress (user_roles); a server administrator is `admin` of every congress; a delegate
 * signed in by the card is `delegate` of their own congress; a counting-board member is scoped to one
 * election (routes with `:electionId`).
 */
import type { Role } from '../store/schema.ts';

export type AccessRole = Role | 'delegate';
/** `public`: anyone; `signed-in`: any signed-in person; `server-admin`: the server's administrators. */
export type Access = 'public' | 'signed-in' | 'server-admin' | readonly AccessRole[];

export const ALL_ROLES: readonly AccessRole[] = ['admin', 'secretariat', 'presidium', 'counting-board', 'technician', 'screen', 'delegate'];

const ADMIN = ['admin'] as const;
const OFFICE = ['admin', 'secretariat'] as const;
const CHAIR = ['admin', 'secretariat', 'presidium'] as const;
const STAFF = ['admin', 'secretariat', 'presidium', 'technician'] as const;
const DESK = ['admin', 'secretariat', 'technician'] as const;
const READERS = ['admin', 'secretariat', 'presidium', 'technician', 'counting-board', 'screen'] as const;
const EVERYONE = [...READERS, 'delegate'] as const;
const COUNTERS = ['admin', 'counting-board', 'technician'] as const;
/** Counting (issue 4): rulings are the board's alone; entry is by board members and technical staff (RULES.md §10). */
const COUNTING_BOARD = ['counting-board'] as const;
const COUNTING_OPERATORS = ['counting-board', 'technician'] as const;
const COUNTING_STAFF = ['admin', 'counting-board', 'technician'] as const;
const C = '/api/congresses/:code';
const E = `${C}/elections/:electionId`;
const R = `${E}/rounds/:round`;

export const PERMISSIONS = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/card': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/users': 'server-admin',
  'POST /api/users': 'server-admin',
  'GET /api/congresses': 'signed-in',
  'POST /api/congresses': 'server-admin',

  [`GET ${C}`]: EVERYONE,
  [`PATCH ${C}/settings`]: ADMIN,
  [`GET ${C}/roles`]: ADMIN,
  [`POST ${C}/roles`]: ADMIN,
  [`DELETE ${C}/roles/:id`]: ADMIN,

  [`GET ${C}/organisations`]: STAFF,
  [`POST ${C}/organisations`]: OFFICE,
  [`PATCH ${C}/organisations/:id`]: OFFICE,

  [`GET ${C}/delegates`]: STAFF,
  [`POST ${C}/delegates`]: OFFICE,
  [`GET ${C}/delegates/:id`]: [...STAFF, 'delegate'],
  [`PATCH ${C}/delegates/:id`]: OFFICE,
  [`PUT ${C}/delegates/:id/status`]: OFFICE,
  [`GET ${C}/delegates/:id/card`]: OFFICE,
  [`POST ${C}/delegates/:id/card`]: OFFICE,
  [`DELETE ${C}/delegates/:id/card`]: OFFICE,
  [`GET ${C}/delegates-template.xlsx`]: OFFICE,
  [`GET ${C}/delegates-export.xlsx`]: OFFICE,
  [`POST ${C}/delegates-import`]: OFFICE,

  [`GET ${C}/sessions`]: EVERYONE,
  [`POST ${C}/sessions`]: OFFICE,
  [`POST ${C}/sessions/:id/items`]: OFFICE,
  [`PUT ${C}/sessions/:id/items/order`]: OFFICE,
  [`PUT ${C}/current-item`]: CHAIR,
  [`POST ${C}/sessions/:id/checkins`]: DESK,
  [`GET ${C}/sessions/:id/checkins`]: STAFF,
  [`GET ${C}/attendance`]: EVERYONE,
  // A delegate's own record for their phone (src/server/routes/me.ts): the caller's own data only.
  [`GET ${C}/me`]: ['delegate'],

  [`GET ${C}/bodies`]: EVERYONE,
  [`POST ${C}/bodies`]: OFFICE,
  [`POST ${C}/bodies/:id/approval`]: CHAIR,
  [`GET ${C}/votes`]: EVERYONE,
  [`POST ${C}/votes`]: CHAIR,

  [`GET ${C}/elections`]: EVERYONE,
  [`POST ${C}/elections`]: OFFICE,
  [`GET ${E}`]: EVERYONE,
  [`PUT ${E}/max-surplus`]: CHAIR,
  [`PUT ${E}/counting-board`]: CHAIR,
  [`POST ${E}/rounds`]: CHAIR,
  [`POST ${R}/candidates`]: OFFICE,
  [`POST ${R}/candidates/:id/withdrawal`]: OFFICE,
  [`POST ${R}/candidates/:id/withdrawal-decision`]: CHAIR,
  [`POST ${R}/poll`]: [...OFFICE, 'counting-board'],
  [`GET ${R}/surplus`]: READERS,
  [`POST ${R}/transition`]: CHAIR,
  [`PUT ${R}/ballots`]: [...OFFICE, 'counting-board'],
  [`POST ${R}/count`]: COUNTERS,
  // Counting paper ballots (issue 4, src/server/routes/counting.ts): the board of this election opens, batches,
  // reconciles, rules and finishes; operators (board members or technicians) enter; nobody else reads entries.
  [`POST ${R}/counting`]: COUNTING_BOARD,
  [`GET ${R}/counting`]: COUNTING_STAFF,
  [`POST ${R}/counting/finish`]: COUNTING_BOARD,
  [`GET ${R}/batches`]: COUNTING_STAFF,
  [`POST ${R}/batches`]: COUNTING_BOARD,
  [`GET ${R}/batches/:batch`]: COUNTING_OPERATORS,
  [`POST ${R}/batches/:batch/entries`]: COUNTING_OPERATORS,
  [`POST ${R}/batches/:batch/ballots`]: COUNTING_OPERATORS,
  [`DELETE ${R}/batches/:batch/ballots/last`]: COUNTING_OPERATORS,
  [`POST ${R}/batches/:batch/close`]: COUNTING_OPERATORS,
  [`GET ${R}/batches/:batch/reconciliation`]: COUNTING_BOARD,
  [`POST ${R}/batches/:batch/rulings`]: COUNTING_BOARD,
  [`POST ${R}/batches/:batch/discard`]: COUNTING_BOARD,
  [`GET ${R}/reconciliation`]: COUNTING_BOARD,
  [`GET ${R}/result`]: COUNTING_BOARD,
  // Scanning a batch (issue 7, src/server/scan/routes.ts): operators upload the stack and follow its reading; the
  // board alone sees the crops of the sheets in review, decides them, and discards a stack to scan it again.
  [`POST ${R}/batches/:batch/scan`]: COUNTING_OPERATORS,
  [`GET ${R}/scan`]: COUNTING_OPERATORS,
  [`GET ${R}/scan/:job`]: COUNTING_BOARD,
  [`DELETE ${R}/scan/:job`]: COUNTING_BOARD,
  [`GET ${R}/scan/:job/sheets/:position/crop`]: COUNTING_BOARD,
  [`POST ${R}/scan/:job/sheets/:position/decide`]: COUNTING_BOARD,
  [`GET ${R}/input-log`]: [...ADMIN, 'counting-board'],
  [`GET ${R}/input-log/verify`]: [...ADMIN, 'counting-board'],

  [`GET ${C}/speakers`]: EVERYONE,
  [`POST ${C}/speakers`]: [...OFFICE, 'delegate'],
  [`PATCH ${C}/speakers/:id`]: CHAIR,
  [`PUT ${C}/current-speaker`]: CHAIR,

  [`GET ${C}/documents`]: 'public',
  [`GET ${C}/documents/:id`]: 'public',
  [`POST ${C}/documents`]: OFFICE,
  [`PATCH ${C}/documents/:id`]: OFFICE,
  [`DELETE ${C}/documents/:id`]: OFFICE,

  [`GET ${C}/targets`]: EVERYONE,
  [`PUT ${C}/targets`]: OFFICE,

  [`GET ${C}/live`]: EVERYONE,

  // Printed documents (issue 6, src/server/routes/printouts.ts): the congress staff print; the counting board prints
  // its own election's ballots, minutes and input log; delegates, technicians and the hall screen do not. Cards carry
  // the sign-in token of each delegate: only those who may read a card (GET …/delegates/:id/card) print them.
  [`GET ${C}/printouts/elections/:electionId/rounds/:round/ballots`]: [...CHAIR, 'counting-board'],
  [`GET ${C}/printouts/elections/:electionId/rounds/:round/minutes`]: [...CHAIR, 'counting-board'],
  [`GET ${C}/printouts/elections/:electionId/rounds/:round/input-log`]: [...CHAIR, 'counting-board'],
  [`GET ${C}/printouts/delegate-cards`]: OFFICE,
  [`GET ${C}/printouts/credentials-report`]: CHAIR,
  [`GET ${C}/printouts/attendance-report`]: CHAIR,
  [`GET ${C}/printouts/show-of-hands`]: CHAIR,
} as const satisfies Readonly<Record<string, Access>>;

export type RouteKey = keyof typeof PERMISSIONS;

export const isRouteKey = (key: string): key is RouteKey => Object.hasOwn(PERMISSIONS, key);

/** Whether one of `roles` (the caller's roles in the congress) may use a route of access `access`. */
export const allows = (access: Access, roles: readonly AccessRole[]): boolean =>
  typeof access === 'string' ? false : roles.some((r) => access.includes(r));
