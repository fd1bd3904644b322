/** What a client receives first on (re)connecting: the state it shows, so no event missed while away matters. */
import type { Kysely } from 'kysely';
import type { LiveSnapshot } from '../../api/live.ts';
import type { Congress, Database } from '../../store/schema.ts';
import { loadAttendance } from '../attendance.ts';

export const liveSnapshot = async (db: Kysely<Database>, congressId: number): Promise<LiveSnapshot | null> => {
  const congress: Congress | undefined = await db.selectFrom('congresses').selectAll().where('id', '=', congressId).executeTakeFirst();
  if (congress === undefined) return null;
  const a = await loadAttendance(db, congress);
  const rounds = await db.selectFrom('election_rounds').select(['election_id', 'number', 'status'])
    .where('congress_id', '=', congressId).orderBy('election_id').orderBy('number').execute();
  const latest = new Map<number, { id: number; round: number; status: string }>();
  for (const r of rounds) latest.set(r.election_id, { id: r.election_id, round: r.number, status: r.status });
  return {
    type: 'snapshot', congress: congress.code,
    attendance: { base: a.base, present: a.present, threshold: a.threshold, nothingCanPass: a.nothingCanPass },
    currentAgendaItemId: congress.current_agenda_item_id, currentSpeakerId: congress.current_speaker_id,
    elections: [...latest.values()],
  };
};
