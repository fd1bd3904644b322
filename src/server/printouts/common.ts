/**
 * What every printed document takes from the database: the header of the congress, the members of a body
 * (counting board, secretariat, credentials committee) and the file answer. Plain mapping: no rule is computed here.
 */
import type { Kysely, Transaction } from 'kysely';
import { CONTENT_TYPES, type PrintFormat } from '../../api/printouts.ts';
import type { AuditHead, CongressHeader, CountingBoard } from '../../documents/index.ts';
import { err, ok, type Result, type RuleError } from '../../rules/index.ts';
import type { BodyKind, Congress, Database } from '../../store/schema.ts';
import { conflict, unprocessable, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';

export type Db = Kysely<Database> | Transaction<Database>;

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day in Vietnam of an ISO instant: "2020-07-15". */
export const vietnamDay = (instant: string): string => new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The day printed on a document: the day something happened when it falls within the congress, else its first day. */
export const documentDate = (congress: Pick<Congress, 'start_date' | 'end_date'>, instant: string | null): string => {
  if (instant === null || Number.isNaN(Date.parse(instant))) return congress.start_date;
  const day = vietnamDay(instant);
  return day >= congress.start_date && day <= congress.end_date ? day : congress.start_date;
};

/**
 * The day of the session an agenda item belongs to (within the congress), or null when the item is unknown or its
 * session has no start: a document is dated by the sitting it records, never by the clock of the machine printing it.
 */
export const itemDay = async (db: Db, congress: Congress, agendaItemId: number | null): Promise<string | null> => {
  if (agendaItemId === null) return null;
  const s = await db.selectFrom('agenda_items').innerJoin('congress_sessions', 'congress_sessions.id', 'agenda_items.session_id')
    .select('congress_sessions.starts_at').where('agenda_items.id', '=', agendaItemId).where('agenda_items.congress_id', '=', congress.id).executeTakeFirst();
  return s?.starts_at == null ? null : documentDate(congress, s.starts_at);
};

const PLACE_WORDS = new Set(['tỉnh', 'thành', 'huyện', 'quận', 'xã', 'phường', 'thị']);

/**
 * "ĐẢNG BỘ TỈNH LẠNG SƠN" → "Đảng bộ tỉnh Lạng Sơn": the higher organisation is stored as printed in the header;
 * titles need it in normal case (the header prints it in capitals again). A name not written in capitals is kept.
 */
export const normalCase = (name: string): string => {
  const text = name.normalize('NFC').trim();
  if (text !== text.toLocaleUpperCase('vi')) return text;
  const words = text.toLocaleLowerCase('vi').split(/\s+/u);
  let properFrom = words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "thành phố", "thị xã", "thị trấn": the proper name starts after the second word.
    const skip = (w === 'thành' || w === 'thị') && i + 1 < words.length ? 2 : 1;
    if (PLACE_WORDS.has(w) && i > 0) {
      properFrom = i + skip;
      break;
    }
  }
  const cap = (w: string): string => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  return words.map((w, i) => (i === 0 || i >= properFrom ? cap(w) : w)).join(' ');
};

/** "Đảng bộ Khối …" → "Đảng ủy Khối …", "Chi bộ …" → "Chi ủy …": the committee of the organisation. */
export const committeeOf = (organisation: string): string => {
  const o = organisation.normalize('NFC').trim();
  if (/^đảng bộ\s/iu.test(o)) return `Đảng ủy ${o.slice('Đảng bộ '.length)}`;
  if (/^chi bộ\s/iu.test(o)) return `Chi ủy ${o.slice('Chi bộ '.length)}`;
  return `Cấp ủy ${o}`;
};

/** "… Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII" → "XVII" (the delegation's higher congress), else null. */
export const higherCongressOrdinalOf = (title: string): string | null => /lần thứ\s+([IVXLCDM]+)\b/u.exec(title)?.[1] ?? null;

