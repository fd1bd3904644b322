/** Congress documents: upload (size- and type-limited), list and download by visibility, change visibility, delete. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {   Text } from '../../api/common.ts';
import { DOCUMENT_MAX_BYTES,  Visibility } from '../../api/documents.ts';
import { err, ok, ruleError } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { documentType } from '../documents-check.ts';
import type { AccessRole } from '../../api/access.ts';
import { badRequest, notFound, problem } from '../problems.ts';
import { json, serve } from '../route.ts';
import { parseWith } from '../validation.ts';
import { nowIso, transact } from '../tx.ts';
import { readUpload } from './upload.ts';

type Vis = z.infer<typeof Visibility>;
const STAFF: readonly AccessRole[] = ['admin', 'secretariat', 'presidium', 'technician', 'counting-board'];
const visibleTo = (roles: readonly AccessRole[]): Vis[] =>
  roles.some((r) => STAFF.includes(r)) ? ['public', 'delegates', 'staff'] : roles.includes('delegate') ? ['public', 'delegates'] : ['public'];

const UploadFields = z.object({ title: Text(300), visibility: Visibility }).strict();

export const documentRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number) => [{ congressId, kind: 'documents' as const, id: null }];

  serve(app, deps, API.listDocuments, async (ctx) => {
    const rows = await deps.db.selectFrom('documents').select(['id', 'title', 'file_name', 'mime_type', 'size', 'visibility', 'uploaded_at'])
      .where('congress_id', '=', ctx.congress.id).where('visibility', 'in', visibleTo(ctx.roles)).orderBy('id').execute();
    return ok(json(rows.map((d) => ({ id: d.id, title: d.title, fileName: d.file_name, mimeType: d.mime_type, size: d.size, visibility: d.visibility, uploadedAt: d.uploaded_at }))));
  });

  serve(app, deps, API.getDocument, async (ctx) => {
    const d = await deps.db.selectFrom('documents').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id)
      .where('visibility', 'in', visibleTo(ctx.roles)).executeTakeFirst();
    if (d === undefined) return err(notFound('tài liệu', 'Document', 'params.id'));
    return ok({ kind: 'file', data: d.content, contentType: d.mime_type, fileName: d.file_name, inline: d.mime_type === 'application/pdf' });
  });

  serve(app, deps, API.uploadDocument, async (ctx) => {
    const upload = await readUpload(ctx.req, DOCUMENT_MAX_BYTES);
    if (!upload.ok) return upload;
    const fields = parseWith(UploadFields, upload.value.fields, 'fields');
    if (!fields.ok) return err(badRequest(fields.error));
    const mime = documentType(upload.value.fileName, upload.value.data);
    if (mime === null) {
      return err(problem(415, ruleError('document.type', 'Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh PNG/JPEG hoặc văn bản (.txt), đúng với nội dung tệp.',
        'Only PDF, Word (.docx), Excel (.xlsx), PNG/JPEG images or text (.txt) files whose content matches are accepted.', 'file')));
    }
    const fileName = upload.value.fileName.replace(/[\\/\u0000-\u001f]/gu, '_').slice(0, 200);
    return transact(deps, async (trx) => {
      const row = await trx.insertInto('documents').values({
        congress_id: ctx.congress.id, title: fields.value.title, file_name: fileName, mime_type: mime, size: upload.value.data.length,
        visibility: fields.value.visibility, content: upload.value.data, uploaded_at: nowIso(deps),
      }).returning(['id', 'uploaded_at']).executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'document.upload', subject: `document:${row.id}`,
        payload: { title: fields.value.title, fileName, size: upload.value.data.length, visibility: fields.value.visibility } });
      return ok(json({ id: row.id, title: fields.value.title, fileName, mimeType: mime, size: upload.value.data.length, visibility: fields.value.visibility, uploadedAt: row.uploaded_at }, 201));
    }, ev(ctx.congress.id));
  });

  serve(app, deps, API.updateDocument, async (ctx) =>
    transact(deps, async (trx) => {
      const r = await trx.updateTable('documents').set({ visibility: ctx.body.visibility }).where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return err(notFound('tài liệu', 'Document', 'params.id'));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'document.visibility', subject: `document:${ctx.params.id}`, payload: { ...ctx.body } });
      return ok(json({ id: ctx.params.id, visibility: ctx.body.visibility }));
    }, ev(ctx.congress.id)));

  serve(app, deps, API.deleteDocument, async (ctx) =>
    transact(deps, async (trx) => {
      const r = await trx.deleteFrom('documents').where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return err(notFound('tài liệu', 'Document', 'params.id'));
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'document.delete', subject: `document:${ctx.params.id}`, payload: {} });
      return ok(json({ ok: true }));
    }, ev(ctx.congress.id)));
};
