/**
 * What is still missing before the opening day, from the congress's own lists. Pure: the overview shows it, a test
 * checks it without a DOM. Each item names the console section where it is done.
 */
import type { Body, CongressView, DelegateView, ElectionView, Organisation, Session } from '../api/types.ts';

export type ChecklistKey = 'organisations' | 'delegates' | 'sessions' | 'bodies' | 'elections' | 'cards' | 'users';

export interface ChecklistItem {
  readonly key: ChecklistKey;
  /** null: this user cannot see whether it is done (e.g. the accounts, for the administrator only). */
  readonly done: boolean | null;
  readonly counts: Readonly<Record<string, number>>;
  /** Where it is done. */
  readonly to: string;
}

export interface ChecklistFacts {
  readonly congress: Pick<CongressView, 'kind'>;
  readonly organisations: readonly Pick<Organisation, 'role' | 'active'>[];
  readonly delegates: readonly Pick<DelegateView, 'status' | 'standing' | 'cardRevoked' | 'cardPrinted'>[];
  readonly sessions: readonly Pick<Session, 'items'>[];
  readonly bodies: readonly Pick<Body, 'kind' | 'members'>[];
  readonly elections: readonly Pick<ElectionView, 'id' | 'agendaItemId'>[];
  /** Staff accounts with a role at this congress; null when this user may not list them. */
  readonly roleGrants: number | null;
}

/** The bodies a congress sets up: a congress of members has no credentials committee (docs/rules.md §8). */
export const bodiesNeeded = (kind: CongressView['kind']): ReadonlyArray<Body['kind']> =>
  kind === 'members' ? ['presidium', 'secretariat', 'counting-board'] : ['presidium', 'secretariat', 'credentials', 'counting-board'];

/** A card is printed for a summoned official or alternate whose card is not revoked (as the card printout does). */
const needsCard = (d: ChecklistFacts['delegates'][number]): boolean =>
  !d.cardRevoked && d.standing !== 'probationary' && d.status !== 'not-summoned';

export const checklist = (f: ChecklistFacts): ChecklistItem[] => {
  const members = f.organisations.filter((o) => o.role === 'member' && o.active).length;
  const items = f.sessions.reduce((n, s) => n + s.items.length, 0);
  const needed = bodiesNeeded(f.congress.kind);
  const bodies = needed.filter((k) => f.bodies.some((b) => b.kind === k && b.members.length > 0)).length;
  const cards = f.delegates.filter(needsCard);
  const printed = cards.filter((d) => d.cardPrinted).length;
  // Voting on an election opens only while its agenda item is current (src/elections): each needs its item.
  const linked = f.elections.filter((e) => e.agendaItemId !== null).length;
  return [
    { key: 'organisations', done: f.congress.kind === 'members' || members > 0, counts: { n: members }, to: '/console/setup#organisations' },
    { key: 'delegates', done: f.delegates.length > 0, counts: { n: f.delegates.length }, to: '/console/delegates' },
    { key: 'sessions', done: f.sessions.length > 0 && items > 0, counts: { n: f.sessions.length, items }, to: '/console/setup#agenda' },
    { key: 'bodies', done: bodies === needed.length, counts: { n: bodies }, to: '/console/bodies' },
    { key: 'elections', done: f.elections.length > 0 && linked === f.elections.length, counts: { n: f.elections.length, linked }, to: '/console/elections' },
    { key: 'cards', done: cards.length > 0 && printed === cards.length, counts: { n: printed, of: cards.length }, to: '/console/delegates' },
    { key: 'users', done: f.roleGrants === null ? null : f.roleGrants > 0, counts: { n: f.roleGrants ?? 0 }, to: '/roles' },
  ];
};
