/**
 * The resolution: the parts of the draft resolution's current version (src/discussion/resolution.ts) and the new
 * term's targets (src/discussion/resolution-targets.ts), adopted by show of hands as a whole and optionally part by
 * part — recorded by the congress's show-of-hands machinery (src/server/votes.ts, N_base of docs/rules.md §1–2), so
 * the votes appear in the record of votes too. Once the whole is adopted its targets no longer change.
 */
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import { API } from '../../../api/contract.ts';
import type { ResolutionView } from '../../../api/discussion.ts';
import { resolutionParts, resolutionVoteSubject } from '../../../discussion/resolution.ts';
import type { Unit } from '../../../discussion/structure.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import type { Congress, Database } from '../../../store/schema.ts';
import { audit } from '../../audit.ts';
import type { BusEvent } from '../../live/bus.ts';
import type { ServerDeps } from '../../deps.ts';
import { congressTerm } from '../../printouts/common.ts';
import { conflict, notFound, type Problem } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { voteView } from '../../views.ts';
import { recordVote } from '../../votes.ts';
import { documentEvents, readableDocument, type Db, type DocumentRow } from './access.ts';

export const resolutionUnits = async (db: Db, versionId: number): Promise<Unit[]> =>
  db.selectFrom('discussion_units').select(['position', 'kind', 'level', 'label', 'ref', 'number', 'text']).where('version_id', '=', versionId).orderBy('position').execute();

const notResolution = (): Problem => conflict(ruleError('discussion.not-resolution', 'Chỉ biểu quyết thông qua được dự thảo nghị quyết.',
  'Only a draft resolution is adopted by vote.'));
const noVersion = (): Problem => conflict(ruleError('discussion.no-version', 'Văn kiện chưa có nội dung.', 'The document has no version yet.'));
const alreadyAdopted = (): Problem => conflict(ruleError('discussion.resolution-adopted',
  'Nghị quyết đã được Đại hội thông qua toàn văn: không thay đổi các chỉ tiêu được nữa.',
  'The congress has adopted the resolution as a whole: its targets can no longer change.', 'body.targets'));

export const resolutionTargets = async (db: Db, documentId: number) =>
  db.selectFrom('discussion_resolution_targets').select(['name', 'target']).where('document_id', '=', documentId).orderBy('position').execute();

/** Whether the latest vote on the whole passed (a voided vote is no vote: the record of votes keeps it apart). */
const isAdopted = (votes: readonly { readonly part_ref: string; readonly passed: number; readonly voided_at: string | null }[]): boolean => {
  const whole = votes.filter((v) => v.part_ref === '' && v.voided_at === null);
  return whole.length > 0 && whole[whole.length - 1]!.passed === 1;
};

const wholeVotes = async (db: Db, documentId: number) =>
  db.selectFrom('discussion_resolution_votes').innerJoin('votes', 'votes.id', 'discussion_resolution_votes.vote_id')
    .select(['votes.passed', 'votes.voided_at', 'discussion_resolution_votes.part_ref']).where('discussion_resolution_votes.document_id', '=', documentId)
    .where('discussion_resolution_votes.part_ref', '=', '').orderBy('votes.id').execute();

/** On PostgreSQL, holds the document's row so that a vote on the whole and a change of its targets never cross. */
const lockDocument = async (trx: Transaction<Database>, deps: ServerDeps, id: number): Promise<void> => {
  await trx.selectFrom('discussion_documents').select('id').where('id', '=', id).$if(deps.dialect === 'postgres', (q) => q.forUpdate()).execute();
};

