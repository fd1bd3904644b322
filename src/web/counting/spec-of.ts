/** The rules core's ElectionSpec of an election's current round, built from the typed API's views. Pure. */
import { defaultCountSettings, type CountSettings, type ElectionSpec } from '../../rules/index.ts';
import type { ElectionView, Round } from '../api/types.ts';

export const currentRound = (election: ElectionView): Round | null =>
  [...election.rounds].sort((a, b) => b.number - a.number)[0] ?? null;

/** Candidates on the ballot are the listed ones, in list position (ballot order); ids are strings. */
export const specOf = (election: ElectionView, round: Round, settings: CountSettings = defaultCountSettings): ElectionSpec | null => {
  if (round.base === null) return null;
  const listed = round.candidates.filter((c) => c.status === 'listed' || c.status === 'withdrawal-requested')
    .sort((a, b) => a.position - b.position);
  return {
    kind: election.kind,
    seats: round.seats,
    alternateSeats: round.alternateSeats,
    base: round.base,
    ...(round.present === null ? {} : { present: round.present }),
    candidates: listed.map((c) => ({ id: String(c.id), name: c.fullName })),
    settings,
  };
};
