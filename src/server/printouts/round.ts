/**
 * One election round as the documents see it (src/documents/model.ts ElectionRound): its list in ballot order
 * (the candidates still listed, ids as the count stores them), its settings and its counting board; and the
 * round's stored result (the rules core's CountOutcome, parsed with zod).
 */
import { STATE_LABELS } from '../../elections/state-machine.ts';
import type { CountingBoard, ElectionRound as RoundModel } from '../../documents/index.ts';
import { err, ok, ruleError, type CountOutcome, type ElectionKind, type Result } from '../../rules/index.ts';
import { countOutcomeFromJson } from '../../store/round-result-json.ts';
import type { Congress, Election, ElectionRound } from '../../store/schema.ts';
import { countSettingsOf, findElection, findRound, listed, roundCandidates } from '../election-data.ts';
import { conflict, notFound, type Problem } from '../problems.ts';
import { bodyPeople, congressHeader, documentDate, higherCongressOrdinalOf, itemDay, type Db } from './common.ts';

export interface PrintRound {
  readonly election: Election;
  readonly round: ElectionRound;
  readonly model: RoundModel;
  /** The counting board has members (the minutes need its signatures). */
  readonly hasBoard: boolean;
  /** The day of the session the round was voted in (its agenda item's, else the election's); null: unknown. */
  readonly sessionDay: string | null;
}

const NO_BOARD: CountingBoard = { head: '', members: [] };

export const loadPrintRound = async (db: Db, congress: Congress, electionId: number, number: number): Promise<Result<PrintRound, Problem>> => {
  const election = await findElection(db, congress.id, electionId);
  if (election === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
  const round = await findRound(db, election.id, number);
  if (round === undefined) return err(notFound(`vòng bầu ${number}`, `Round ${number}`, 'params.round'));
  const all = await roundCandidates(db, round.id);
  const candidates = listed(all);
  const voidedNominations = all.flatMap((c) =>
    (c.voided_at === null ? [] : [{ name: c.full_name, reason: c.void_reason ?? '', by: c.voided_by ?? '', at: c.voided_at }]));
  const board = election.counting_board_id === null ? null : await bodyPeople(db, election.counting_board_id);
  let pollFor: ElectionKind | undefined;
  if (election.kind === 'opinion-poll' && election.parent_round_id !== null) {
    const parent = await db.selectFrom('election_rounds').innerJoin('elections', 'elections.id', 'election_rounds.election_id')
      .select('elections.kind').where('election_rounds.id', '=', election.parent_round_id).executeTakeFirst();
    pollFor = parent?.kind;
  }
  const model: RoundModel = {
    electionId: String(election.id),
    round: round.number,
    kind: election.kind,
    seats: election.kind === 'opinion-poll' || election.kind === 'secretary-poll' ? 0 : round.seats,
    alternateSeats: election.kind === 'delegates' ? round.alternate_seats : 0,
    candidates: candidates.map((c) => ({ id: String(c.id), name: c.full_name })),
    settings: countSettingsOf(election),
    board: board?.board ?? NO_BOARD,
    ...(pollFor === undefined ? {} : { pollFor }),
    ...(voidedNominations.length === 0 ? {} : { voidedNominations }),
  };
  const sessionDay = (await itemDay(db, congress, round.agenda_item_id)) ?? (await itemDay(db, congress, election.agenda_item_id));
  return ok({ election, round, model, hasBoard: board !== null, sessionDay });
};

/** The header of a round's documents: dated by the session it was voted in, else the day it was last moved (within the congress). */
export const roundHeader = (congress: Congress, p: PrintRound) =>
  congressHeader(congress, p.sessionDay ?? documentDate(congress, p.round.updated_at), p.election.kind === 'delegates' ? higherCongressOrdinalOf(p.election.title) : null);

const COUNTED = new Set(['counted', 'published', 'approved']);

/** Minutes and the printed input log exist once the round is counted; before, a clear 409 in words. */
export const requireCounted = (p: PrintRound, what_vi: string, what_en: string): Result<true, Problem> =>
  COUNTED.has(p.round.status)
    ? ok(true)
    : err(conflict(ruleError('printout.not-counted',
      `Vòng bầu ${p.round.number} của "${p.election.title}" chưa kiểm phiếu xong (${STATE_LABELS[p.round.status].vi}): chưa in được ${what_vi}.`,
      `Round ${p.round.number} of "${p.election.title}" is not counted yet (${STATE_LABELS[p.round.status].en}): the ${what_en} cannot be printed.`)));

export const storedOutcome = (p: PrintRound): Result<CountOutcome, Problem> => {
  const damaged = (why: string) => err(conflict(ruleError('printout.result-damaged', `Kết quả đã lưu của vòng bầu không đọc được (${why}).`,
    `The stored result of the round cannot be read (${why}).`)));
  if (p.round.result === null) return damaged('trống');
  const parsed = countOutcomeFromJson(p.round.result);
  return parsed.ok ? parsed : err(conflict({ ...parsed.error, code: 'printout.result-damaged' }));
};
