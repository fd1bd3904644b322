/**
 * Discussion groups (tổ thảo luận): delegates assigned by organisation or by hand, a leader and a secretary. The
 * secretary (or the leader, or the office) records the group's opinions on a paragraph with the number of members
 * who agreed; a mistaken record is voided with a reason.
 */
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { API } from '../../../api/contract.ts';
import type { GroupOpinionView, GroupView } from '../../../api/discussion.ts';
import { GROUPS_NOT_SITTING, groupsSitting } from '../../../discussion/groups-open.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import type { DiscussionGroupOpinionsTable, DiscussionGroupsTable } from '../../../store/discussion-schema.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict, forbidden, notFound, unprocessable, type Problem } from '../../problems.ts';
import { json, serve, type Caller } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { delegateOf, documentEvents, readableDocument, type Db, type DocumentRow } from './access.ts';
import { unitPlaces } from './unit-refs.ts';

type GroupRow = Selectable<DiscussionGroupsTable>;
type OpinionRow = Selectable<DiscussionGroupOpinionsTable>;

/** Whether the congress's groups sit now: its current agenda item is a discussion (src/discussion/groups-open.ts). */
export const groupsSittingIn = async (db: Db, congressId: number): Promise<boolean> => {
  const item = await db.selectFrom('congresses').leftJoin('agenda_items', 'agenda_items.id', 'congresses.current_agenda_item_id')
    .select('agenda_items.kind').where('congresses.id', '=', congressId).executeTakeFirst();
  return groupsSitting(item?.kind ?? null);
};

export const groupViews = async (db: Db, groups: readonly GroupRow[]): Promise<GroupView[]> => {
  if (groups.length === 0) return [];
  const sitting = await groupsSittingIn(db, groups[0]!.congress_id);
  const members = await db.selectFrom('discussion_group_members').innerJoin('delegates', 'delegates.id', 'discussion_group_members.delegate_id')
    .select(['discussion_group_members.group_id', 'delegates.id', 'delegates.full_name', 'delegates.code'])
    .where('discussion_group_members.group_id', 'in', groups.map((g) => g.id)).orderBy('delegates.code').execute();
  const people = new Map<number, string>();
  const extra = groups.flatMap((g) => [g.leader_delegate_id, g.secretary_delegate_id]).filter((x): x is number => x !== null);
  if (extra.length > 0) for (const d of await db.selectFrom('delegates').select(['id', 'full_name']).where('id', 'in', extra).execute()) people.set(d.id, d.full_name);
  const person = (id: number | null) => (id === null ? null : { id, fullName: people.get(id) ?? '' });
  return groups.map((g) => ({
    id: g.id, name: g.name, leader: person(g.leader_delegate_id), secretary: person(g.secretary_delegate_id), sitting,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, fullName: m.full_name, code: m.code })),
  }));
};

const groupNotFound = (): Problem => notFound('tổ thảo luận', 'Discussion group', 'params.id');

/** The group, if the caller may see its opinions: staff, or a delegate of that group. */
const visibleGroup = async (db: Db, congressId: number, id: number, caller: Caller): Promise<Result<GroupRow, Problem>> => {
  const g = await db.selectFrom('discussion_groups').selectAll().where('id', '=', id).where('congress_id', '=', congressId).executeTakeFirst();
  if (g === undefined) return err(groupNotFound());
  const me = delegateOf(caller);
  if (me === null) return ok(g);
  const member = await db.selectFrom('discussion_group_members').select('id').where('group_id', '=', g.id).where('delegate_id', '=', me).executeTakeFirst();
  return member === undefined && g.leader_delegate_id !== me && g.secretary_delegate_id !== me ? err(forbidden()) : ok(g);
};

/** Whether the caller records for the group: the office, or its secretary or leader. */
const recordsFor = (g: GroupRow, caller: Caller): boolean => {
  const me = delegateOf(caller);
  return me === null ? caller.roles.some((r) => r === 'admin' || r === 'secretariat') : me === g.secretary_delegate_id || me === g.leader_delegate_id;
};

export const opinionViews = async (db: Db, rows: readonly OpinionRow[]): Promise<GroupOpinionView[]> => {
  if (rows.length === 0) return [];
  const unitIds = rows.flatMap((r) => (r.carried_from_unit_id === null ? [r.unit_id] : [r.unit_id, r.carried_from_unit_id]));
  const places = await unitPlaces(db, unitIds);
  const speakers = rows.flatMap((r) => (r.speaker_delegate_id === null ? [] : [r.speaker_delegate_id]));
  const names = speakers.length === 0 ? new Map<number, string>()
    : new Map((await db.selectFrom('delegates').select(['id', 'full_name']).where('id', 'in', [...new Set(speakers)]).execute()).map((d) => [d.id, d.full_name]));
  return rows.map((o) => ({
    id: o.id, groupId: o.group_id, documentId: o.document_id, unitId: o.unit_id, unitRef: places.get(o.unit_id)?.ref ?? '', unitCite: places.get(o.unit_id)?.cite ?? '', kind: o.kind, text: o.text,
    proposedText: o.proposed_text, speakerDelegateId: o.speaker_delegate_id, speakerName: o.speaker_delegate_id === null ? null : names.get(o.speaker_delegate_id) ?? null,
    agreeCount: o.agree_count, enteredBy: o.entered_by, createdAt: o.created_at, voided: o.voided_at !== null, voidReason: o.void_reason,
    carried: o.carried, carriedFromRef: o.carried_from_unit_id === null ? null : places.get(o.carried_from_unit_id)?.ref ?? null,
  }));
};

