/**
 * Attendance and N_base of a congress for the API, derived by src/store/attendance.ts + src/rules/attendance.ts
 * (deriveAttendance) from the delegates and the check-ins — never typed in.
 */
import type { Kysely } from 'kysely';
import type { AttendanceView } from '../api/sessions.ts';
import { loadAttendance as deriveFromStore, currentSessionId } from '../store/attendance.ts';
import { baseExclusionsToJson } from '../store/base-exclusions-json.ts';
import type { Congress, Database } from '../store/schema.ts';

/** The attendance view, and the exclusions from N_base as the JSON snapshot stored with a vote (null when there is no base). */
const derive = async (
  db: Kysely<Database>, congress: Congress, sessionId?: number,
): Promise<{ readonly view: AttendanceView; readonly baseExclusions: string | null }> => {
  const session = sessionId ?? (await currentSessionId(db, congress.id));
  const row = session === null ? undefined : await db.selectFrom('congress_sessions').select(['id', 'title', 'position', 'fresh_checkin'])
    .where('id', '=', session).where('congress_id', '=', congress.id).executeTakeFirst();
  const named = row === undefined ? null : { id: row.id, title: row.title, position: row.position, freshCheckin: row.fresh_checkin === 1 };
  const r = await deriveFromStore(db, congress.id, session);
  if (!r.ok) {
    // No official summoned yet (an empty congress): nothing can pass.
    return {
      view: { sessionId: session, session: named, summoned: 0, base: 0, present: 0, presentInCongress: 0, presentNotVoting: 0,
        threshold: 1, nothingCanPass: true, quorumMet: null, exclusions: {} },
      baseExclusions: null,
    };
  }
  const { kind: _kind, officialSummoned, ...exclusions } = r.value.counts;
  return {
    view: {
      sessionId: session, session: named, summoned: officialSummoned, base: r.value.base, present: r.value.present,
      presentInCongress: r.value.presentInCongress, presentNotVoting: r.value.presentNotVoting,
      threshold: r.value.status.threshold, nothingCanPass: r.value.status.nothingCanPass, quorumMet: r.value.status.quorumMet, exclusions,
    },
    baseExclusions: baseExclusionsToJson(r.value.counts),
  };
};

export const loadAttendance = async (db: Kysely<Database>, congress: Congress, sessionId?: number): Promise<AttendanceView> =>
  (await derive(db, congress, sessionId)).view;

/** What a vote stores when N_base is fixed: the base, those present, and the exclusions as JSON (base_exclusions). */
export interface BaseSnapshot {
  readonly base: number;
  readonly present: number;
  readonly base_exclusions: string | null;
}

export const loadBaseSnapshot = async (db: Kysely<Database>, congress: Congress): Promise<BaseSnapshot> => {
  const { view, baseExclusions } = await derive(db, congress);
  return { base: view.base, present: view.present, base_exclusions: baseExclusions };
};
