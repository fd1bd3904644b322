/**
 * The synthesis of a version: every live opinion (delegates' comments, paper forms, groups' records) grouped per
 * unit by the discussion core, with the secretariat's answer per unit. Loads, calls the core, answers.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { SynthesisView } from '../../../api/discussion.ts';
import { checkAnswer, clusterOpinions, type Opinion } from '../../../discussion/synthesis.ts';
import { err, ok } from '../../../rules/index.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { notFound, unprocessable } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { documentEvents, readableDocument, type Db, type DocumentRow } from './access.ts';
import { versionOf } from './documents.ts';

/** The synthesis of one version of a document. */
export const loadSynthesis = async (db: Db, congressId: number, d: DocumentRow, versionId: number): Promise<SynthesisView> => {
  const units = await db.selectFrom('discussion_units').select(['id', 'ref', 'number', 'kind', 'text', 'position']).where('version_id', '=', versionId).orderBy('position').execute();
  // Comments of the document without joins (names and groups come from small maps), kept to this version's units.
  const inVersion = new Set(units.map((u) => u.id));
  const names = new Map((await db.selectFrom('delegates').select(['id', 'full_name']).where('congress_id', '=', congressId).execute()).map((x) => [x.id, x.full_name]));
  const groupOf = new Map((await db.selectFrom('discussion_group_members').select(['delegate_id', 'group_id']).where('congress_id', '=', congressId).execute())
    .map((m) => [m.delegate_id, m.group_id]));
  const comments = (await db.selectFrom('discussion_comments')
    .select(['id', 'unit_id', 'delegate_id', 'kind', 'text', 'proposed_text', 'source'])
    .where('document_id', '=', d.id).where('voided_at', 'is', null).orderBy('id').execute()).filter((c) => inVersion.has(c.unit_id));
  const opinions = await db.selectFrom('discussion_group_opinions')
    .innerJoin('discussion_units', 'discussion_units.id', 'discussion_group_opinions.unit_id')
    .innerJoin('discussion_groups', 'discussion_groups.id', 'discussion_group_opinions.group_id')
    .select(['discussion_group_opinions.id', 'discussion_group_opinions.unit_id', 'discussion_group_opinions.group_id', 'discussion_group_opinions.kind',
      'discussion_group_opinions.text', 'discussion_group_opinions.proposed_text', 'discussion_group_opinions.agree_count', 'discussion_groups.name'])
    .where('discussion_units.version_id', '=', versionId).where('discussion_group_opinions.voided_at', 'is', null).orderBy('discussion_group_opinions.id').execute();
  const answers = new Map((await db.selectFrom('discussion_syntheses').innerJoin('discussion_units', 'discussion_units.id', 'discussion_syntheses.unit_id')
    .selectAll('discussion_syntheses').where('discussion_units.version_id', '=', versionId).execute()).map((a) => [a.unit_id, a]));
  const groupsTotal = ((await db.selectFrom('discussion_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('congress_id', '=', congressId).executeTakeFirstOrThrow()).n);

  const byUnit = new Map<number, Opinion[]>();
  const push = (unitId: number, o: Opinion): void => {
    const list = byUnit.get(unitId);
    if (list === undefined) byUnit.set(unitId, [o]); else list.push(o);
  };
  for (const c of comments) {
    push(c.unit_id, {
      key: `c:${c.id}`, kind: c.kind, text: c.proposed_text ?? c.text, body: c.text, proposed: c.proposed_text,
      author: c.delegate_id === null ? 'Phiếu góp ý không ghi tên' : names.get(c.delegate_id) ?? '',
      source: c.delegate_id === null ? { source: 'delegate', delegateId: -c.id, groupId: null } : { source: 'delegate', delegateId: c.delegate_id, groupId: groupOf.get(c.delegate_id) ?? null },
    });
  }
  for (const o of opinions) {
    push(o.unit_id, {
      key: `g:${o.id}`, kind: o.kind, text: o.proposed_text ?? o.text, body: o.text, proposed: o.proposed_text, author: o.name,
      source: { source: 'group', groupId: o.group_id, agreeCount: o.agree_count },
    });
  }
  const sourceOf = (key: string, paper: ReadonlySet<string>) => (key.startsWith('g:') ? 'group' as const : paper.has(key) ? 'paper' as const : 'delegate' as const);
  const paper = new Set(comments.filter((c) => c.source === 'paper').map((c) => `c:${c.id}`));
  const totals = { comments: comments.length, groupOpinions: opinions.length, units: 0, pending: 0, accepted: 0, explained: 0, notAccepted: 0 };
  const out: SynthesisView['units'] = [];
  for (const u of units) {
    const list = byUnit.get(u.id) ?? [];
    const a = answers.get(u.id);
    if (list.length === 0 && a === undefined) continue;
    const status = a?.status ?? 'pending';
    totals.units++;
    if (status === 'pending') totals.pending++; else if (status === 'accepted') totals.accepted++; else if (status === 'explained') totals.explained++; else totals.notAccepted++;
    out.push({
      unitId: u.id, ref: u.ref, number: u.number, kind: u.kind, text: u.text, status, newText: a?.new_text ?? null, explanation: a?.explanation ?? null,
      clusters: clusterOpinions(list, groupsTotal).map((c) => ({
        kind: c.kind, representative: c.representative, supportText: c.supportText, groups: c.support.groups, delegates: c.support.delegates,
        opinions: c.opinions.map((o) => ({ key: o.key, source: sourceOf(o.key, paper), author: o.author, text: o.body, proposedText: o.proposed })),
      })),
    });
  }
  return { documentId: d.id, versionId, groupsTotal, totals, units: out };
};

export const discussionSynthesisRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.getDiscussionSynthesis, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const v = await versionOf(deps.db, d.value, ctx.query.version);
    if (!v.ok) return v;
    return ok(json(await loadSynthesis(deps.db, ctx.congress.id, d.value, v.value.id)));
  });

  serve(app, deps, API.setDiscussionSynthesis, async (ctx) => {
    let doc: DocumentRow | null = null;
    return transact(deps, async (trx) => {
      const u = await trx.selectFrom('discussion_units').innerJoin('discussion_versions', 'discussion_versions.id', 'discussion_units.version_id')
        .select(['discussion_units.id', 'discussion_units.ref', 'discussion_versions.document_id']).where('discussion_units.id', '=', ctx.params.id)
        .where('discussion_units.congress_id', '=', ctx.congress.id).executeTakeFirst();
      const missing = notFound('đoạn văn kiện', 'Unit', 'params.id');
      if (u === undefined) return err(missing);
      const d = await readableDocument(trx, ctx.congress.id, u.document_id, ctx);
      if (!d.ok) return err(missing);
      doc = d.value;
      const answer = checkAnswer(ctx.body);
      if (!answer.ok) return err(unprocessable(answer.error));
      const now = nowIso(deps);
      const before = await trx.selectFrom('discussion_syntheses').selectAll().where('unit_id', '=', u.id).executeTakeFirst();
      const values = { status: answer.value.status, new_text: answer.value.newText, explanation: answer.value.explanation, updated_at: now, updated_by: ctx.actor };
      if (before === undefined) await trx.insertInto('discussion_syntheses').values({ congress_id: ctx.congress.id, unit_id: u.id, ...values }).execute();
      else await trx.updateTable('discussion_syntheses').set(values).where('id', '=', before.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.synthesis.set', subject: `discussion-unit:${u.id}`,
        payload: { ref: u.ref, ...answer.value, before: before === undefined ? null : { status: before.status, newText: before.new_text, explanation: before.explanation } } });
      return ok(json({ unitId: u.id, ...answer.value, updatedAt: now }));
    }, () => (doc === null ? [] : documentEvents(ctx.congress.id, doc)));
  });
};
