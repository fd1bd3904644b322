/**
 * The synthesis of a version: every live opinion (delegates' comments, paper forms, groups' records) grouped per
 * unit by the discussion core, with the secretariat's answer per unit. Loads, calls the core, answers.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { SynthesisUnitView, SynthesisView } from '../../../api/discussion.ts';
import { checkAnswer, clusterOpinions, type Opinion } from '../../../discussion/synthesis.ts';
import { err, ok } from '../../../rules/index.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { notFound, unprocessable } from '../../problems.ts';
import { json, jsonPieces, serve } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { documentEvents, readableDocument, type Db, type DocumentRow } from './access.ts';
import { versionOf } from './units.ts';

/** Units read per query: their comments come together (about a hundred per unit at the largest congresses). */
const UNITS_PER_QUERY = 100;

type SynthesisHead = Omit<SynthesisView, 'units'>;

/** Live comments and groups' records of the document left on paragraphs a later version removed (not on this version's units). */
const removedOpinions = async (db: Db, d: DocumentRow, versionId: number, names: ReadonlyMap<number, string>): Promise<SynthesisView['removed']> => {
  const before = db.selectFrom('discussion_versions').select('number').where('id', '=', versionId);
  const comments = await db.selectFrom('discussion_comments as c').innerJoin('discussion_units as u', 'u.id', 'c.unit_id')
    .innerJoin('discussion_versions as v', 'v.id', 'u.version_id')
    .select(['c.id', 'c.kind', 'c.source', 'c.delegate_id', 'c.text', 'c.proposed_text', 'u.ref', 'u.position', 'u.text as unit_text', 'v.number'])
    .where('c.document_id', '=', d.id).where('c.carried', '=', 'removed').where('c.voided_at', 'is', null).where('u.version_id', '!=', versionId)
    .where('v.number', '<', before).execute();
  const groups = await db.selectFrom('discussion_group_opinions as o').innerJoin('discussion_units as u', 'u.id', 'o.unit_id')
    .innerJoin('discussion_versions as v', 'v.id', 'u.version_id').innerJoin('discussion_groups as g', 'g.id', 'o.group_id')
    .select(['o.id', 'o.kind', 'g.name', 'o.text', 'o.proposed_text', 'u.ref', 'u.position', 'u.text as unit_text', 'v.number'])
    .where('o.document_id', '=', d.id).where('o.carried', '=', 'removed').where('o.voided_at', 'is', null).where('u.version_id', '!=', versionId)
    .where('v.number', '<', before).execute();
  const all = [
    ...comments.map((c) => ({ at: [c.position, 0, c.id], view: {
      key: `c:${c.id}`, kind: c.kind, source: c.source, author: c.delegate_id === null ? 'Phiếu góp ý không ghi tên' : names.get(c.delegate_id) ?? '',
      text: c.text, proposedText: c.proposed_text, ref: c.ref, unitText: c.unit_text, versionNumber: c.number,
    } })),
    ...groups.map((o) => ({ at: [o.position, 1, o.id], view: {
      key: `g:${o.id}`, kind: o.kind, source: 'group' as const, author: o.name,
      text: o.text, proposedText: o.proposed_text, ref: o.ref, unitText: o.unit_text, versionNumber: o.number,
    } })),
  ];
  // By paragraph, the delegates' comments first, each in the order written.
  return all.sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || a.at[2]! - b.at[2]!).map((x) => x.view);
};

/**
 * The synthesis of one version of a document, unit by unit in document order: `onUnit` receives each unit with
 * opinions or an answer as soon as it is grouped. The comments are read a hundred units at a time, only the columns
 * used, so neither all the rows nor all the grouped opinions are held at once.
 */
