/**
 * Comments on a paragraph: a delegate's own (from the phone, editable by them until the deadline), or a paper form
 * typed in by the office (who typed it is kept). Nothing is deleted: a comment is voided with a reason.
 */
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { API } from '../../../api/contract.ts';
import type { CommentView } from '../../../api/discussion.ts';
import { err, ok, ruleError } from '../../../rules/index.ts';
import type { DiscussionCommentsTable } from '../../../store/discussion-schema.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { conflict, forbidden, notFound, type Problem } from '../../problems.ts';
import { json, serve, type Caller } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { closedProblem, delegateOf, documentEvents, isOpen, readableDocument, type Db, type DocumentRow } from './access.ts';
import type { Result } from '../../../rules/index.ts';
import { unitPlaces } from './unit-refs.ts';

type CommentRow = Selectable<DiscussionCommentsTable>;

/** A delegate changes their own comment while the document is open; the office changes paper forms it typed in. */
const mayChange = (c: Pick<CommentRow, 'delegate_id' | 'source' | 'voided_at'>, caller: Pick<Caller, 'principal' | 'roles'>, open: boolean): boolean => {
  if (c.voided_at !== null) return false;
  const me = delegateOf(caller);
  if (me !== null) return c.source === 'delegate' && c.delegate_id === me && open;
  return c.source === 'paper';
};

const views = async (db: Db, rows: readonly CommentRow[], d: DocumentRow, caller: Pick<Caller, 'principal' | 'roles'>, now: string): Promise<CommentView[]> => {
  if (rows.length === 0) return [];
  const unitIds = rows.flatMap((r) => (r.carried_from_unit_id === null ? [r.unit_id] : [r.unit_id, r.carried_from_unit_id]));
  const delegateIds = [...new Set(rows.flatMap((r) => (r.delegate_id === null ? [] : [r.delegate_id])))];
  const places = await unitPlaces(db, unitIds);
  const names = delegateIds.length === 0 ? new Map<number, string>()
    : new Map((await db.selectFrom('delegates').select(['id', 'full_name']).where('id', 'in', delegateIds).execute()).map((x) => [x.id, x.full_name]));
  const open = isOpen(d, now);
  return rows.map((c) => ({
    id: c.id, documentId: c.document_id, unitId: c.unit_id, unitRef: places.get(c.unit_id)?.ref ?? '', unitCite: places.get(c.unit_id)?.cite ?? '', delegateId: c.delegate_id,
    delegateName: c.delegate_id === null ? null : names.get(c.delegate_id) ?? null, kind: c.kind, quote: c.quote, proposedText: c.proposed_text,
    text: c.text, source: c.source, enteredBy: c.entered_by, createdAt: c.created_at, updatedAt: c.updated_at,
    voided: c.voided_at !== null, voidReason: c.void_reason, carried: c.carried,
    carriedFromRef: c.carried_from_unit_id === null ? null : places.get(c.carried_from_unit_id)?.ref ?? null, editable: mayChange(c, caller, open),
  }));
};

/** The comment and its document, if the caller may read both (a delegate: only their own). */
/**
 * A comment to edit or void, with its document: another delegate's is not found; a delegate's own is refused once
 * the document's comments are closed.
 */
const commentToChange = async (db: Db, congressId: number, id: number, caller: Caller, now: string): Promise<Result<{ c: CommentRow; d: DocumentRow }, Problem>> => {
  const c = await db.selectFrom('discussion_comments').selectAll().where('id', '=', id).where('congress_id', '=', congressId).executeTakeFirst();
  const missing = notFound('góp ý', 'Comment', 'params.id');
  if (c === undefined) return err(missing);
  const me = delegateOf(caller);
  if (me !== null && c.delegate_id !== me) return err(missing);
  const d = await readableDocument(db, congressId, c.document_id, caller);
  if (!d.ok) return err(missing);
  if (me !== null && !isOpen(d.value, now)) return err(closedProblem());
  return ok({ c, d: d.value });
};

