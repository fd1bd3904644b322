/**
 * A new congress from an earlier one: its member organisations, its sessions and agenda items (not started), and
 * its bodies by kind and title (no members, not approved). People, votes, check-ins, elections and documents stay
 * with the earlier congress. The host organisation is the new congress's own (its name from the form).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface CopiedCounts {
  readonly organisations: number;
  readonly sessions: number;
  readonly agendaItems: number;
  readonly bodies: number;
}

export const hostOnly = async (trx: Transaction<Database>, congressId: number, hostName: string): Promise<CopiedCounts> => {
  await trx.insertInto('organisations').values({
    congress_id: congressId, name: hostName, role: 'host', party_members: null, position: 0, deactivated_at: null,
  }).execute();
  return { organisations: 0, sessions: 0, agendaItems: 0, bodies: 0 };
};

export const copyStructure = async (
  trx: Transaction<Database>, fromId: number, toId: number, hostName: string,
): Promise<CopiedCounts> => {
  const orgs = await trx.selectFrom('organisations').selectAll().where('congress_id', '=', fromId)
    .where('deactivated_at', 'is', null).orderBy('position').orderBy('id').execute();
  const host = orgs.find((o) => o.role === 'host');
  await trx.insertInto('organisations').values({
    congress_id: toId, name: hostName, role: 'host', party_members: host?.party_members ?? null, position: 0, deactivated_at: null,
  }).execute();
  const members = orgs.filter((o) => o.role === 'member');
  for (const o of members) {
    await trx.insertInto('organisations').values({
      congress_id: toId, name: o.name, role: 'member', party_members: o.party_members, position: o.position, deactivated_at: null,
    }).execute();
  }
  const sessions = await trx.selectFrom('congress_sessions').selectAll().where('congress_id', '=', fromId).orderBy('position').execute();
  const items = await trx.selectFrom('agenda_items').selectAll().where('congress_id', '=', fromId).orderBy('position').execute();
  for (const s of sessions) {
    // The date of a session belongs to the earlier congress: the new one's are set afresh.
    const copy = await trx.insertInto('congress_sessions').values({ congress_id: toId, kind: s.kind, title: s.title, position: s.position, starts_at: null })
      .returning('id').executeTakeFirstOrThrow();
    for (const i of items.filter((x) => x.session_id === s.id)) {
      await trx.insertInto('agenda_items').values({ congress_id: toId, session_id: copy.id, position: i.position, title: i.title, kind: i.kind, status: 'pending' }).execute();
    }
  }
  const bodies = await trx.selectFrom('bodies').select(['kind', 'title']).where('congress_id', '=', fromId).orderBy('id').execute();
  for (const b of bodies) await trx.insertInto('bodies').values({ congress_id: toId, kind: b.kind, title: b.title, approved_vote_id: null }).execute();
  return { organisations: members.length, sessions: sessions.length, agendaItems: items.length, bodies: bodies.length };
};
