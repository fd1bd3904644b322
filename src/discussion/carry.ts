/**
 * Where the comments on a version go when a new version is stored: each unit of the old version is matched to the
 * unit of the new version with the same text, or else the most similar one (its comments follow it there), or to
 * none — its paragraph was removed (its comments stay, marked so, for the drafting committee to see).
 *
 * Matching: the alignment the readable difference shows (versions.ts) gives the same units and the reworded ones;
 * a reworded pair counts only when the texts are at least SIMILAR_ENOUGH alike; a unit left without a match (a
 * paragraph moved elsewhere, or paired with an unrelated one) takes the most similar unit of the new version at that
 * threshold, if any.
 */
import { similarity } from './grouping.ts';
import type { Unit } from './structure.ts';
import { versionDiff } from './versions.ts';

/** Jaccard of word uni- and bigrams (grouping.ts) from which a reworded paragraph is still "the same paragraph". */
export const SIMILAR_ENOUGH = 0.3;

export type CarryTarget<Id> = { readonly to: Id; readonly how: 'same' | 'similar' } | { readonly to: null; readonly how: 'removed' };

type WithId<Id> = Unit & { readonly id: Id };

export const carryUnits = <Id>(before: readonly WithId<Id>[], after: readonly WithId<Id>[]): Map<Id, CarryTarget<Id>> => {
  const out = new Map<Id, CarryTarget<Id>>();
  const unmatched: WithId<Id>[] = [];
  // versionDiff hands back the units it was given: the ids come along.
  for (const c of versionDiff(before, after)) {
    if (c.kind === 'same') out.set((c.before as WithId<Id>).id, { to: (c.after as WithId<Id>).id, how: 'same' });
    else if (c.kind === 'changed' && similarity(c.before.text, c.after.text) >= SIMILAR_ENOUGH) out.set((c.before as WithId<Id>).id, { to: (c.after as WithId<Id>).id, how: 'similar' });
    else if (c.kind !== 'added') unmatched.push(c.before as WithId<Id>);
  }
  for (const u of unmatched) {
    let best: WithId<Id> | null = null;
    let score = SIMILAR_ENOUGH;
    for (const a of after) {
      if (a.kind !== u.kind) continue;
      const s = similarity(u.text, a.text);
      if (s >= score && (best === null || s > score)) { best = a; score = s; }
    }
    out.set(u.id, best === null ? { to: null, how: 'removed' } : { to: best.id, how: 'similar' });
  }
  return out;
};

/** An opinion on a unit of the old version: a delegate's comment or a group's record, carried by the same rule. */
export interface PlacedOpinion<Id> { readonly id: number; readonly unitId: Id }

export interface CarryPlan<Id> {
  readonly same: number;
  readonly similar: number;
  readonly removed: number;
  /** Opinion id → where it goes: the new unit and how, or `to: null` (it stays on its removed paragraph). */
  readonly moves: ReadonlyArray<{ readonly id: number; readonly from: Id } & CarryTarget<Id>>;
}

/** Where each opinion goes: its unit's target (carryUnits); a unit without one counts as removed. */
export const planCarry = <Id>(targets: ReadonlyMap<Id, CarryTarget<Id>>, opinions: readonly PlacedOpinion<Id>[]): CarryPlan<Id> => {
  const counts = { same: 0, similar: 0, removed: 0 };
  const moves = opinions.map((o) => {
    const t: CarryTarget<Id> = targets.get(o.unitId) ?? { to: null, how: 'removed' };
    counts[t.how]++;
    return { id: o.id, from: o.unitId, ...t };
  });
  return { ...counts, moves };
};