export const discussionCommentRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listDiscussionComments, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    let q = deps.db.selectFrom('discussion_comments').selectAll().where('document_id', '=', d.value.id).orderBy('id');
    const me = delegateOf(ctx);
    if (me !== null) q = q.where('delegate_id', '=', me);
    if (ctx.query.unit !== undefined) q = q.where('unit_id', '=', ctx.query.unit);
    return ok(json(await views(deps.db, await q.execute(), d.value, ctx, nowIso(deps))));
  });

  serve(app, deps, API.postDiscussionComment, async (ctx) => {
    const now = nowIso(deps);
    let doc: DocumentRow | null = null;
    return transact(deps, async (trx) => {
      const d = await readableDocument(trx, ctx.congress.id, ctx.params.id, ctx);
      if (!d.ok) return d;
      doc = d.value;
      const me = delegateOf(ctx);
      if (me !== null && !isOpen(d.value, now)) return err(closedProblem());
      const unit = await trx.selectFrom('discussion_units').select(['id', 'ref']).where('id', '=', ctx.body.unitId)
        .where('version_id', '=', d.value.current_version_id ?? -1).executeTakeFirst();
      if (unit === undefined) return err(notFound('đoạn của phiên bản hiện hành', 'Unit of the current version', 'body.unitId'));
      const delegateId = me ?? ctx.body.delegateId;
      if (me === null && delegateId !== null) {
        const known = await trx.selectFrom('delegates').select('id').where('id', '=', delegateId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (known === undefined) return err(notFound('đại biểu', 'Delegate', 'body.delegateId'));
      }
      const b = ctx.body;
      const row = await trx.insertInto('discussion_comments').values({
        congress_id: ctx.congress.id, document_id: d.value.id, unit_id: unit.id, delegate_id: delegateId, kind: b.kind, quote: b.quote ?? null,
        proposed_text: b.proposedText ?? null, text: b.text, source: me === null ? 'paper' : 'delegate', entered_by: me === null ? ctx.actor : null,
        created_at: now, updated_at: now, voided_at: null, void_reason: null,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.comment.post', subject: `discussion-comment:${row.id}`,
        payload: { document: d.value.id, unit: unit.id, ref: unit.ref, delegateId, source: row.source, kind: b.kind, text: b.text, proposedText: b.proposedText ?? null, quote: b.quote ?? null } });
      return ok(json((await views(trx, [row], d.value, ctx, now))[0]!, 201));
    }, () => (doc === null ? [] : documentEvents(ctx.congress.id, doc)));
  });

  serve(app, deps, API.updateDiscussionComment, async (ctx) => {
    const now = nowIso(deps);
    let doc: DocumentRow | null = null;
    return transact(deps, async (trx) => {
      const found = await commentToChange(trx, ctx.congress.id, ctx.params.id, ctx, now);
      if (!found.ok) return found;
      const { c, d } = found.value;
      doc = d;
      if (!mayChange(c, ctx, isOpen(d, now))) return err(forbidden());
      const b = ctx.body;
      const next = {
        kind: b.kind ?? c.kind, text: b.text ?? c.text,
        proposed_text: b.proposedText === undefined ? c.proposed_text : b.proposedText, quote: b.quote === undefined ? c.quote : b.quote,
      };
      if (next.kind === 'change' && (next.proposed_text ?? '') === '') {
        return err({ status: 400 as const, code: 'discussion.wording', message_vi: 'Đề nghị sửa thì ghi câu chữ đề nghị.', message_en: 'A change needs the proposed wording.', field: 'body.proposedText' });
      }
      const row = await trx.updateTable('discussion_comments').set({ ...next, updated_at: now }).where('id', '=', c.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.comment.update', subject: `discussion-comment:${c.id}`,
        payload: { before: { kind: c.kind, text: c.text, proposedText: c.proposed_text, quote: c.quote }, after: next } });
      return ok(json((await views(trx, [row], d, ctx, now))[0]!));
    }, () => (doc === null ? [] : documentEvents(ctx.congress.id, doc)));
  });

  serve(app, deps, API.voidDiscussionComment, async (ctx) => {
    const now = nowIso(deps);
    let doc: DocumentRow | null = null;
    return transact(deps, async (trx) => {
      // A delegate withdraws their own (commentToChange finds no other); the office voids any (a duplicate paper form).
      const found = await commentToChange(trx, ctx.congress.id, ctx.params.id, ctx, now);
      if (!found.ok) return found;
      const { c, d } = found.value;
      doc = d;
      if (c.voided_at !== null) return err(conflict(ruleError('discussion.voided', 'Góp ý này đã hủy.', 'This comment is already void.')));
      const row = await trx.updateTable('discussion_comments').set({ voided_at: now, void_reason: ctx.body.reason }).where('id', '=', c.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.comment.void', subject: `discussion-comment:${c.id}`, payload: { reason: ctx.body.reason } });
      return ok(json((await views(trx, [row], d, ctx, now))[0]!));
    }, () => (doc === null ? [] : documentEvents(ctx.congress.id, doc)));
  });
};
