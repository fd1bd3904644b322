/** Loading elections, rounds and candidates of a congress, and the views built from them. */
import type { Kysely, Transaction } from 'kysely';

import { CountSettingsSchema } from '../api/congresses.ts';
import type { ElectionView } from '../api/elections.ts';
import { checkSurplus, defaultCountSettings, inBallotOrder, type CountSettings, type SurplusCheck } from '../rules/index.ts';
import type { Candidate, Congress, Database, Election, ElectionRound } from '../store/schema.ts';
import type { AccessRole } from './permissions.ts';
import { readSettings } from './settings.ts';
import { candidateView } from './views.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const countSettingsOf = (e: Pick<Election, 'settings'>): CountSettings => {
  try {
    const parsed = CountSettingsSchema.safeParse(JSON.parse(e.settings));
    return parsed.success ? parsed.data : defaultCountSettings;
  } catch {
    return defaultCountSettings;
  }
};

export const findElection = (db: Db, congressId: number, electionId: number): Promise<Election | undefined> =>
  db.selectFrom('elections').selectAll().where('id', '=', electionId).where('congress_id', '=', congressId).executeTakeFirst();

export const findRound = (db: Db, electionId: number, number: number): Promise<ElectionRound | undefined> =>
  db.selectFrom('election_rounds').selectAll().where('election_id', '=', electionId).where('number', '=', number).executeTakeFirst();

export const roundCandidates = (db: Db, roundId: number): Promise<Candidate[]> =>
  db.selectFrom('candidates').selectAll().where('round_id', '=', roundId).orderBy('position').execute();

/** Candidates still on the list (not withdrawn, not refused by the poll), in ballot order. */
export const listed = (cs: readonly Candidate[]): Candidate[] =>
  cs.filter((c) => c.status === 'listed' || c.status === 'withdrawal-requested');

/** Puts every candidate of a round in ballot order (RULES.md §4, inBallotOrder of the rules core). */
export const reorderCandidates = async (trx: Transaction<Database>, roundId: number): Promise<void> => {
  const cs = await roundCandidates(trx, roundId);
  const ordered = inBallotOrder(cs.map((c) => ({ name: c.full_name, birthDate: c.birth_date, id: c.id })));
  // Two steps so that the unique (round, position) index never sees two rows at one position.
  for (const c of cs) await trx.updateTable('candidates').set({ position: -c.id }).where('id', '=', c.id).execute();
  for (let i = 0; i < ordered.length; i++) await trx.updateTable('candidates').set({ position: i + 1 }).where('id', '=', ordered[i]!.id).execute();
};

export const surplusOf = (congress: Congress, election: Election, round: ElectionRound, cs: readonly Candidate[]): SurplusCheck => {
  const onList = listed(cs);
  return checkSurplus({
    kind: election.kind, seats: round.seats, listLength: onList.length, congressMaxSurplus: election.max_surplus,
    conveningListLength: round.number === 1 ? onList.filter((c) => c.source === 'committee-list').length : null,
    delegationMaxSurplus: readSettings(congress).delegationMaxSurplus,
  });
};

const STAFF_ROLES: readonly AccessRole[] = ['admin', 'secretariat', 'presidium', 'technician', 'counting-board'];
const PUBLISHED = new Set(['published', 'approved']);


export const electionView = async (db: Db, e: Election, roles: readonly AccessRole[]): Promise<ElectionView> => {
  const rounds = await db.selectFrom('election_rounds').selectAll().where('election_id', '=', e.id).orderBy('number').execute();
  const staff = roles.some((r) => STAFF_ROLES.includes(r));
  const out = [];
  for (const r of rounds) {
    const cs = await roundCandidates(db, r.id);
    const showResult = r.result !== null && (staff || PUBLISHED.has(r.status));
    out.push({
      id: r.id, number: r.number, seats: r.seats, alternateSeats: r.alternate_seats, status: r.status, base: r.base, present: r.present,
      ballotsIssued: r.ballots_issued, ballotsCollected: r.ballots_collected,
      result: showResult ? (JSON.parse(r.result!) as unknown) : null, candidates: cs.map(candidateView), updatedAt: r.updated_at,
    });
  }
  return {
    id: e.id, kind: e.kind, title: e.title, seats: e.seats, alternateSeats: e.alternate_seats, maxSurplus: e.max_surplus,
    countingBoardId: e.counting_board_id, approvedAt: e.approved_at, approvalReference: e.approval_reference, rounds: out,
  };
};
