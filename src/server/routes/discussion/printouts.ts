/** The discussion's printed documents: the synthesis report, a group's minutes, the resolution (PDF or Word). */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../api/contract.ts';
import type { DocumentContent } from '../../../documents/index.ts';
import { citeUnit } from '../../../discussion/structure.ts';
import { err, ok, type Result, type RuleError } from '../../../rules/index.ts';
import type { Congress } from '../../../store/schema.ts';
import type { ServerDeps } from '../../deps.ts';
import { auditHeadOf, bodyOfKind, congressHeader, documentDate, rendered, type Db } from '../../printouts/common.ts';
import { forbidden, notFound, unprocessable } from '../../problems.ts';
import { serve } from '../../route.ts';
import { nowIso } from '../../tx.ts';
import { delegateOf, readableDocument } from './access.ts';
import { versionOf } from './units.ts';
import { groupViews } from './groups.ts';
import { resolutionTargets, resolutionUnits } from './resolution.ts';
import { loadSynthesis } from './synthesis.ts';
import type { PrintFormat } from '../../../api/printouts.ts';

const headOf = async (db: Db, congressId: number, kind: 'secretariat' | 'presidium'): Promise<string> => {
  const b = await bodyOfKind(db, congressId, kind);
  return b.ok ? b.value.board.head : '';
};

/**
 * The renderers (pdfkit, docx and the fonts) and the documents' content are loaded on the first printout, not at
 * start, as for the other printouts (routes/printouts.ts).
 */
const documents = () => import('../../../documents/index.ts');
const contents = () => import('../../../documents/content/discussion.ts');

const draw = async (db: Db, c: Result<DocumentContent, RuleError>, format: PrintFormat, fileName: string) => {
  if (!c.ok) return err(unprocessable(c.error));
  const { renderContentDocx, renderContentPdf, withAuditFooter } = await documents();
  const content = withAuditFooter(c.value, await auditHeadOf(db));
  return rendered(ok(format === 'pdf' ? await renderContentPdf(content) : await renderContentDocx(content)), format, fileName);
};

const headerNow = (congress: Congress, now: string) => congressHeader(congress, documentDate(congress, now));

export const discussionPrintoutRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.printDiscussionReport, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const v = await versionOf(deps.db, d.value, ctx.query.version);
    if (!v.ok) return v;
    const s = await loadSynthesis(deps.db, ctx.congress.id, d.value, v.value.id);
    const opinions = s.units.flatMap((u) => u.clusters.flatMap((c) => c.opinions));
    const paper = opinions.filter((o) => o.source === 'paper').length;
    const groupsReported = new Set(opinions.filter((o) => o.source === 'group').map((o) => o.author)).size;
    const content = (await contents()).discussionReportContent({
      header: headerNow(ctx.congress, nowIso(deps)), documentTitle: d.value.title, versionNumber: v.value.number,
      totals: { comments: s.totals.comments, paper, groupOpinions: s.totals.groupOpinions, groupsReported, groups: s.groupsTotal },
      units: s.units.map((u) => ({
        cite: citeUnit({ kind: u.kind, number: u.number, ref: u.ref, label: '' }), text: u.text, status: u.status, newText: u.newText, explanation: u.explanation,
        clusters: u.clusters.map((c) => ({ kind: c.kind, representative: c.representative, supportText: c.supportText })),
      })),
      removed: s.removed.map((o) => ({ cite: `Phiên bản ${o.versionNumber}, ${o.ref}`, unitText: o.unitText, kind: o.kind, author: o.author, text: o.text })),
      signedBy: await headOf(deps.db, ctx.congress.id, 'secretariat'),
    });
    return draw(deps.db, ok(content), ctx.query.format, `bao-cao-tong-hop-y-kien-${d.value.id}`);
  });

  serve(app, deps, API.printGroupMinutes, async (ctx) => {
    const g = await deps.db.selectFrom('discussion_groups').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
    if (g === undefined) return err(notFound('tổ thảo luận', 'Discussion group', 'params.id'));
    const me = delegateOf(ctx);
    if (me !== null && me !== g.secretary_delegate_id && me !== g.leader_delegate_id) return err(forbidden());
    if (me === null && !ctx.roles.some((r) => r === 'admin' || r === 'secretariat' || r === 'presidium')) return err(forbidden());
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.query.document, ctx);
    if (!d.ok) return err(notFound('văn kiện thảo luận', 'Discussion document', 'query.document'));
    const view = (await groupViews(deps.db, [g]))[0]!;
    const rows = await deps.db.selectFrom('discussion_group_opinions').innerJoin('discussion_units', 'discussion_units.id', 'discussion_group_opinions.unit_id')
      .leftJoin('delegates', 'delegates.id', 'discussion_group_opinions.speaker_delegate_id')
      .select(['discussion_group_opinions.kind', 'discussion_group_opinions.text', 'discussion_group_opinions.proposed_text', 'discussion_group_opinions.agree_count',
        'discussion_units.kind as unit_kind', 'discussion_units.number', 'discussion_units.ref', 'delegates.full_name'])
      .where('discussion_group_opinions.group_id', '=', g.id).where('discussion_group_opinions.document_id', '=', d.value.id)
      .where('discussion_group_opinions.voided_at', 'is', null).orderBy('discussion_units.position').orderBy('discussion_group_opinions.id').execute();
    const content = (await contents()).groupMinutesContent({
      header: headerNow(ctx.congress, nowIso(deps)), groupName: g.name, documentTitle: d.value.title, members: view.members.length,
      leader: view.leader?.fullName ?? '', secretary: view.secretary?.fullName ?? '',
      opinions: rows.map((r) => ({ cite: citeUnit({ kind: r.unit_kind, number: r.number, ref: r.ref, label: '' }), kind: r.kind, text: r.text, proposed: r.proposed_text, speaker: r.full_name ?? '', agree: r.agree_count })),
    });
    return draw(deps.db, ok(content), ctx.query.format, `bien-ban-thao-luan-to-${g.id}`);
  });

  serve(app, deps, API.printResolution, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const v = await versionOf(deps.db, d.value, ctx.query.version);
    if (!v.ok) return v;
    const units = await resolutionUnits(deps.db, v.value.id);
    const targets = await resolutionTargets(deps.db, d.value.id);
    const whole = await deps.db.selectFrom('discussion_resolution_votes').innerJoin('votes', 'votes.id', 'discussion_resolution_votes.vote_id')
      .select(['votes.agree', 'votes.disagree', 'votes.other', 'votes.base', 'votes.present', 'votes.recorded_at'])
      .where('discussion_resolution_votes.document_id', '=', d.value.id).where('discussion_resolution_votes.part_ref', '=', '').where('votes.voided_at', 'is', null)
      .orderBy('votes.id', 'desc').limit(1).executeTakeFirst();
    const content = (await contents()).resolutionContent({
      header: headerNow(ctx.congress, whole?.recorded_at ?? nowIso(deps)), units, targets,
      vote: whole === undefined ? null : { agree: whole.agree, disagree: whole.disagree, other: whole.other, base: whole.base, present: whole.present },
      signedBy: await headOf(deps.db, ctx.congress.id, 'presidium'),
    });
    return draw(deps.db, content, ctx.query.format, `nghi-quyet-${d.value.id}`);
  });
};
