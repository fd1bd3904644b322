/**
 * Which screen each role may open, and where a user lands after signing in. Pure: tested without a DOM. A screen
 * opens for those the server lets do its main job, read from the contract's access entries (src/api).
 */
import { allows, API, HALL, type Access } from '../../api/index.ts';
import type { Me, WebRole as Role } from '../api/types.ts';

export type Screen = 'console' | 'checkin' | 'counting' | 'delegate' | 'hall' | 'roles' | 'discussion' | 'read' | 'group';

export const SCREEN_PATHS: Readonly<Record<Screen, string>> = {
  console: '/console',
  checkin: '/checkin',
  counting: '/counting',
  delegate: '/delegate',
  hall: '/hall',
  roles: '/roles',
  discussion: '/discussion',
  read: '/read',
  group: '/group',
};

const SCREEN_ACCESS: Readonly<Record<Screen, Access>> = {
  // Steering the sitting: choosing the agenda item in progress.
  console: API.setCurrentItem.access,
  checkin: API.checkIn.access,
  counting: API.countingOverview.access,
  delegate: API.myRecord.access,
  hall: HALL,
  // Giving users their roles at the congress.
  roles: API.grantRole.access,
  // The secretariat's synthesis of the discussion.
  discussion: API.getDiscussionSynthesis.access,
  // A delegate's phone reading and commenting on the drafts.
  read: API.myRecord.access,
  // A group's secretary (a delegate) or the office recording a group's opinions.
  group: API.recordGroupOpinion.access,
};

/** Order of preference for the landing screen. */
const LANDING: readonly Screen[] = ['console', 'counting', 'checkin', 'hall', 'delegate', 'roles', 'discussion', 'read', 'group'];

export const canOpen = (roles: readonly Role[], screen: Screen): boolean => allows(SCREEN_ACCESS[screen], roles);

export const screensFor = (roles: readonly Role[]): Screen[] => LANDING.filter((s) => canOpen(roles, s));

export const landingPath = (roles: readonly Role[]): string => {
  const first = screensFor(roles)[0];
  return first === undefined ? '/signin' : SCREEN_PATHS[first];
};

/** The server administrator's list of congresses and the new congress's form (outside any one congress). */
export const CONGRESSES_PATH = '/congresses';
export const isServerAdmin = (me: Pick<Me, 'principal'>): boolean => me.principal.kind === 'user' && me.principal.isServerAdmin;

export const screenOfPath = (path: string): Screen | null => {
  for (const [screen, prefix] of Object.entries(SCREEN_PATHS) as Array<[Screen, string]>) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return screen;
  }
  return null;
};

/** Screens of one's own account, which need no congress: one's password; the accounts, for a server administrator. */
export type AccountScreen = 'password' | 'accounts';
export const ACCOUNT_PATHS: Readonly<Record<AccountScreen, string>> = { password: '/account/password', accounts: '/accounts' };

export const accountScreenOfPath = (path: string): AccountScreen | null =>
  (Object.entries(ACCOUNT_PATHS) as Array<[AccountScreen, string]>).find(([, p]) => p === path)?.[0] ?? null;
