/** Reads what `deriveAttendance` (src/rules/attendance.ts) needs for one congress and derives N_base and presence. */
import type { Kysely } from 'kysely';
import { deriveAttendance, type Attendance } from '../rules/attendance.ts';
import { err, type Result, type RuleError, ruleError } from '../rules/result.ts';
import { quorumFromSettingsJson } from './settings-json.ts';
import type { Database } from './schema.ts';

/**
 * The current session: the one of the current agenda item; else the last session (by position) that has a
 * check-in; else none (nobody is present yet).
 */
export const currentSessionId = async (db: Kysely<Database>, congressId: number): Promise<number | null> => {
  const fromItem = await db.selectFrom('congresses')
    .innerJoin('agenda_items', 'agenda_items.id', 'congresses.current_agenda_item_id')
    .select('agenda_items.session_id').where('congresses.id', '=', congressId).executeTakeFirst();
  if (fromItem !== undefined) return fromItem.session_id;
  const last = await db.selectFrom('congress_sessions').select('congress_sessions.id')
    .where('congress_sessions.congress_id', '=', congressId)
    .where((eb) => eb.exists(eb.selectFrom('checkins').select('checkins.id').whereRef('checkins.session_id', '=', 'congress_sessions.id')
      .where('checkins.voided_at', 'is', null)))
    .orderBy('position', 'desc').limit(1).executeTakeFirst();
  return last?.id ?? null;
};

/** Attendance of a congress now (or in `sessionId`; null: before any session), derived from delegate rows and check-ins. */
export const loadAttendance = async (
  db: Kysely<Database>, congressId: number, sessionId?: number | null,
): Promise<Result<Attendance, RuleError>> => {
  const congress = await db.selectFrom('congresses').select(['kind', 'settings']).where('id', '=', congressId).executeTakeFirst();
  if (congress === undefined) {
    return err(ruleError('congress.not-found', `Không có đại hội #${congressId}.`, `No congress #${congressId}.`));
  }
  const [delegates, checkins, current] = await Promise.all([
    db.selectFrom('delegates').select(['id', 'standing', 'status', 'replaced_by_id', 'is_convening_member'])
      .where('congress_id', '=', congressId).execute(),
    db.selectFrom('checkins').select(['delegate_id', 'session_id', 'left_at', 'voided_at']).where('congress_id', '=', congressId).execute(),
    sessionId === undefined ? currentSessionId(db, congressId) : Promise.resolve(sessionId),
  ]);
  const fresh = current === null ? undefined
    : await db.selectFrom('congress_sessions').select('fresh_checkin').where('id', '=', current).executeTakeFirst();
  return deriveAttendance({
    kind: congress.kind,
    delegates: delegates.map((d) => ({ id: d.id, standing: d.standing, status: d.status, replacedById: d.replaced_by_id,
      isConveningMember: d.is_convening_member === 1 })),
    checkins: checkins.map((c) => ({ delegateId: c.delegate_id, sessionId: c.session_id, left: c.left_at !== null, voided: c.voided_at !== null })),
    currentSessionId: current,
    freshCheckin: fresh?.fresh_checkin === 1,
    quorum: quorumFromSettingsJson(congress.settings),
  });
};
