/** Loading elections, rounds and candidates of a congress: the facts the rules of src/elections read, and the views. */
import type { Kysely, Transaction } from 'kysely';
import { CountSettingsSchema } from '../api/congresses.ts';
import type { ElectionView } from '../api/elections.ts';
import type { AgendaFacts, BoardFacts, CandidateFacts, ElectionFacts, RoundFacts } from '../elections/index.ts';
import { defaultCountSettings, err, inBallotOrder, ok, readStoredOutcome, type CountSettings, type Result } from '../rules/index.ts';
import type { Candidate, Congress, Database, Election, ElectionRound } from '../store/schema.ts';
import { notFound, type Problem } from './problems.ts';
import type { Caller } from './route.ts';
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

/** Puts every candidate of a round in ballot order (docs/rules.md §4, inBallotOrder of the rules core). */
export const reorderCandidates = async (trx: Transaction<Database>, roundId: number): Promise<void> => {
  const cs = await roundCandidates(trx, roundId);
  const ordered = inBallotOrder(cs.map((c) => ({ name: c.full_name, birthDate: c.birth_date, id: c.id })));
  // Two steps so that the unique (round, position) index never sees two rows at one position.
  for (const c of cs) await trx.updateTable('candidates').set({ position: -c.id }).where('id', '=', c.id).execute();
  for (let i = 0; i < ordered.length; i++) await trx.updateTable('candidates').set({ position: i + 1 }).where('id', '=', ordered[i]!.id).execute();
};

export const candidateFacts = (c: Candidate): CandidateFacts => ({
  id: c.id, delegateId: c.delegate_id, name: c.full_name, source: c.source, status: c.status, pollAgree: c.poll_agree,
});

export const electionFacts = (e: Election): ElectionFacts => ({
  kind: e.kind, seats: e.seats, alternateSeats: e.alternate_seats, maxSurplus: e.max_surplus, settings: countSettingsOf(e),
});

export const boardFacts = async (db: Db, bodyId: number | null): Promise<BoardFacts | null> => {
  if (bodyId === null) return null;
  const body = await db.selectFrom('bodies').select(['id', 'approved_vote_id']).where('id', '=', bodyId).executeTakeFirst();
  if (body === undefined) return null;
  const members = await db.selectFrom('body_members').innerJoin('delegates', 'delegates.id', 'body_members.delegate_id')
    .select(['body_members.delegate_id', 'delegates.full_name', 'body_members.role']).where('body_id', '=', bodyId).orderBy('body_members.position').execute();
  return { id: body.id, approved: body.approved_vote_id !== null, members: members.map((m) => ({ delegateId: m.delegate_id, name: m.full_name, role: m.role })) };
};

/** Everything the rules of a round's life look at. */
export const roundFacts = async (db: Db, congress: Congress, e: Election, r: ElectionRound): Promise<RoundFacts> => ({
  election: electionFacts(e), number: r.number, status: r.status, seats: r.seats, alternateSeats: r.alternate_seats,
  present: r.present, ballotsIssued: r.ballots_issued, ballotsCollected: r.ballots_collected,
  candidates: (await roundCandidates(db, r.id)).map(candidateFacts),
  board: await boardFacts(db, e.counting_board_id),
  delegationMaxSurplus: readSettings(congress).delegationMaxSurplus,
});

const PUBLISHED = new Set(['published', 'approved']);
const SEES_UNPUBLISHED = new Set(['admin', 'secretariat', 'presidium']);

/**
 * Whether a caller sees a round's result before it is published: those who run the congress, and the counting
 * board of that election; nobody else (technicians, other boards, delegates, the hall screen).
 */
export const seesResult = (caller: Pick<Caller, 'roles' | 'countingElections'>, electionId: number, status: string): boolean =>
  PUBLISHED.has(status) || caller.roles.some((r) => SEES_UNPUBLISHED.has(r)) || caller.countingElections.includes(electionId);

export const electionView = async (db: Db, e: Election, caller: Pick<Caller, 'roles' | 'countingElections'>): Promise<ElectionView> => {
  const rounds = await db.selectFrom('election_rounds').selectAll().where('election_id', '=', e.id).orderBy('number').execute();
  const out: ElectionView['rounds'] = [];
  for (const r of rounds) {
    const cs = await roundCandidates(db, r.id);
    const shown = r.result !== null && seesResult(caller, e.id, r.status);
    out.push({
      id: r.id, number: r.number, seats: r.seats, alternateSeats: r.alternate_seats, status: r.status, base: r.base, present: r.present,
      ballotsIssued: r.ballots_issued, ballotsCollected: r.ballots_collected,
      result: shown ? readStoredOutcome(r.result) : null, countedBy: r.counted_by,
      candidates: cs.map(candidateView), updatedAt: r.updated_at,
    });
  }
  return {
    id: e.id, kind: e.kind, title: e.title, seats: e.seats, alternateSeats: e.alternate_seats, maxSurplus: e.max_surplus,
    countingBoardId: e.counting_board_id, settings: countSettingsOf(e), approvedAt: e.approved_at, approvalReference: e.approval_reference,
    agendaItemId: e.agenda_item_id, rounds: out,
  };
};

export interface LoadedRound {
  readonly election: Election;
  readonly round: ElectionRound;
}

/** The election and round a path names, or 404 naming which is missing. */
export const loadRound = async (db: Db, congressId: number, electionId: number, number: number): Promise<Result<LoadedRound, Problem>> => {
  const election = await findElection(db, congressId, electionId);
  if (election === undefined) return err(notFound('cuộc bầu cử', 'Election', 'params.electionId'));
  const round = await findRound(db, election.id, number);
  if (round === undefined) return err(notFound(`vòng bầu ${number}`, `Round ${number}`, 'params.round'));
  return ok({ election, round });
};

/** The election and round a path names, with the facts the rules of src/elections read. */
export const loadRoundFacts = async (db: Db, congress: Congress, electionId: number, number: number): Promise<Result<LoadedRound & { readonly facts: RoundFacts }, Problem>> => {
  const l = await loadRound(db, congress.id, electionId, number);
  return l.ok ? ok({ ...l.value, facts: await roundFacts(db, congress, l.value.election, l.value.round) }) : l;
};

export const loadElection = async (db: Db, congressId: number, electionId: number): Promise<Result<Election, Problem>> => {
  const e = await findElection(db, congressId, electionId);
  return e === undefined ? err(notFound('cuộc bầu cử', 'Election', 'params.electionId')) : ok(e);
};

/** Where the agenda stands for an election's voting: its own item, the current item, whether an agenda is run at all. */
export const agendaFacts = async (db: Db, congress: Congress, election: Election): Promise<AgendaFacts> => {
  const ids = [election.agenda_item_id, congress.current_agenda_item_id].filter((id): id is number => id !== null);
  const items = ids.length === 0 ? [] : await db.selectFrom('agenda_items').select(['id', 'title']).where('congress_id', '=', congress.id).where('id', 'in', ids).execute();
  const any = await db.selectFrom('agenda_items').select('id').where('congress_id', '=', congress.id).limit(1).executeTakeFirst();
  const ref = (id: number | null) => items.find((i) => i.id === id) ?? null;
  return { electionItem: ref(election.agenda_item_id), currentItem: ref(congress.current_agenda_item_id), agendaInUse: any !== undefined };
};
