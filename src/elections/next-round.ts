/**
 * A further round of an election (docs/rules.md §6): after the last one is published, for the seats it left —
 * never more than the election still has to fill — starting from the tied, from everyone not elected, or from
 * nobody. Each round is a new election with its own ballots and minutes.
 */
import { checkElectionSpec, ok, seatsToFill, type CountOutcome, type Result } from '../rules/index.ts';
import { breaks, refuseNow, refuseRule, type Refusal } from './refusal.ts';
import type { CandidateFacts, ElectionFacts } from './facts.ts';
import type { RoundState } from './state-machine.ts';

export interface NextRoundRequest {
  readonly seats: number;
  readonly alternateSeats: number;
  readonly candidates: 'tied' | 'not-elected' | 'none';
}

interface PastRound {
  readonly number: number;
  readonly status: RoundState;
  readonly result: CountOutcome | null;
  readonly candidates: readonly CandidateFacts[];
}

const electedOf = (o: CountOutcome | null): { elected: readonly string[]; alternates?: readonly string[] } =>
  o !== null && o.type === 'election' ? o.count : { elected: [] };

/** The candidates the new round starts from (in the last round's order), or the refusal. */
export const planNextRound = (
  election: ElectionFacts, rounds: readonly PastRound[], want: NextRoundRequest,
): Result<readonly CandidateFacts[], Refusal> => {
  const lawful = checkElectionSpec({
    kind: election.kind, seats: want.seats, alternateSeats: want.alternateSeats, settings: election.settings,
    base: 1, present: 1, candidates: [{ id: 'x', name: 'x' }],
  });
  if (!lawful.ok) return { ok: false, error: breaks({ ...lawful.error, field: `body.${lawful.error.field?.replace('election.', '') ?? 'seats'}` }) };
  const last = [...rounds].sort((a, b) => b.number - a.number)[0];
  if (last === undefined) return refuseNow('round.none', 'Cuộc bầu cử chưa có vòng nào.', 'The election has no round yet.');
  if (last.status !== 'published' && last.status !== 'approved') {
    return refuseNow('round.previous-open', `Vòng ${last.number} chưa công bố kết quả: chưa mở vòng mới được.`, `Round ${last.number} is not published yet: no new round.`);
  }
  const left = seatsToFill(election, rounds.map((r) => electedOf(r.result)));
  if (want.seats > left.official) {
    return refuseRule('round.seats-over-remaining', `Số đại biểu chính thức cần bầu (${want.seats}) vượt số còn phải bầu (${left.official}).`,
      `Official seats (${want.seats}) exceed those still to fill (${left.official}).`, 'body.seats');
  }
  if (want.alternateSeats > left.alternate) {
    return refuseRule('round.alternate-seats-over-remaining', `Số đại biểu dự khuyết cần bầu (${want.alternateSeats}) vượt số còn phải bầu (${left.alternate}).`,
      `Alternate seats (${want.alternateSeats}) exceed those still to fill (${left.alternate}).`, 'body.alternateSeats');
  }
  const result = last.result !== null && last.result.type === 'election' ? last.result.count : null;
  const elected = new Set([...(result?.elected ?? []), ...(result?.alternates ?? [])]);
  // The official tie is settled first; an alternate tie only once the officials are filled (its `tie` then).
  const tied = new Set(result?.tie?.candidates ?? []);
  switch (want.candidates) {
    case 'none': return ok([]);
    case 'tied': return ok(last.candidates.filter((c) => tied.has(String(c.id))));
    case 'not-elected': return ok(last.candidates.filter((c) => c.status === 'listed' && !elected.has(String(c.id))));
  }
};
