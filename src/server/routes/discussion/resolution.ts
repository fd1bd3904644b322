/**
 * The resolution: the parts of the draft resolution's current version (src/discussion/resolution.ts), adopted by
 * show of hands as a whole and optionally part by part — recorded by the congress's show-of-hands machinery
 * (src/server/votes.ts, N_base of docs/rules.md §1–2), so the votes appear in the record of votes too.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { ResolutionView } from '../../../api/discussion.ts';
import { resolutionParts, resolutionVoteSubject } from '../../../discussion/resolution.ts';
import type { Unit } from '../../../discussion/structure.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import type { Congress } from '../../../store/schema.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict, notFound, type Problem } from '../../problems.ts';
import { json, serve } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { voteView } from '../../views.ts';
import { recordVote } from '../../votes.ts';
import { targetSummary } from '../targets.ts';
import { readableDocument, type Db, type DocumentRow } from './access.ts';

export const resolutionUnits = async (db: Db, versionId: number): Promise<Unit[]> =>
  db.selectFrom('discussion_units').select(['position', 'kind', 'level', 'label', 'ref', 'number', 'text']).where('version_id', '=', versionId).orderBy('position').execute();

const notResolution = (): Problem => conflict(ruleError('discussion.not-resolution', 'Chỉ biểu quyết thông qua được dự thảo nghị quyết.',
  'Only a draft resolution is adopted by vote.'));
const noVersion = (): Problem => conflict(ruleError('discussion.no-version', 'Văn kiện chưa có nội dung.', 'The document has no version yet.'));

export const resolutionView = async (db: Db, congress: Congress, d: DocumentRow): Promise<Result<ResolutionView, Problem>> => {
  if (d.kind !== 'draft-resolution') return err(notResolution());
  if (d.current_version_id === null) return err(noVersion());
  const parts = resolutionParts(await resolutionUnits(db, d.current_version_id));
  const votes = await db.selectFrom('discussion_resolution_votes').innerJoin('votes', 'votes.id', 'discussion_resolution_votes.vote_id')
    .select(['votes.id', 'votes.subject', 'votes.agree', 'votes.disagree', 'votes.other', 'votes.base', 'votes.passed', 'votes.recorded_at', 'discussion_resolution_votes.part_ref'])
    .where('discussion_resolution_votes.document_id', '=', d.id).orderBy('votes.id').execute();
  const targets = await db.selectFrom('resolution_targets').select('assessment').where('congress_id', '=', congress.id).execute();
  const whole = votes.filter((v) => v.part_ref === '');
  return ok({
    documentId: d.id, versionId: d.current_version_id, title: d.title,
    parts: parts.map((p) => ({ ref: p.ref, title: p.title, paragraphs: p.units.filter((u) => u.kind === 'paragraph').length })),
    votes: votes.map((v) => ({ voteId: v.id, partRef: v.part_ref, subject: v.subject, agree: v.agree, disagree: v.disagree, other: v.other, base: v.base, passed: v.passed === 1, recordedAt: v.recorded_at })),
    targets: targetSummary(targets).text_vi,
    adopted: whole.length > 0 && whole[whole.length - 1]!.passed === 1,
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
};
