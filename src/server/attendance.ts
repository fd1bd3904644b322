/**
 * Attendance and N_base of a congress for the API, derived by src/store/attendance.ts + src/rules/attendance.ts
 * (deriveAttendance) from the delegates and the check-ins — never typed in.
 */
import type { Kysely } from 'kysely';
import type { AttendanceView } from '../api/sessions.ts';
import { loadAttendance as deriveFromStore, currentSessionId } from '../store/attendance.ts';
import type { Congress, Database } from '../store/schema.ts';

export const loadAttendance = async (db: Kysely<Database>, congress: Congress, sessionId?: number): Promise<AttendanceView> => {
  const session = sessionId ?? (await currentSessionId(db, congress.id));
  const r = await deriveFromStore(db, congress.id, session);
  if (!r.ok) {
    // No official summoned yet (an empty congress): nothing can pass.
    return { sessionId: session, summoned: 0, base: 0, present: 0, threshold: 1, nothingCanPass: true, quorumMet: null, exclusions: {} };
  }
  const { kind: _kind, officialSummoned, ...exclusions } = r.value.counts;
  return {
    sessionId: session, summoned: officialSummoned, base: r.value.base, present: r.value.present,
    threshold: r.value.status.threshold, nothingCanPass: r.value.status.nothingCanPass, quorumMet: r.value.status.quorumMet, exclusions,
  };
};
