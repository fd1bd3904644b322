/** Builders for the tests of src/elections: a round's facts written the way the congress sees them. */
import { defaultCountSettings } from '../rules/index.ts';
import type { BoardFacts, CandidateFacts, RoundFacts } from './facts.ts';

export const person = (id: number, over: Partial<CandidateFacts> = {}): CandidateFacts =>
  ({ id, delegateId: id, name: `Người ${id}`, source: 'committee-list', status: 'listed', pollAgree: null, ...over });

export const board = (over: Partial<BoardFacts> = {}): BoardFacts => ({
  id: 1, approved: true, members: [{ delegateId: 90, name: 'Lê Văn Trưởng', role: 'head' }, { delegateId: 91, name: 'Hà Thị Viên', role: 'member' }], ...over,
});

/** A committee round of 3 seats with 4 names from the convening committee, a board approved, in `draft`. */
export const round = (over: Partial<Omit<RoundFacts, 'election'>> & { readonly election?: Partial<RoundFacts['election']> } = {}): RoundFacts => ({
  number: 1, status: 'draft', seats: 3, alternateSeats: 0, present: null, ballotsIssued: null, ballotsCollected: null,
  candidates: [1, 2, 3, 4].map((id) => person(id)), board: board(), delegationMaxSurplus: null,
  ...over,
  election: { kind: 'committee', seats: 3, alternateSeats: 0, maxSurplus: null, settings: defaultCountSettings, ...over.election },
});
