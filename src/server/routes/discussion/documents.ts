/** Discussion documents: create (written), versions (written or .docx read off the event loop), pages of units, differences. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../../api/contract.ts';
import { DISCUSSION_DOCX_MAX_BYTES, type DiffView, type DiscussionDocumentView } from '../../../api/discussion.ts';
import { OptionalText } from '../../../api/common.ts';
import { blocksFromText, splitDocument, type SourceBlock, type Unit } from '../../../discussion/structure.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import { audit } from '../../audit.ts';
import type { ServerDeps } from '../../deps.ts';
import { documentType } from '../../documents-check.ts';
import { badRequest, notFound, problem, unprocessable, type Problem } from '../../problems.ts';
import { json, serve, type Caller } from '../../route.ts';
import { nowIso, transact } from '../../tx.ts';
import { carryOpinions } from './carry.ts';
import { parseWith } from '../../validation.ts';
import { readUpload } from '../upload.ts';
import { documentEvents, isOpen, readableDocument, readableLevels, type Db, type DocumentRow } from './access.ts';
import { unitsPage } from './units.ts';

/** At most this many units in a version (a 300-page report has about 6,000). */
/**
 * Loaded on first use, not at start: the .docx reader (its bounded worker) and the comparison of two versions (the
 * diff package) serve only the discussion's uploads and diffs.
 */
const docxReader = () => import('../../../import/docx-off-thread.ts');
const versions = () => import('../../../discussion/versions.ts');

export const MAX_UNITS = 50_000;
const INSERT_CHUNK = 500;

export const documentView = async (db: Db, d: DocumentRow, now: string): Promise<DiscussionDocumentView> => {
  const versions = await db.selectFrom('discussion_versions').select(['id', 'number', 'source', 'file_name', 'note', 'units', 'created_at'])
    .where('document_id', '=', d.id).orderBy('number').execute();
  return {
    id: d.id, kind: d.kind, title: d.title, access: d.access, commentDeadline: d.comment_deadline, open: isOpen(d, now),
    currentVersionId: d.current_version_id, createdAt: d.created_at,
    versions: versions.map((v) => ({ id: v.id, number: v.number, source: v.source, fileName: v.file_name, note: v.note, units: v.units, createdAt: v.created_at })),
  };
};

const tooMany = (n: number): Problem => unprocessable(ruleError('discussion.too-many-units', `Văn kiện có ${n} đoạn, vượt giới hạn ${MAX_UNITS}.`,
  `The document has ${n} units, over the limit of ${MAX_UNITS}.`, 'text'));
const emptyDraft = (): Problem => unprocessable(ruleError('discussion.empty', 'Văn kiện không có đoạn nào.', 'The document has no paragraph.', 'text'));

/** Stores a new version (split into units) and makes it the current one; audited by the caller. */
export const storeVersion = async (
  trx: Db, congressId: number, documentId: number, units: readonly Unit[], source: { kind: 'text' | 'docx'; fileName: string | null; content: Uint8Array | null; note: string | null },
  actor: string, now: string,
): Promise<{ id: number; number: number }> => {
  const last = await trx.selectFrom('discussion_versions').select((eb) => eb.fn.max('number').as('n')).where('document_id', '=', documentId).executeTakeFirst();
  const number = (last?.n ?? 0) + 1;
  const v = await trx.insertInto('discussion_versions').values({
    congress_id: congressId, document_id: documentId, number, source: source.kind, file_name: source.fileName, content: source.content,
    note: source.note, units: units.length, created_at: now, created_by: actor,
  }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < units.length; i += INSERT_CHUNK) {
    await trx.insertInto('discussion_units').values(units.slice(i, i + INSERT_CHUNK).map((u) => ({
      congress_id: congressId, version_id: v.id, position: u.position, kind: u.kind, level: u.level, label: u.label, ref: u.ref, number: u.number, text: u.text,
    }))).execute();
  }
  await trx.updateTable('discussion_documents').set({ current_version_id: v.id }).where('id', '=', documentId).execute();
  return { id: v.id, number };
};

const splitChecked = (blocks: readonly SourceBlock[]): Result<Unit[], Problem> => {
  const units = splitDocument(blocks);
  if (units.length === 0) return err(emptyDraft());
  if (units.length > MAX_UNITS) return err(tooMany(units.length));
  return ok(units);
};

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const DocxFields = z.object({ note: OptionalText(300) }).strict();

