/**
 * A page of a document's units for a caller, with their comment counts (the caller's own for a delegate, all for
 * staff): what `GET …/documents/:id/units` answers, and what the server embeds in the phone's reading page
 * (static.ts). The access rule is readableDocument's, here once.
 */
import type { z } from 'zod';
import type { UnitsPage, UnitsQuery } from '../../../api/discussion.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import { notFound, problem, type Problem } from '../../problems.ts';
import type { Caller } from '../../route.ts';
import { delegateOf, readableDocument, type Db, type DocumentRow } from './access.ts';

/** The version a query names by id, or the current one. */
export const versionOf = async (db: Db, d: DocumentRow, versionId: number | undefined): Promise<Result<{ id: number; number: number }, Problem>> => {
  const id = versionId ?? d.current_version_id;
  if (id === null) return err(problem(409, ruleError('discussion.no-version', 'Văn kiện chưa có nội dung.', 'The document has no version yet.')));
  const v = await db.selectFrom('discussion_versions').select(['id', 'number']).where('id', '=', id).where('document_id', '=', d.id).executeTakeFirst();
  return v === undefined ? err(notFound('phiên bản', 'Version', 'query.version')) : ok(v);
};

export const unitsPage = async (
  db: Db, congressId: number, documentId: number, caller: Pick<Caller, 'principal' | 'roles'>, query: z.output<typeof UnitsQuery>,
): Promise<Result<UnitsPage, Problem>> => {
  const d = await readableDocument(db, congressId, documentId, caller);
  if (!d.ok) return d;
  const v = await versionOf(db, d.value, query.version);
  if (!v.ok) return v;
  const total = await db.selectFrom('discussion_units').select((eb) => eb.fn.countAll<number>().as('n')).where('version_id', '=', v.value.id).executeTakeFirstOrThrow();
  let page = db.selectFrom('discussion_units').selectAll().where('version_id', '=', v.value.id);
  page = query.number === undefined ? page.where('position', '>', query.offset) : page.where('number', '=', query.number);
  const rows = await page.orderBy('position').limit(query.limit).execute();
  const ids = rows.map((r) => r.id);
  const mine = delegateOf(caller);
  let counts = new Map<number, number>();
  if (ids.length > 0) {
    let q = db.selectFrom('discussion_comments').select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', 'in', ids).where('voided_at', 'is', null).groupBy('unit_id');
    if (mine !== null) q = q.where('delegate_id', '=', mine);
    counts = new Map((await q.execute()).map((r) => [r.unit_id, r.n]));
  }
  return ok({
    documentId: d.value.id, versionId: v.value.id, versionNumber: v.value.number, total: total.n, offset: query.offset,
    units: rows.map((u) => ({ id: u.id, position: u.position, kind: u.kind, level: u.level, label: u.label, ref: u.ref, number: u.number, text: u.text, comments: counts.get(u.id) ?? 0 })),
  });
};
