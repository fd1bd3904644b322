/** Records a show-of-hands vote: measured against N_base and the people present now, decided by the rules core. */
import type { Transaction } from 'kysely';
import { decideShowOfHands, err, ok, requireHandsCounted, type Result } from '../rules/index.ts';
import type { Congress, Database, Vote, VotesTable } from '../store/schema.ts';
import { loadBaseSnapshot } from './attendance.ts';
import { audit } from './audit.ts';
import { unprocessable, type Problem } from './problems.ts';
import type { Caller } from './route.ts';

export interface VoteInput {
  readonly subject: string;
  readonly kind: VotesTable['kind'];
  readonly agree: number;
  readonly disagree: number;
  readonly other: number;
  readonly agendaItemId?: number | null;
  readonly electionId?: number | null;
  readonly candidateId?: number | null;
}

export const recordVote = async (
  trx: Transaction<Database>, congress: Congress, caller: Caller, input: VoteInput, now: string,
): Promise<Result<Vote, Problem>> => {
  const counted = requireHandsCounted(input);
  if (!counted.ok) return err(unprocessable(counted.error));
  const attendance = await loadBaseSnapshot(trx, congress);
  const decision = decideShowOfHands(input, attendance.base, attendance.present);
  if (!decision.ok) return err(unprocessable(decision.error));
  const vote = await trx.insertInto('votes').values({
    // Unless told otherwise, a vote is taken under the item the congress is on: its session dates the record.
    congress_id: congress.id, agenda_item_id: input.agendaItemId ?? congress.current_agenda_item_id, subject: input.subject, kind: input.kind,
    election_id: input.electionId ?? null, candidate_id: input.candidateId ?? null,
    agree: input.agree, disagree: input.disagree, other: input.other, base: decision.value.base, present: attendance.present,
    base_exclusions: attendance.base_exclusions,
    passed: decision.value.passed ? 1 : 0, recorded_at: now,
    recorded_by: caller.principal?.kind === 'user' ? caller.principal.userId : null,
    voided_at: null, void_reason: null, voided_by: null,
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { congressId: congress.id, actor: caller.actor, role: caller.role, action: 'vote.record', subject: `vote:${vote.id}`,
    payload: { subject: input.subject, kind: input.kind, agree: input.agree, disagree: input.disagree, other: input.other, base: vote.base, present: vote.present, passed: decision.value.passed } });
  return ok(vote);
};