export const discussionGroupRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number) => [{ congressId, kind: 'discussion' as const, id: null }];

  serve(app, deps, API.listDiscussionGroups, async (ctx) =>
    ok(json(await groupViews(deps.db, await deps.db.selectFrom('discussion_groups').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('id').execute()))));

  /** Members from organisations and by hand, checked to be of the congress; leader and secretary become members. */
  const members = async (trx: Db, congressId: number, b: { organisationIds: readonly number[]; delegateIds: readonly number[]; leaderId: number | null; secretaryId: number | null }): Promise<Result<number[], Problem>> => {
    const byOrg = b.organisationIds.length === 0 ? []
      : (await trx.selectFrom('delegates').select('id').where('congress_id', '=', congressId).where('organisation_id', 'in', [...b.organisationIds]).execute()).map((d) => d.id);
    const wanted = [...new Set([...byOrg, ...b.delegateIds, ...(b.leaderId === null ? [] : [b.leaderId]), ...(b.secretaryId === null ? [] : [b.secretaryId])])];
    if (wanted.length === 0) return err(unprocessable(ruleError('discussion.group-empty', 'Tổ thảo luận cần có đại biểu.', 'A discussion group needs delegates.', 'body.delegateIds')));
    const known = new Set((await trx.selectFrom('delegates').select('id').where('congress_id', '=', congressId).where('id', 'in', wanted).execute()).map((d) => d.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0) return err(notFound(`đại biểu #${unknown.join(', #')}`, `Delegate #${unknown.join(', #')}`, 'body.delegateIds'));
    return ok(wanted);
  };

  const save = async (trx: Db, congressId: number, groupId: number, ids: readonly number[]): Promise<void> => {
    // A delegate is in one group: joining this one leaves any other.
    await trx.deleteFrom('discussion_group_members').where('congress_id', '=', congressId).where((eb) => eb.or([eb('group_id', '=', groupId), eb('delegate_id', 'in', [...ids])])).execute();
    for (let i = 0; i < ids.length; i += 500) {
      await trx.insertInto('discussion_group_members').values(ids.slice(i, i + 500).map((delegate_id) => ({ congress_id: congressId, group_id: groupId, delegate_id }))).execute();
    }
  };

  serve(app, deps, API.createDiscussionGroup, async (ctx) =>
    transact(deps, async (trx) => {
      const ids = await members(trx, ctx.congress.id, ctx.body);
      if (!ids.ok) return ids;
      const g = await trx.insertInto('discussion_groups').values({
        congress_id: ctx.congress.id, name: ctx.body.name, leader_delegate_id: ctx.body.leaderId, secretary_delegate_id: ctx.body.secretaryId, created_at: nowIso(deps),
      }).returningAll().executeTakeFirstOrThrow();
      await save(trx, ctx.congress.id, g.id, ids.value);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.group.create', subject: `discussion-group:${g.id}`,
        payload: { name: g.name, leaderId: g.leader_delegate_id, secretaryId: g.secretary_delegate_id, members: ids.value } });
      return ok(json((await groupViews(trx, [g]))[0]!, 201));
    }, ev(ctx.congress.id)));

  serve(app, deps, API.updateDiscussionGroup, async (ctx) =>
    transact(deps, async (trx) => {
      const before = await trx.selectFrom('discussion_groups').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (before === undefined) return err(groupNotFound());
      const ids = await members(trx, ctx.congress.id, ctx.body);
      if (!ids.ok) return ids;
      const g = await trx.updateTable('discussion_groups').set({ name: ctx.body.name, leader_delegate_id: ctx.body.leaderId, secretary_delegate_id: ctx.body.secretaryId })
        .where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      await save(trx, ctx.congress.id, g.id, ids.value);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.group.update', subject: `discussion-group:${g.id}`,
        payload: { name: g.name, leaderId: g.leader_delegate_id, secretaryId: g.secretary_delegate_id, members: ids.value } });
      return ok(json((await groupViews(trx, [g]))[0]!));
    }, ev(ctx.congress.id)));

  serve(app, deps, API.listGroupOpinions, async (ctx) => {
    const g = await visibleGroup(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!g.ok) return g;
    let q = deps.db.selectFrom('discussion_group_opinions').innerJoin('discussion_documents', 'discussion_documents.id', 'discussion_group_opinions.document_id')
      .selectAll('discussion_group_opinions').where('discussion_group_opinions.group_id', '=', g.value.id).orderBy('discussion_group_opinions.id');
    if (ctx.query.document !== undefined) q = q.where('discussion_group_opinions.document_id', '=', ctx.query.document);
    // Opinions on documents the caller may not read stay hidden ("Mật" never reaches a phone).
    if (delegateOf(ctx) !== null) q = q.where('discussion_documents.access', 'in', ['public', 'delegates']);
    return ok(json(await opinionViews(deps.db, await q.execute())));
  });

  serve(app, deps, API.recordGroupOpinion, async (ctx) => {
    let doc: DocumentRow | null = null;
    return transact(deps, async (trx) => {
      const g = await visibleGroup(trx, ctx.congress.id, ctx.params.id, ctx);
      if (!g.ok) return g;
      if (!recordsFor(g.value, ctx)) return err(forbidden());
      if (delegateOf(ctx) !== null && !(await groupsSittingIn(trx, ctx.congress.id))) {
        return err(conflict(ruleError('discussion.groups-not-sitting', GROUPS_NOT_SITTING.vi, GROUPS_NOT_SITTING.en)));
      }
      const d = await readableDocument(trx, ctx.congress.id, ctx.body.documentId, ctx);
      if (!d.ok) return err(notFound('văn kiện thảo luận', 'Discussion document', 'body.documentId'));
      doc = d.value;
      const unit = await trx.selectFrom('discussion_units').select(['id', 'ref']).where('id', '=', ctx.body.unitId).where('version_id', '=', d.value.current_version_id ?? -1).executeTakeFirst();
      if (unit === undefined) return err(notFound('đoạn của phiên bản hiện hành', 'Unit of the current version', 'body.unitId'));
      const size = (await groupViews(trx, [g.value]))[0]!.members.length;
      if (ctx.body.agreeCount > size) {
        return err(unprocessable(ruleError('discussion.agree-over-members', `Số tán thành (${ctx.body.agreeCount}) vượt số thành viên của tổ (${size}).`,
          `The agreement count (${ctx.body.agreeCount}) exceeds the group's members (${size}).`, 'body.agreeCount')));
      }
      const speaker = ctx.body.speakerDelegateId;
      if (speaker !== null) {
        const s = await trx.selectFrom('delegates').select('id').where('id', '=', speaker).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (s === undefined) return err(notFound('đại biểu phát biểu', 'Speaker', 'body.speakerDelegateId'));
      }
      const b = ctx.body;
      const row = await trx.insertInto('discussion_group_opinions').values({
        congress_id: ctx.congress.id, group_id: g.value.id, document_id: d.value.id, unit_id: unit.id, kind: b.kind, proposed_text: b.proposedText ?? null,
        text: b.text, speaker_delegate_id: speaker, agree_count: b.agreeCount, entered_by: ctx.actor, created_at: nowIso(deps), voided_at: null, void_reason: null,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.group-opinion.record', subject: `discussion-group-opinion:${row.id}`,
        payload: { group: g.value.id, document: d.value.id, unit: unit.id, ref: unit.ref, kind: b.kind, text: b.text, proposedText: b.proposedText ?? null, speaker, agreeCount: b.agreeCount } });
      return ok(json((await opinionViews(trx, [row]))[0]!, 201));
    }, () => (doc === null ? [] : documentEvents(ctx.congress.id, doc)));
  });

  serve(app, deps, API.voidGroupOpinion, async (ctx) =>
    transact(deps, async (trx) => {
      const o = await trx.selectFrom('discussion_group_opinions').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (o === undefined) return err(notFound('ý kiến của tổ', 'Group opinion', 'params.id'));
      const g = await visibleGroup(trx, ctx.congress.id, o.group_id, ctx);
      if (!g.ok) return err(notFound('ý kiến của tổ', 'Group opinion', 'params.id'));
      const d = await readableDocument(trx, ctx.congress.id, o.document_id, ctx);
      if (!d.ok) return err(notFound('ý kiến của tổ', 'Group opinion', 'params.id'));
      if (!recordsFor(g.value, ctx)) return err(forbidden());
      if (o.voided_at !== null) return err(conflict(ruleError('discussion.voided', 'Ý kiến này đã hủy.', 'This opinion is already void.')));
      const row = await trx.updateTable('discussion_group_opinions').set({ voided_at: nowIso(deps), void_reason: ctx.body.reason }).where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.group-opinion.void', subject: `discussion-group-opinion:${o.id}`, payload: { reason: ctx.body.reason } });
      return ok(json((await opinionViews(trx, [row]))[0]!));
    }, ev(ctx.congress.id)));
};