export const resolutionView = async (db: Db, congress: Congress, d: DocumentRow): Promise<Result<ResolutionView, Problem>> => {
  if (d.kind !== 'draft-resolution') return err(notResolution());
  if (d.current_version_id === null) return err(noVersion());
  const parts = resolutionParts(await resolutionUnits(db, d.current_version_id));
  const votes = await db.selectFrom('discussion_resolution_votes').innerJoin('votes', 'votes.id', 'discussion_resolution_votes.vote_id')
    .select(['votes.id', 'votes.subject', 'votes.agree', 'votes.disagree', 'votes.other', 'votes.base', 'votes.passed', 'votes.recorded_at', 'votes.voided_at', 'discussion_resolution_votes.part_ref'])
    .where('discussion_resolution_votes.document_id', '=', d.id).orderBy('votes.id').execute();
  return ok({
    documentId: d.id, versionId: d.current_version_id, title: d.title,
    parts: parts.map((p) => ({ ref: p.ref, title: p.title, paragraphs: p.units.filter((u) => u.kind === 'paragraph').length })),
    votes: votes.map((v) => ({ voteId: v.id, partRef: v.part_ref, subject: v.subject, agree: v.agree, disagree: v.disagree, other: v.other, base: v.base, passed: v.passed === 1, recordedAt: v.recorded_at })),
    targets: await resolutionTargets(db, d.id),
    term: congressTerm(congress),
    adopted: isAdopted(votes),
  });
};

export const discussionResolutionRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.getResolution, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const v = await resolutionView(deps.db, ctx.congress, d.value);
    return v.ok ? ok(json(v.value)) : v;
  });

  serve(app, deps, API.recordResolutionVote, async (ctx) =>
    transact(deps, async (trx) => {
      const d = await readableDocument(trx, ctx.congress.id, ctx.params.id, ctx);
      if (!d.ok) return d;
      await lockDocument(trx, deps, d.value.id);
      if (d.value.kind !== 'draft-resolution') return err(notResolution());
      const versionId = d.value.current_version_id;
      if (versionId === null) return err(noVersion());
      const partRef = ctx.body.partRef.trim();
      const part = partRef === '' ? null : resolutionParts(await resolutionUnits(trx, versionId)).find((p) => p.ref === partRef) ?? null;
      if (partRef !== '' && part === null) return err(notFound(`phần "${partRef}" của nghị quyết`, `Part "${partRef}" of the resolution`, 'body.partRef'));
      const vote = await recordVote(trx, ctx.congress, ctx, {
        subject: resolutionVoteSubject(d.value.title, part), kind: 'other', agree: ctx.body.agree, disagree: ctx.body.disagree, other: ctx.body.other,
      }, nowIso(deps));
      if (!vote.ok) return vote;
      await trx.insertInto('discussion_resolution_votes').values({ congress_id: ctx.congress.id, document_id: d.value.id, version_id: versionId, part_ref: partRef, vote_id: vote.value.id }).execute();
      return ok(json(voteView(vote.value), 201));
    }, [{ congressId: ctx.congress.id, kind: 'votes', id: null }]));

  serve(app, deps, API.saveResolutionTargets, async (ctx) => {
    let events: BusEvent[] = [];
    return transact(deps, async (trx) => {
      const d = await readableDocument(trx, ctx.congress.id, ctx.params.id, ctx);
      if (!d.ok) return d;
      if (d.value.kind !== 'draft-resolution') return err(notResolution());
      await lockDocument(trx, deps, d.value.id);
      if (isAdopted(await wholeVotes(trx, d.value.id))) return err(alreadyAdopted());
      await trx.deleteFrom('discussion_resolution_targets').where('document_id', '=', d.value.id).execute();
      if (ctx.body.targets.length > 0) {
        await trx.insertInto('discussion_resolution_targets').values(ctx.body.targets.map((t, i) => ({
          congress_id: ctx.congress.id, document_id: d.value.id, position: i + 1, name: t.name, target: t.target,
        }))).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.resolution-targets.set',
        subject: `discussion-document:${d.value.id}`, payload: { targets: ctx.body.targets } });
      const v = await resolutionView(trx, ctx.congress, d.value);
      if (!v.ok) return v;
      events = documentEvents(ctx.congress.id, d.value);
      return ok(json(v.value));
    }, () => events);
  });
};
