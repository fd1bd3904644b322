/** Ballots of one election round (PDF): the round's list in ballot order, the count settings, the congress header. */
import type { Kysely } from 'kysely';
import { renderBallotPdf } from '../../documents/index.ts';
import { err, ruleError, type Result } from '../../rules/index.ts';
import type { Congress, Database } from '../../store/schema.ts';
import { conflict, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { rendered } from './common.ts';
import { loadPrintRound, roundHeader } from './round.ts';

export const roundBallots = async (db: Kysely<Database>, congress: Congress, electionId: number, number: number): Promise<Result<FileOut, Problem>> => {
  const l = await loadPrintRound(db, congress, electionId, number);
  if (!l.ok) return l;
  const p = l.value;
  if (p.model.candidates.length === 0 && p.election.kind !== 'secretary-poll') {
    return err(conflict(ruleError('printout.empty-list', `Danh sách bầu cử của "${p.election.title}" (vòng ${p.round.number}) chưa có ai: chưa in được phiếu bầu.`,
      `The list of "${p.election.title}" (round ${p.round.number}) is empty: no ballots to print.`)));
  }
  const name = `phieu-bau-${congress.code}-bau-cu-${p.election.id}-vong-${p.round.number}`;
  return rendered(await renderBallotPdf({ header: roundHeader(congress, p), round: p.model }), 'pdf', name);
};