/** The congress's term as its documents write it: "2025 – 2030". */
export const congressTerm = (congress: Pick<Congress, 'term_start_year' | 'term_end_year'>): string => `${congress.term_start_year} – ${congress.term_end_year}`;

export const congressHeader = (congress: Congress, date: string, higherCongressOrdinal: string | null = null): CongressHeader => ({
  congressId: congress.code,
  higherOrganisation: normalCase(congress.higher_organisation_name),
  organisation: congress.organisation_name,
  committee: committeeOf(congress.organisation_name),
  congressKind: congress.kind,
  ordinal: congress.ordinal,
  term: congressTerm(congress),
  place: congress.place,
  date,
  higherCongressOrdinal,
});

export interface BodyPeople {
  readonly title: string;
  readonly board: CountingBoard;
}

/** A body's members as signers: the head first, then deputies and members in their order. */
export const bodyPeople = async (db: Db, bodyId: number): Promise<BodyPeople | null> => {
  const body = await db.selectFrom('bodies').select(['id', 'title']).where('id', '=', bodyId).executeTakeFirst();
  if (body === undefined) return null;
  const rows = await db.selectFrom('body_members').innerJoin('delegates', 'delegates.id', 'body_members.delegate_id')
    .select(['body_members.role', 'body_members.position', 'delegates.full_name']).where('body_members.body_id', '=', bodyId)
    .orderBy('body_members.position').execute();
  const rank = { head: 0, deputy: 1, member: 2 } as const;
  const ordered = [...rows].sort((a, b) => rank[a.role] - rank[b.role] || a.position - b.position);
  if (ordered.length === 0) return null;
  return { title: body.title, board: { head: ordered[0]!.full_name, members: ordered.slice(1).map((r) => r.full_name) } };
};

const BODY_NAMES: Readonly<Record<BodyKind, string>> = {
  presidium: 'Đoàn Chủ tịch',
  secretariat: 'Đoàn Thư ký',
  credentials: 'Ban Thẩm tra tư cách đại biểu',
  'counting-board': 'Ban Kiểm phiếu',
};

/** The (latest) body of a kind in the congress, with members; a clear refusal when there is none. */
export const bodyOfKind = async (db: Db, congressId: number, kind: BodyKind): Promise<Result<BodyPeople, Problem>> => {
  const body = await db.selectFrom('bodies').select('id').where('congress_id', '=', congressId).where('kind', '=', kind)
    .orderBy('id', 'desc').executeTakeFirst();
  const people = body === undefined ? null : await bodyPeople(db, body.id);
  if (people === null) {
    return err(conflict({
      code: 'printout.no-body', message_vi: `Chưa có ${BODY_NAMES[kind]} (hoặc chưa có thành viên) để ký văn bản.`,
      message_en: `There is no ${kind} body (or it has no members) to sign the document.`,
    }));
  }
  return ok(people);
};

/** A document that does not add up is the data's fault, never a crash: 422 with the renderer's message. */
export const rendered = (r: Result<Buffer, RuleError>, format: PrintFormat, fileName: string): Result<FileOut, Problem> =>
  r.ok
    ? ok({ kind: 'file', data: r.value, contentType: CONTENT_TYPES[format], fileName: `${fileName}.${format}` })
    : err(unprocessable(r.error));

/** The last entry of the audit chain now (printed in every set of minutes); null while the log is empty. */
export const auditHeadOf = async (db: Db): Promise<AuditHead | null> => {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last === undefined ? null : { sequence: last.id, hash: last.hash };
};

type Draw<I> = (i: I, auditHead?: AuditHead | null) => Promise<Result<Buffer, RuleError>>;

/** Renders with the PDF or the Word renderer of a document, the head of the audit chain printed last. */
export const renderAs = async <I>(
  db: Db, renderer: { readonly pdf: Draw<I>; readonly docx: Draw<I> }, input: I, format: PrintFormat, fileName: string,
): Promise<Result<FileOut, Problem>> => rendered(await renderer[format](input, await auditHeadOf(db)), format, fileName);
