/**
 * The show-of-hands record (biên bản biểu quyết): the stored votes (counts, and the N_base and presence recorded
 * with each vote). Votes recorded against a different base or presence are printed as separate parts of one
 * record, each with its own figures; the record is signed once, by the head of the secretariat.
 */
import type { Kysely } from 'kysely';
import type { PrintFormat } from '../../api/printouts.ts';
import {
  renderContentDocx, renderContentPdf, showOfHandsRecord, withAuditFooter, type DocumentContent, type ShowOfHandsItem,
} from '../../documents/index.ts';
import { formatDateShort } from '../../locale/vi.ts';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import type { Congress, Database, Vote } from '../../store/schema.ts';
import { conflict, notFound, unprocessable, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { auditHeadOf, bodyOfKind, congressHeader, documentDate, itemDay, rendered } from './common.ts';

export interface VoteSelection {
  readonly session?: number | undefined;
  readonly ids?: readonly number[] | undefined;
}

export const showOfHandsFile = async (
  db: Kysely<Database>, congress: Congress, select: VoteSelection, format: PrintFormat,
): Promise<Result<FileOut, Problem>> => {
  let q = db.selectFrom('votes').selectAll('votes').where('votes.congress_id', '=', congress.id).orderBy('votes.id');
  let label = 'Các nội dung biểu quyết tại Đại hội';
  if (select.session !== undefined) {
    const s = await db.selectFrom('congress_sessions').selectAll().where('id', '=', select.session).where('congress_id', '=', congress.id).executeTakeFirst();
    if (s === undefined) return err(notFound('phiên họp', 'Session', 'query.session'));
    label = s.starts_at === null ? s.title : `${s.title}, ngày ${formatDateShort(documentDate(congress, s.starts_at))}`;
    q = q.innerJoin('agenda_items', 'agenda_items.id', 'votes.agenda_item_id').where('agenda_items.session_id', '=', s.id);
  }
  if (select.ids !== undefined) q = q.where('votes.id', 'in', [...select.ids]);
  const votes = await q.execute();
  if (select.ids !== undefined) {
    const missing = select.ids.filter((id) => !votes.some((v) => v.id === id));
    if (missing.length > 0) return err(notFound(`biểu quyết #${missing.join(', #')}`, `Vote #${missing.join(', #')}`, 'query.ids'));
  }
  if (votes.length === 0) {
    return err(conflict(ruleError('printout.no-votes', 'Chưa có nội dung biểu quyết nào được ghi (cho lựa chọn này).', 'No show-of-hands vote is recorded (for this selection).')));
  }
  const signers = await bodyOfKind(db, congress.id, 'secretariat');
  if (!signers.ok) return signers;
  // Consecutive votes with the same base and presence form one part.
  const parts: Vote[][] = [];
  for (const v of votes) {
    const last = parts[parts.length - 1];
    if (last !== undefined && last[0]!.base === v.base && last[0]!.present === v.present) last.push(v);
    else parts.push([v]);
  }
  // Dated by the session of the last vote's agenda item (the sitting recorded), else by when it was recorded.
  const last = votes[votes.length - 1]!;
  const header = congressHeader(congress, (await itemDay(db, congress, last.agenda_item_id)) ?? documentDate(congress, last.recorded_at));
  const contents: DocumentContent[] = [];
  for (const part of parts) {
    const items: ShowOfHandsItem[] = part.map((v) => ({
      subject: v.subject, counts: { agree: v.agree, disagree: v.disagree, other: v.other },
      voided: v.voided_at === null ? null : { at: v.voided_at, reason: v.void_reason ?? '', by: v.voided_by ?? '' },
    }));
    const c = showOfHandsRecord.content({ header, session: label, base: part[0]!.base, present: part[0]!.present, items, signedBy: signers.value.board });
    if (!c.ok) return err(unprocessable(c.error));
    contents.push(c.value);
  }
  const first = contents[0]!;
  const body = contents.flatMap((c) => c.blocks.filter((b) => b.kind !== 'signatures'));
  const signatures = first.blocks.filter((b) => b.kind === 'signatures');
  const merged = withAuditFooter({ ...first, blocks: [...body, ...signatures] }, await auditHeadOf(db));
  const data = format === 'pdf' ? await renderContentPdf(merged) : await renderContentDocx(merged);
  return rendered(ok(data), format, `bien-ban-bieu-quyet-${congress.code}`);
};
