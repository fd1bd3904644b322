/**
 * The one place a round's status is written: legal by the state machine, and applied only if nobody moved the round
 * meanwhile (a conditional update on the status read), with its audit entry.
 */
import type { Transaction } from 'kysely';
import { checkTransition, lostRace, type RoundState } from '../elections/index.ts';
import { err, ok, type Result } from '../rules/index.ts';
import type { Database, ElectionRound } from '../store/schema.ts';
import { audit } from './audit.ts';
import { conflict, type Problem } from './problems.ts';
import type { Caller } from './route.ts';

export type RoundChange = Partial<Pick<ElectionRound, 'base' | 'present' | 'base_exclusions' | 'result' | 'counted_by' | 'hand_count'>>;

export const writeRoundStatus = async (
  trx: Transaction<Database>, caller: Pick<Caller, 'actor' | 'role'>, congressId: number, round: ElectionRound, to: RoundState,
  set: RoundChange, now: string,
): Promise<Result<ElectionRound, Problem>> => {
  const legal = checkTransition(round.status, to);
  if (!legal.ok) return err(conflict(legal.error));
  const updated = await trx.updateTable('election_rounds').set({ ...set, status: to, updated_at: now })
    .where('id', '=', round.id).where('status', '=', round.status).returningAll().executeTakeFirst();
  if (updated === undefined) {
    const actual = await trx.selectFrom('election_rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow();
    return err(conflict(lostRace(round.status, actual.status)));
  }
  await audit(trx, { congressId, actor: caller.actor, role: caller.role, action: 'round.transition', subject: `round:${round.id}`, payload: { from: round.status, to } });
  return ok(updated);
};
