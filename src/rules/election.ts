import type { CountSettings } from './settings.ts';

/** What is elected by secret ballot (docs/rules.md §3), plus the two polls that are counted like ballots. */
export const ELECTION_KINDS = [
  'committee',
  'standing-committee',
  'secretary',
  'deputy-secretary',
  'inspection-committee',
  'inspection-chair',
  'delegates',
  'opinion-poll',
  'secretary-poll',
] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

export type CandidateId = string;

export interface Candidate {
  readonly id: CandidateId;
  readonly name: string;
}

export interface ElectionSpec {
  readonly kind: ElectionKind;
  /** Seats to fill; for "delegates" the official seats. */
  readonly seats: number;
  /** Alternate delegate seats ("delegates" only). */
  readonly alternateSeats: number;
  /** N_base of the congress at this election. */
  readonly base: number;
  /** Delegates present at the poll ("opinion-poll" only: its measure is the people present). */
  readonly present?: number | undefined;
  /** In ballot order. */
  readonly candidates: readonly Candidate[];
  readonly settings: CountSettings;
}

/** The three paper forms (docs/rules.md §5), plus the two poll forms. */
export type BallotForm = 'strike-out' | 'agree-disagree' | 'single' | 'opinion-poll' | 'write-in';

/**
 * How many names a voter may keep. For a delegation whose alternates come from the same ballot it is
 * official + alternate seats [open, default]; otherwise the seats.
 */
export const ballotLimit = (e: Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings'>): number =>
  e.seats + (e.kind === 'delegates' && e.settings.alternatesFromSameBallot ? e.alternateSeats : 0);

/**
 * A list longer than the ballot's limit is struck out; otherwise every row has agree/disagree boxes, and a
 * single name is the single-candidate form.
 */
export const ballotForm = (e: Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings' | 'candidates'>): BallotForm => {
  if (e.kind === 'opinion-poll') return 'opinion-poll';
  if (e.kind === 'secretary-poll') return 'write-in';
  if (e.candidates.length > ballotLimit(e)) return 'strike-out';
  return e.candidates.length === 1 ? 'single' : 'agree-disagree';
};

/** Bodies for which the law sets a surplus (docs/rules.md §4): committees and standing committees. */
export const surplusApplies = (kind: ElectionKind): boolean =>
  kind === 'committee' || kind === 'standing-committee';
