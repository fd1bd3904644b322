/**
 * Who may call what: the roles of a congress and the groups of them that endpoints name in their `access`
 * (src/api/contract.ts). The server authorises every request from the endpoint's access; the route × role test
 * and the web app's `can(me, endpoint)` read the same entries, so a rule of access is written once.
 *
 * Roles are per congress; a server administrator is `admin` of every congress; a delegate signed in by the card
 * is `delegate` of their own congress; a counting-board member is scoped to one election (endpoints whose path
 * has `:electionId`).
 */
import { z } from 'zod';

export const ROLES = ['admin', 'secretariat', 'presidium', 'counting-board', 'technician', 'checkin', 'screen'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export type AccessRole = Role | 'delegate';
/** `public`: anyone; `signed-in`: any signed-in person; `server-admin`: the server's administrators. */
export type Access = 'public' | 'signed-in' | 'server-admin' | readonly AccessRole[];

export const ALL_ROLES: readonly AccessRole[] = [...ROLES, 'delegate'];

export const ADMIN = ['admin'] as const;
/** The convening committee's office: prepares the congress. */
export const OFFICE = ['admin', 'secretariat'] as const;
/** Those who run the sitting: the presidium and the secretariat. */
export const CHAIR = ['admin', 'secretariat', 'presidium'] as const;
export const STAFF = ['admin', 'secretariat', 'presidium', 'technician'] as const;
/** The check-in desks. */
export const DESK = ['admin', 'secretariat', 'technician', 'checkin'] as const;
export const READERS = ['admin', 'secretariat', 'presidium', 'technician', 'checkin', 'counting-board', 'screen'] as const;
export const EVERYONE = [...READERS, 'delegate'] as const;
/** Rulings and results are the counting board's alone (docs/rules.md §10). */
export const COUNTING_BOARD = ['counting-board'] as const;
/** Entry is by board members and the technical staff the convening committee chose. */
export const COUNTING_OPERATORS = ['counting-board', 'technician'] as const;
export const COUNTING_STAFF = ['admin', 'counting-board', 'technician'] as const;
/** The hall screen and those who steer it. */
export const HALL = ['admin', 'secretariat', 'presidium', 'screen'] as const;

/** Roles that see the congress's working data (unpublished results, staff documents). */
export const STAFF_ROLES: readonly AccessRole[] = ['admin', 'secretariat', 'presidium', 'technician', 'counting-board'];

/** Whether one of `roles` (the caller's roles in the congress) may use an endpoint of access `access`. */
export const allows = (access: Access, roles: readonly AccessRole[]): boolean =>
  typeof access === 'string' ? false : roles.some((r) => access.includes(r));