export const walkSynthesis = async (db: Db, congressId: number, d: DocumentRow, versionId: number, onUnit: (u: SynthesisUnitView) => void): Promise<SynthesisHead> => {
  const units = await db.selectFrom('discussion_units').select(['id', 'ref', 'number', 'kind', 'text']).where('version_id', '=', versionId).orderBy('position').execute();
  const names = new Map((await db.selectFrom('delegates').select(['id', 'full_name']).where('congress_id', '=', congressId).execute()).map((x) => [x.id, x.full_name]));
  const groupOf = new Map((await db.selectFrom('discussion_group_members').select(['delegate_id', 'group_id']).where('congress_id', '=', congressId).execute())
    .map((m) => [m.delegate_id, m.group_id]));
  const opinions = await db.selectFrom('discussion_group_opinions as o')
    .innerJoin('discussion_units as u', 'u.id', 'o.unit_id')
    .innerJoin('discussion_groups as g', 'g.id', 'o.group_id')
    .select(['o.id', 'o.unit_id', 'o.group_id', 'o.kind', 'o.text', 'o.proposed_text', 'o.agree_count', 'o.carried', 'g.name'])
    .where('u.version_id', '=', versionId).where('o.voided_at', 'is', null).orderBy('o.id').execute();
  const answers = new Map((await db.selectFrom('discussion_syntheses').innerJoin('discussion_units', 'discussion_units.id', 'discussion_syntheses.unit_id')
    .selectAll('discussion_syntheses').where('discussion_units.version_id', '=', versionId).execute()).map((a) => [a.unit_id, a]));
  const groupsTotal = ((await db.selectFrom('discussion_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('congress_id', '=', congressId).executeTakeFirstOrThrow()).n);

  const byUnit = new Map<number, Opinion[]>();
  const sources = new Map<string, 'delegate' | 'paper' | 'group'>();
  const carried = new Map<string, 'same' | 'similar'>();
  const push = (unitId: number, o: Opinion): void => {
    const list = byUnit.get(unitId);
    if (list === undefined) byUnit.set(unitId, [o]); else list.push(o);
  };
  const totals = { comments: 0, groupOpinions: opinions.length, units: 0, pending: 0, accepted: 0, explained: 0, notAccepted: 0 };
  for (let from = 0; from < units.length; from += UNITS_PER_QUERY) {
    const chunk = units.slice(from, from + UNITS_PER_QUERY);
    byUnit.clear();
    sources.clear();
    carried.clear();
    const comments = await db.selectFrom('discussion_comments')
      .select(['id', 'unit_id', 'delegate_id', 'kind', 'text', 'proposed_text', 'source', 'carried'])
      // By unit, then id: the unit index answers it without a sort (a document_id condition made SQLite scan the
      // whole document's comments for every chunk; the units are this document's anyway).
      .where('unit_id', 'in', chunk.map((u) => u.id)).where('voided_at', 'is', null).orderBy('unit_id').orderBy('id').execute();
    totals.comments += comments.length;
    for (const c of comments) {
      const key = `c:${c.id}`;
      sources.set(key, c.source === 'paper' ? 'paper' : 'delegate');
      if (c.carried === 'same' || c.carried === 'similar') carried.set(key, c.carried);
      push(c.unit_id, {
        key, kind: c.kind, text: c.proposed_text ?? c.text, body: c.text, proposed: c.proposed_text,
        author: c.delegate_id === null ? 'Phiếu góp ý không ghi tên' : names.get(c.delegate_id) ?? '',
        source: c.delegate_id === null ? { source: 'delegate', delegateId: -c.id, groupId: null } : { source: 'delegate', delegateId: c.delegate_id, groupId: groupOf.get(c.delegate_id) ?? null },
      });
    }
    const inChunk = new Set(chunk.map((u) => u.id));
    for (const o of opinions) {
      if (!inChunk.has(o.unit_id)) continue;
      const key = `g:${o.id}`;
      sources.set(key, 'group');
      if (o.carried === 'same' || o.carried === 'similar') carried.set(key, o.carried);
      push(o.unit_id, {
        key, kind: o.kind, text: o.proposed_text ?? o.text, body: o.text, proposed: o.proposed_text, author: o.name,
        source: { source: 'group', groupId: o.group_id, agreeCount: o.agree_count },
      });
    }
    for (const u of chunk) {
      const list = byUnit.get(u.id) ?? [];
      const a = answers.get(u.id);
      if (list.length === 0 && a === undefined) continue;
      const status = a?.status ?? 'pending';
      totals.units++;
      if (status === 'pending') totals.pending++; else if (status === 'accepted') totals.accepted++; else if (status === 'explained') totals.explained++; else totals.notAccepted++;
      onUnit({
        unitId: u.id, ref: u.ref, number: u.number, kind: u.kind, text: u.text, status, newText: a?.new_text ?? null, explanation: a?.explanation ?? null,
        clusters: clusterOpinions(list, groupsTotal).map((c) => ({
          kind: c.kind, representative: c.representative, supportText: c.supportText, groups: c.support.groups, delegates: c.support.delegates,
          opinions: c.opinions.map((o) => ({ key: o.key, source: sources.get(o.key)!, author: o.author, text: o.body, proposedText: o.proposed, carried: carried.get(o.key) ?? null })),
        })),
      });
    }
  }
  return { documentId: d.id, versionId, groupsTotal, totals, removed: await removedOpinions(db, d, versionId, names) };
};

/** The synthesis of one version as one value (for the printed report). */
export const loadSynthesis = async (db: Db, congressId: number, d: DocumentRow, versionId: number): Promise<SynthesisView> => {
  const units: SynthesisUnitView[] = [];
  const head = await walkSynthesis(db, congressId, d, versionId, (u) => { units.push(u); });
  return { ...head, units };
};

/**
 * The synthesis as JSON pieces: each unit serialised as it is grouped, then the head. 100,000 comments make a reply
 * of ~26 MB; held as objects, then as one string, then as a buffer it was three times that (docs/MEASUREMENTS.md).
 */
const synthesisJson = async (db: Db, congressId: number, d: DocumentRow, versionId: number): Promise<Buffer[]> => {
  const pieces: Buffer[] = [Buffer.from('{"units":[')];
  let first = true;
  const head = await walkSynthesis(db, congressId, d, versionId, (u) => {
    pieces.push(Buffer.from(`${first ? '' : ','}${JSON.stringify(u)}`));
    first = false;
  });
  pieces.push(Buffer.from(`],${JSON.stringify(head satisfies SynthesisHead).slice(1)}`));
  return pieces;
};

export const discussionSynthesisRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.getDiscussionSynthesis, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const v = await versionOf(deps.db, d.value, ctx.query.version);
    if (!v.ok) return v;
    return ok(jsonPieces(await synthesisJson(deps.db, ctx.congress.id, d.value, v.value.id)));
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
