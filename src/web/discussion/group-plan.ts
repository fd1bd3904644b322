/**
 * What the groups form needs to know before it saves: who is in no group yet, the delegations an organisation
 * brings, and which chosen delegates would leave another group (a delegate is in one group only: the server moves
 * them, so the screen says so first).
 */
import type { GroupView } from '../../api/index.ts';
import type { DeskDelegate } from '../api/types.ts';

/** Delegates who take part in the discussion: those summoned (the others are absent, replaced or not summoned). */
const attends = (d: DeskDelegate): boolean => d.delegate.status === 'summoned';

export const unassigned = (delegates: readonly DeskDelegate[], groups: readonly GroupView[]): DeskDelegate[] => {
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  return delegates.filter((d) => attends(d) && !placed.has(d.delegate.id));
};

export interface Delegation { readonly organisationId: number; readonly name: string; readonly delegates: readonly DeskDelegate[] }

const collator = new Intl.Collator('vi');

/** Each organisation's summoned delegates, organisations in Vietnamese order of their names. */
export const delegations = (delegates: readonly DeskDelegate[]): Delegation[] => {
  const by = new Map<number, { name: string; delegates: DeskDelegate[] }>();
  for (const d of delegates) {
    const org = d.delegate.organisationId;
    if (org === null || !attends(d)) continue;
    const entry = by.get(org) ?? { name: d.organisationName ?? `#${org}`, delegates: [] };
    entry.delegates.push(d);
    by.set(org, entry);
  }
  return [...by].map(([organisationId, e]) => ({ organisationId, ...e })).sort((a, b) => collator.compare(a.name, b.name));
};

export interface Mover { readonly delegateId: number; readonly fullName: string; readonly from: string }

/** The chosen delegates now in a group other than the one being edited. */
export const movers = (groups: readonly GroupView[], editing: number | null, chosen: ReadonlySet<number>): Mover[] =>
  groups.filter((g) => g.id !== editing)
    .flatMap((g) => g.members.filter((m) => chosen.has(m.id)).map((m) => ({ delegateId: m.id, fullName: m.fullName, from: g.name })));
