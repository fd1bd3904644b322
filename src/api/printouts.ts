/**
 * The printed documents of a congress, built by the server from its database: the query schemas the
 * server validates and the paths the web app links to. Every path answers a file (PDF, or Word with
 * `format=docx` where both exist); a refusal is the usual `{ error: { message_vi, message_en } }`.
 *
 *   <a href={printoutPaths(code).minutes(electionId, 1, 'docx')}>Biên bản kiểm phiếu (Word)</a>
 */
import { z } from 'zod';
import { Id } from './common.ts';


export const PRINT_FORMATS = ['pdf', 'docx'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];
export const PrintFormatSchema = z.enum(PRINT_FORMATS).default('pdf');

export const CONTENT_TYPES: Readonly<Record<PrintFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** "1,2,3" → [1, 2, 3] (at most 2,000 ids, no duplicates kept). */
export const IdList = z.string().max(20_000).regex(/^\d+(,\d+)*$/u, 'Danh sách số không hợp lệ (ví dụ: 1,2,3).||Invalid id list (e.g. 1,2,3).')
  .transform((s) => [...new Set(s.split(',').map(Number))])
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(2000));

export const PrintFormatQuery = z.object({ format: PrintFormatSchema }).strict();
/** Ballots: PDF only. */
export const BallotsQuery = z.object({}).strict();
/** Delegate cards: every card of the congress, or only `ids`. */
export const CardsQuery = z.object({ ids: IdList.optional() }).strict();
/** Attendance of one session (default: the current session). */
export const SessionPrintQuery = z.object({ format: PrintFormatSchema, session: Id.optional() }).strict();
/** Show-of-hands votes: those of the agenda items of `session`, or the votes `ids`, or every vote of the congress. */
export const ShowOfHandsQuery = z.object({ format: PrintFormatSchema, session: Id.optional(), ids: IdList.optional() }).strict();
/** The credentials report: presence at `session` (default: the current session). */
export const CredentialsQuery = SessionPrintQuery;

/** The documents the server prints, for a list in the web app. */
export const PRINTOUTS = [
  { key: 'ballots', label_vi: 'Phiếu bầu', label_en: 'Ballots', formats: ['pdf'], perRound: true },
  { key: 'minutes', label_vi: 'Biên bản kiểm phiếu', label_en: 'Counting minutes', formats: ['pdf', 'docx'], perRound: true },
  { key: 'input-log', label_vi: 'Nhật ký nhập phiếu', label_en: 'Input log', formats: ['pdf', 'docx'], perRound: true },
  { key: 'delegate-cards', label_vi: 'Thẻ đại biểu', label_en: 'Delegate cards', formats: ['pdf'], perRound: false },
  { key: 'credentials-report', label_vi: 'Báo cáo thẩm tra tư cách đại biểu', label_en: 'Credentials report', formats: ['pdf', 'docx'], perRound: false },
  { key: 'attendance-report', label_vi: 'Báo cáo tình hình đại biểu có mặt', label_en: 'Attendance report', formats: ['pdf', 'docx'], perRound: false },
  { key: 'show-of-hands', label_vi: 'Biên bản biểu quyết', label_en: 'Show-of-hands record', formats: ['pdf', 'docx'], perRound: false },
] as const;
export type PrintoutKey = (typeof PRINTOUTS)[number]['key'];

const qs = (params: Readonly<Record<string, string | number | readonly number[] | undefined>>): string => {
  const parts = Object.entries(params).flatMap(([k, v]) => {
    if (v === undefined) return [];
    const text = Array.isArray(v) ? v.join(',') : String(v);
    return text === '' ? [] : [`${k}=${encodeURIComponent(text)}`];
  });
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
};

/** The URL of each printed document of congress `code`. */
export const printoutPaths = (code: string) => {
  const P = `/api/congresses/${encodeURIComponent(code)}/printouts`;
  const R = (electionId: number, round: number): string => `${P}/elections/${electionId}/rounds/${round}`;
  return {
    ballots: (electionId: number, round: number): string => `${R(electionId, round)}/ballots`,
    /** Counting minutes of the round; the kind of election picks the form (delegation, opinion poll, secretary poll …). */
    minutes: (electionId: number, round: number, format: PrintFormat = 'pdf'): string => `${R(electionId, round)}/minutes${qs({ format })}`,
    inputLog: (electionId: number, round: number, format: PrintFormat = 'pdf'): string => `${R(electionId, round)}/input-log${qs({ format })}`,
    delegateCards: (ids?: readonly number[]): string => `${P}/delegate-cards${qs({ ids })}`,
    credentialsReport: (format: PrintFormat = 'pdf', session?: number): string => `${P}/credentials-report${qs({ format, session })}`,
    attendanceReport: (format: PrintFormat = 'pdf', session?: number): string => `${P}/attendance-report${qs({ format, session })}`,
    showOfHands: (format: PrintFormat = 'pdf', select: { readonly session?: number; readonly ids?: readonly number[] } = {}): string =>
      `${P}/show-of-hands${qs({ format, session: select.session, ids: select.ids })}`,
  };
};
