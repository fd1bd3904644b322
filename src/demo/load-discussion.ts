/** Puts the seed congress's discussion in (inside loadDemo's transaction): documents split by the core, the resolution's targets, groups by organisation. */
import type { Transaction } from 'kysely';
import { blocksFromText, splitDocument } from '../discussion/index.ts';
import type { Database } from '../store/schema.ts';
import { DEMO_DISCUSSION_DOCUMENTS, DEMO_GROUPS } from './seed-discussion.ts';

export const insertDiscussion = async (trx: Transaction<Database>, congressId: number, actor: string, now: string): Promise<void> => {
  for (const doc of DEMO_DISCUSSION_DOCUMENTS) {
    const d = await trx.insertInto('discussion_documents').values({ congress_id: congressId, kind: doc.kind, title: doc.title, access: doc.access,
      comment_deadline: null, current_version_id: null, created_at: now, created_by: actor }).returning('id').executeTakeFirstOrThrow();
    const units = splitDocument(blocksFromText(doc.text));
    const v = await trx.insertInto('discussion_versions').values({ congress_id: congressId, document_id: d.id, number: 1, source: 'text', file_name: null,
      content: null, note: 'Dự thảo trình Đại hội', units: units.length, created_at: now, created_by: actor }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('discussion_units').values(units.map((u) => ({ congress_id: congressId, version_id: v.id, position: u.position, kind: u.kind,
      level: u.level, label: u.label, ref: u.ref, number: u.number, text: u.text }))).execute();
    await trx.updateTable('discussion_documents').set({ current_version_id: v.id }).where('id', '=', d.id).execute();
    const targets = doc.targets ?? [];
    if (targets.length > 0) {
      await trx.insertInto('discussion_resolution_targets').values(targets.map((x, i) => ({ congress_id: congressId, document_id: d.id, position: i + 1,
        name: x.name, target: x.target }))).execute();
    }
  }
  const orgs = await trx.selectFrom('organisations').select('id').where('congress_id', '=', congressId).orderBy('position').execute();
  const delegates = await trx.selectFrom('delegates').select(['id', 'organisation_id']).where('congress_id', '=', congressId)
    .where('standing', '=', 'official').orderBy('code').execute();
  for (let g = 0; g < DEMO_GROUPS; g++) {
    const mine = new Set(orgs.filter((_, i) => i % DEMO_GROUPS === g).map((o) => o.id));
    const members = delegates.filter((d) => d.organisation_id !== null && mine.has(d.organisation_id));
    if (members.length === 0) continue;
    const group = await trx.insertInto('discussion_groups').values({ congress_id: congressId, name: `Tổ thảo luận số ${g + 1}`,
      leader_delegate_id: members[0]!.id, secretary_delegate_id: members[1]?.id ?? members[0]!.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('discussion_group_members').values(members.map((m) => ({ congress_id: congressId, group_id: group.id, delegate_id: m.id }))).execute();
  }
};
