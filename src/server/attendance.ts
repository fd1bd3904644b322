/**
 * Attendance and N_base of a congress, derived from the delegates and the check-ins — never typed in. The
 * counting is done by the rules core (computeBase, attendanceStatus); this module only gathers the numbers.
 */
import type { Kysely, Transaction } from 'kysely';
import { attendanceStatus, computeBase, type CongressAttendance } from '../rules/index.ts';
import type { Congress, Database } from '../store/schema.ts';
import type { AttendanceView } from '../api/sessions.ts';
import { readSettings } from './settings.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The session attendance is measured in: the given one, the session of the current item, or the latest with check-ins. */
export const attendanceSession = async (db: Db, congress: Congress, sessionId?: number): Promise<number | null> => {
  if (sessionId !== undefined) return sessionId;
  if (congress.current_agenda_item_id !== null) {
    const item = await db.selectFrom('agenda_items').select('session_id').where('id', '=', congress.current_agenda_item_id).executeTakeFirst();
    if (item !== undefined) return item.session_id;
  }
  const last = await db.selectFrom('checkins').innerJoin('congress_sessions', 'congress_sessions.id', 'checkins.session_id')
    .select('checkins.session_id').where('checkins.congress_id', '=', congress.id)
    .orderBy('congress_sessions.position', 'desc').limit(1).executeTakeFirst();
  return last?.session_id ?? null;
};

export const loadAttendance = async (db: Db, congress: Congress, sessionId?: number): Promise<AttendanceView> => {
  const session = await attendanceSession(db, congress, sessionId);
  const delegates = await db.selectFrom('delegates')
    .select(['id', 'standing', 'status', 'is_convening_member', 'replaced_by_id'])
    .where('congress_id', '=', congress.id).execute();
  const checkedIn = new Set<number>();
  const everCheckedIn = new Set<number>();
  const rows = await db.selectFrom('checkins').select(['delegate_id', 'session_id']).where('congress_id', '=', congress.id).execute();
  for (const r of rows) {
    everCheckedIn.add(r.delegate_id);
    if (r.session_id === session) checkedIn.add(r.delegate_id);
  }
  const replacing = new Set(delegates.filter((d) => d.status === 'replaced' && d.replaced_by_id !== null).map((d) => d.replaced_by_id!));
  const officials = delegates.filter((d) => d.standing === 'official' && d.status !== 'not-summoned');
  const count = (pred: (d: (typeof delegates)[number]) => boolean): number => officials.filter(pred).length;
  const input: CongressAttendance = congress.kind === 'delegates'
    ? {
      kind: 'delegates',
      officialSummoned: officials.length,
      conveningMembersAbsentWhole: count((d) => d.status === 'absent-whole' && d.is_convening_member === 1),
      officialsAbsentWholeNotReplaced: count((d) => d.status === 'absent-whole' && d.is_convening_member === 0),
    }
    : {
      kind: 'members',
      officialSummoned: officials.length,
      temporarilyAttachedElsewhere: count((d) => d.status === 'temporarily-attached'),
      exemptedNotAttending: count((d) => d.status === 'exempted' && !everCheckedIn.has(d.id)),
      suspendedProsecutedOrDetained: count((d) => d.status === 'suspended'),
      absentWholeExcused: count((d) => d.status === 'absent-whole'),
    };
  const base = computeBase(input);
  const voters = delegates.filter((d) =>
    (d.standing === 'official' && (d.status === 'summoned' || d.status === 'exempted')) || replacing.has(d.id));
  const present = voters.filter((d) => checkedIn.has(d.id)).length;
  const { kind: _kind, officialSummoned, ...exclusions } = input;
  const n = base.ok ? base.value : 0;
  const status = attendanceStatus(n, present, readSettings(congress).quorum);
  return {
    sessionId: session, summoned: officialSummoned, base: n, present, threshold: status.threshold,
    nothingCanPass: status.nothingCanPass, quorumMet: status.quorumMet, exclusions,
  };
};