const unitsOf = async (db: Db, versionId: number): Promise<Unit[]> =>
  (await db.selectFrom('discussion_units').select(['position', 'kind', 'level', 'label', 'ref', 'number', 'text']).where('version_id', '=', versionId).orderBy('position').execute());

export const discussionDocumentRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.listDiscussionDocuments, async (ctx) => {
    const rows = await deps.db.selectFrom('discussion_documents').selectAll().where('congress_id', '=', ctx.congress.id)
      .where('access', 'in', readableLevels(ctx)).orderBy('id').execute();
    const now = nowIso(deps);
    const out: DiscussionDocumentView[] = [];
    for (const d of rows) out.push(await documentView(deps.db, d, now));
    return ok(json(out));
  });

  serve(app, deps, API.getDiscussionDocument, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    return d.ok ? ok(json(await documentView(deps.db, d.value, nowIso(deps)))) : d;
  });

  serve(app, deps, API.createDiscussionDocument, async (ctx) => {
    const b = ctx.body;
    let units: Unit[] = [];
    if (b.text !== null) {
      const split = splitChecked(blocksFromText(b.text));
      if (!split.ok) return split;
      units = split.value;
    }
    const now = nowIso(deps);
    return transact(deps, async (trx) => {
      const d = await trx.insertInto('discussion_documents').values({
        congress_id: ctx.congress.id, kind: b.kind, title: b.title, access: b.access, comment_deadline: null, current_version_id: null, created_at: now, created_by: ctx.actor,
      }).returningAll().executeTakeFirstOrThrow();
      const version = b.text === null ? null : await storeVersion(trx, ctx.congress.id, d.id, units, { kind: 'text', fileName: null, content: null, note: null }, ctx.actor, now);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.document.create', subject: `discussion-document:${d.id}`,
        payload: { kind: b.kind, title: b.title, access: b.access, version: version?.number ?? null, units: units.length, textSha256: b.text === null ? null : sha(b.text) } });
      const fresh = await trx.selectFrom('discussion_documents').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
      return ok(json(await documentView(trx, fresh, now), 201));
    }, documentEvents(ctx.congress.id, { id: 0, access: b.access }).map((e) => ({ ...e, id: null })));
  });

  serve(app, deps, API.updateDiscussionDocument, async (ctx) =>
    transact(deps, async (trx) => {
      const found = await readableDocument(trx, ctx.congress.id, ctx.params.id, ctx);
      if (!found.ok) return found;
      const b = ctx.body;
      const deadline = b.commentDeadline === undefined ? undefined : b.commentDeadline === null ? null : new Date(b.commentDeadline).toISOString();
      await trx.updateTable('discussion_documents').set({
        ...(b.title === undefined ? {} : { title: b.title }),
        ...(b.access === undefined ? {} : { access: b.access }),
        ...(deadline === undefined ? {} : { comment_deadline: deadline }),
      }).where('id', '=', found.value.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.document.update', subject: `discussion-document:${found.value.id}`,
        payload: { ...b, before: { title: found.value.title, access: found.value.access, commentDeadline: found.value.comment_deadline } } });
      const fresh = await trx.selectFrom('discussion_documents').selectAll().where('id', '=', found.value.id).executeTakeFirstOrThrow();
      return ok(json(await documentView(trx, fresh, nowIso(deps))));
    }, (v) => (v.body.access !== 'secret' ? [{ congressId: ctx.congress.id, kind: 'discussion' as const, id: ctx.params.id }] : [])));

  const addVersion = async (ctx: Caller & { congress: { id: number } }, documentId: number, blocks: readonly SourceBlock[],
    source: { kind: 'text' | 'docx'; fileName: string | null; content: Uint8Array | null; note: string | null }, fingerprint: string) => {
    const split = splitChecked(blocks);
    if (!split.ok) return split;
    const now = nowIso(deps);
    let access: DocumentRow['access'] = 'secret';
    return transact(deps, async (trx) => {
      const found = await readableDocument(trx, ctx.congress.id, documentId, ctx);
      if (!found.ok) return found;
      access = found.value.access;
      const previous = found.value.current_version_id;
      const v = await storeVersion(trx, ctx.congress.id, documentId, split.value, source, ctx.actor, now);
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.version.add', subject: `discussion-document:${documentId}`,
        payload: { version: v.number, source: source.kind, fileName: source.fileName, note: source.note, units: split.value.length, sha256: fingerprint } });
      if (previous !== null) {
        // The open comments and groups' records follow their paragraph into the new version (or are marked as on a removed one).
        const carried = await carryOpinions(trx, documentId, previous, v.id);
        if (Object.keys(carried.comments.moves).length + Object.keys(carried.groupOpinions.moves).length > 0) {
          await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'discussion.opinions.carry', subject: `discussion-document:${documentId}`,
            payload: { version: v.number, ...carried } });
        }
      }
      const fresh = await trx.selectFrom('discussion_documents').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
      return ok(json(await documentView(trx, fresh, now), 201));
    }, () => documentEvents(ctx.congress.id, { id: documentId, access }));
  };

  serve(app, deps, API.addDiscussionTextVersion, async (ctx) =>
    addVersion(ctx, ctx.params.id, blocksFromText(ctx.body.text), { kind: 'text', fileName: null, content: null, note: ctx.body.note ?? null }, sha(ctx.body.text)));

  serve(app, deps, API.uploadDiscussionDocx, async (ctx) => {
    // The document is checked before the file is read: nobody makes the server read a file for nothing.
    const found = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!found.ok) return found;
    const upload = await readUpload(ctx.req, DISCUSSION_DOCX_MAX_BYTES);
    if (!upload.ok) return upload;
    const fields = parseWith(DocxFields, upload.value.fields, 'fields');
    if (!fields.ok) return err(badRequest(fields.error));
    if (documentType(upload.value.fileName, upload.value.data) !== 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      return err(problem(415, ruleError('discussion.docx-type', 'Chỉ nhận tệp Word (.docx).', 'Only Word (.docx) files are accepted.', 'file')));
    }
    const blocks = await (await docxReader()).readDocxOffThread({ data: upload.value.data, maxBlocks: MAX_UNITS });
    if (!blocks.ok) return err(unprocessable(blocks.error));
    const fileName = upload.value.fileName.replace(/[\\/\u0000-\u001f]/gu, '_').slice(0, 200);
    return addVersion(ctx, ctx.params.id, blocks.value, { kind: 'docx', fileName, content: upload.value.data, note: fields.value.note ?? null },
      createHash('sha256').update(upload.value.data).digest('hex'));
  });

  serve(app, deps, API.listDiscussionUnits, async (ctx) => {
    const page = await unitsPage(deps.db, ctx.congress.id, ctx.params.id, ctx, ctx.query);
    return page.ok ? ok(json(page.value)) : page;
  });

  serve(app, deps, API.diffDiscussionVersions, async (ctx) => {
    const d = await readableDocument(deps.db, ctx.congress.id, ctx.params.id, ctx);
    if (!d.ok) return d;
    const pick = async (n: number, field: string) =>
      deps.db.selectFrom('discussion_versions').select(['id', 'number']).where('document_id', '=', d.value.id).where('number', '=', n).executeTakeFirst()
        .then((v) => (v === undefined ? err(notFound(`phiên bản ${n}`, `Version ${n}`, field)) : ok(v)));
    const from = await pick(ctx.query.from, 'query.from');
    if (!from.ok) return from;
    const to = await pick(ctx.query.to, 'query.to');
    if (!to.ok) return to;
    const { versionDiff, diffSummary } = await versions();
    const changes = versionDiff(await unitsOf(deps.db, from.value.id), await unitsOf(deps.db, to.value.id));
    const ref = (u: Unit) => ({ ref: u.ref, number: u.number, text: u.text });
    return ok(json({
      from: from.value.number, to: to.value.number, summary: diffSummary(changes),
      changes: changes.flatMap((c): DiffView['changes'] => (c.kind === 'same' ? []
        : c.kind === 'changed' ? [{ kind: c.kind, before: ref(c.before), after: ref(c.after), words: [...c.words] }]
          : c.kind === 'added' ? [{ kind: c.kind, before: null, after: ref(c.after), words: null }]
            : [{ kind: c.kind, before: ref(c.before), after: null, words: null }])),
    }));
  });
};
