import type { ElectionKind } from './election.ts';
import { surplusApplies } from './election.ts';

/**
 * The largest lawful surplus for a body of `seats` (docs/rules.md §4) [law]: never above 30% of the seats, rounded
 * down [open, the only rounding that never exceeds 30%]; a body of 3–5 seats has at most 1.
 */
export const lawfulMaxSurplus = (seats: number): number => {
  if (seats >= 3 && seats <= 5) return 1;
  return Math.floor((3 * seats) / 10);
};

export type SurplusIssue =
  | { readonly code: 'no-surplus'; readonly listLength: number; readonly seats: number }
  | { readonly code: 'over-lawful-max'; readonly surplus: number; readonly max: number }
  | { readonly code: 'over-congress-max'; readonly surplus: number; readonly max: number }
  | { readonly code: 'congress-max-unlawful'; readonly congressMax: number; readonly lawfulMax: number }
  | { readonly code: 'committee-list-outside-10-15'; readonly surplus: number; readonly min: number; readonly max: number };

export interface SurplusCheck {
  readonly seats: number;
  readonly listLength: number;
  readonly surplus: number;
  /** The maximum in force: the congress's own, bounded by the lawful maximum. */
  readonly maxSurplus: number | null;
  /** Errors make the list unlawful; it cannot be approved. */
  readonly errors: readonly SurplusIssue[];
  /** Warnings are shown but do not block approval. */
  readonly warnings: readonly SurplusIssue[];
}

export interface SurplusInput {
  readonly kind: ElectionKind;
  readonly seats: number;
  readonly listLength: number;
  /** Maximum surplus voted by the congress; null until voted. */
  readonly congressMaxSurplus: number | null;
  /** Names on the convening committee's own list (before nominations); null when not known. */
  readonly conveningListLength: number | null;
  /** A setting for delegations [open, default none]. */
  readonly delegationMaxSurplus?: number | null;
}

/**
 * The surplus check of an election list (docs/rules.md §4). Committees and standing committees need a list longer
 * than the seats, within the lawful and the congress's maximum; the convening committee prepares 10–15%.
 */
export const checkSurplus = (input: SurplusInput): SurplusCheck => {
  const { seats, listLength, kind } = input;
  const surplus = listLength - seats;
  const errors: SurplusIssue[] = [];
  const warnings: SurplusIssue[] = [];
  if (!surplusApplies(kind)) {
    const max = kind === 'delegates' ? (input.delegationMaxSurplus ?? null) : null;
    if (max !== null && surplus > max) errors.push({ code: 'over-congress-max', surplus, max });
    return { seats, listLength, surplus, maxSurplus: max, errors, warnings };
  }
  const lawfulMax = lawfulMaxSurplus(seats);
  if (surplus <= 0) errors.push({ code: 'no-surplus', listLength, seats });
  if (surplus > lawfulMax) errors.push({ code: 'over-lawful-max', surplus, max: lawfulMax });
  const congressMax = input.congressMaxSurplus;
  if (congressMax !== null) {
    if (congressMax > lawfulMax) errors.push({ code: 'congress-max-unlawful', congressMax, lawfulMax });
    else if (surplus > congressMax) errors.push({ code: 'over-congress-max', surplus, max: congressMax });
  }
  if (input.conveningListLength !== null && seats > 5) {
    const own = input.conveningListLength - seats;
    const min = Math.ceil(seats / 10);
    const max = Math.floor((15 * seats) / 100);
    if (own < min || own > max) warnings.push({ code: 'committee-list-outside-10-15', surplus: own, min, max });
  }
  const maxSurplus = congressMax === null ? lawfulMax : Math.min(congressMax, lawfulMax);
  return { seats, listLength, surplus, maxSurplus, errors, warnings };
};

export interface PolledNominee {
  readonly id: string;
  /** Agree votes in the opinion poll. */
  readonly agree: number;
}

export interface NomineeAdmission {
  /** Admitted to the list, highest poll result first. */
  readonly admitted: readonly string[];
  /** Passed the poll but left out because the list reached its maximum. */
  readonly leftOut: readonly string[];
  /** Nominees of equal poll result straddling the last place: the congress must decide among them. */
  readonly tied: readonly string[];
}

/**
 * Nominees who passed the opinion poll are admitted from the highest result down until the list reaches its
 * maximum (docs/rules.md §4, the guidance's worked example) [law]. Equal results that straddle the last place are
 * not decided here.
 */
export const admitNominees = (
  passed: readonly PolledNominee[],
  room: number,
): NomineeAdmission => {
  const ranked = [...passed].sort((a, b) => b.agree - a.agree);
  if (ranked.length <= room) return { admitted: ranked.map((n) => n.id), leftOut: [], tied: [] };
  const cutVotes = room > 0 ? ranked[room - 1]!.agree : Number.POSITIVE_INFINITY;
  const nextVotes = ranked[room]!.agree;
  if (cutVotes !== nextVotes) {
    return { admitted: ranked.slice(0, room).map((n) => n.id), leftOut: ranked.slice(room).map((n) => n.id), tied: [] };
  }
  return {
    admitted: ranked.filter((n) => n.agree > cutVotes).map((n) => n.id),
    leftOut: ranked.filter((n) => n.agree < cutVotes).map((n) => n.id),
    tied: ranked.filter((n) => n.agree === cutVotes).map((n) => n.id),
  };
};
