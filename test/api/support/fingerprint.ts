/** Row counts of every table: equal before and after a refused request means it had no partial effect. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.ts';

const TABLES = [
  'congresses', 'organisations', 'delegates', 'congress_sessions', 'agenda_items', 'checkins', 'bodies', 'body_members', 'votes',
  'elections', 'election_rounds', 'candidates', 'speakers', 'documents', 'resolution_targets', 'users', 'user_roles', 'audit_log',
] as const;

export const fingerprint = async (db: Kysely<Database>): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = r.n;
  }
  const c = await db.selectFrom('congresses').select(['settings', 'current_agenda_item_id', 'current_speaker_id']).execute();
  out['congress-state'] = JSON.stringify(c).length;
  return out;
};
