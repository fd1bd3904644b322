/**
 * The credentials report and the attendance report of a session: delegate rows and check-ins → the document
 * inputs. N_base, presence and the exclusions come from `loadAttendance` (deriveAttendance of the rules core).
 */
import type { Kysely } from 'kysely';
import type { PrintFormat } from '../../api/printouts.ts';
import {
  attendanceReport, credentialsReport, type Absentee, type DelegateRecord, type EducationLevel, type PoliticalTheoryLevel,
} from '../../documents/index.ts';
import { formatDateShort } from '../../locale/vi.ts';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import { presentIds } from '../../rules/presence.ts';
import { currentSessionId, loadAttendance } from '../../store/attendance.ts';
import type { Congress, Database, Delegate } from '../../store/schema.ts';
import { conflict, notFound, unprocessable, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { readSettings } from '../settings.ts';
import { bodyOfKind, congressHeader, documentDate, renderAs } from './common.ts';
import { delegateChangesAfterOpening } from './delegate-changes.ts';

const fold = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/** The free text of the delegate list ("Thạc sĩ", "Cử nhân" …) → the levels of the report; null when not recognised. */
export const educationLevel = (text: string | null): EducationLevel | null => {
  if (text === null) return null;
  const t = fold(text);
  if (t.includes('tiến sĩ')) return 'doctorate';
  if (t.includes('thạc sĩ')) return 'master';
  if (t.includes('đại học') || t.includes('cử nhân') || t.includes('kỹ sư') || t.includes('bác sĩ')) return 'university';
  if (t.includes('cao đẳng')) return 'college';
  if (t.includes('trung cấp')) return 'vocational';
  if (t.includes('trung học') || t.includes('12/12') || t.includes('thpt')) return 'secondary';
  return null;
};

/** "Cao cấp", "Cử nhân chính trị" → advanced … ; empty → none (not trained). */
export const theoryLevel = (text: string | null): PoliticalTheoryLevel | null => {
  if (text === null || text.trim() === '') return 'none';
  const t = fold(text);
  if (t.includes('cao cấp') || t.includes('cử nhân')) return 'advanced';
  if (t.includes('trung cấp')) return 'intermediate';
  if (t.includes('sơ cấp')) return 'elementary';
  if (t.includes('chưa')) return 'none';
  return null;
};

interface Loaded {
  readonly sessionId: number | null;
  readonly sessionLabel: string;
  readonly date: string;
  readonly delegates: readonly Delegate[];
  readonly organisations: ReadonlyMap<number, string>;
  readonly checkedIn: ReadonlySet<number>;
}

const loadSession = async (db: Kysely<Database>, congress: Congress, session: number | undefined): Promise<Result<Loaded, Problem>> => {
  const sessionId = session ?? (await currentSessionId(db, congress.id));
  let sessionLabel = 'Toàn Đại hội';
  let date = congress.start_date;
  let freshCheckin = false;
  if (sessionId !== null) {
    const s = await db.selectFrom('congress_sessions').selectAll().where('id', '=', sessionId).where('congress_id', '=', congress.id).executeTakeFirst();
    if (s === undefined) return err(notFound('phiên họp', 'Session', 'query.session'));
    freshCheckin = s.fresh_checkin === 1;
    date = documentDate(congress, s.starts_at);
    sessionLabel = s.starts_at === null ? s.title : `${s.title}, ngày ${formatDateShort(date)}`;
  }
  const [delegates, orgs, checkins] = await Promise.all([
    db.selectFrom('delegates').selectAll().where('congress_id', '=', congress.id).orderBy('code').execute(),
    db.selectFrom('organisations').select(['id', 'name']).where('congress_id', '=', congress.id).execute(),
    db.selectFrom('checkins').select(['delegate_id', 'session_id', 'left_at', 'voided_at']).where('congress_id', '=', congress.id).execute(),
  ]);
  // Present in the session: attendance of the congress (src/rules/presence.ts), not only check-ins taken in it.
  const present = presentIds(checkins.map((c) => ({ delegateId: c.delegate_id, sessionId: c.session_id, left: c.left_at !== null, voided: c.voided_at !== null })),
    sessionId === null ? null : { id: sessionId, freshCheckin });
  return ok({ sessionId, sessionLabel, date, delegates, organisations: new Map(orgs.map((o) => [o.id, o.name])), checkedIn: present });
};

const delegationOf = (l: Loaded, congress: Congress, d: Delegate): string =>
  (d.organisation_id === null ? undefined : l.organisations.get(d.organisation_id)) ?? congress.organisation_name;

export const credentialsReportFile = async (
  db: Kysely<Database>, congress: Congress, session: number | undefined, format: PrintFormat,
): Promise<Result<FileOut, Problem>> => {
  const l = await loadSession(db, congress, session);
  if (!l.ok) return l;
  const committee = await bodyOfKind(db, congress.id, 'credentials');
  if (!committee.ok) return committee;
  const records: DelegateRecord[] = [];
  const gaps: string[] = [];
  for (const d of l.value.delegates) {
    if (d.standing === 'probationary' || d.status === 'not-summoned') continue;
    const education = educationLevel(d.education);
    const theory = theoryLevel(d.political_theory);
    const missing = [
      d.birth_date === null ? 'ngày sinh' : null, d.party_join_date === null ? 'ngày vào Đảng' : null,
      education === null ? `trình độ chuyên môn${d.education === null ? '' : ` "${d.education}"`}` : null,
      theory === null ? `lý luận chính trị "${d.political_theory ?? ''}"` : null,
    ].filter((x) => x !== null);
    if (missing.length > 0) {
      gaps.push(`${d.full_name} (${d.code}): ${missing.join(', ')}`);
      continue;
    }
    const present = l.value.checkedIn.has(d.id);
    records.push({
      id: String(d.id), name: d.full_name, delegation: delegationOf(l.value, congress, d), status: d.standing === 'alternate' ? 'alternate' : 'official',
      category: d.category, present, absenceReason: present ? null : d.status_reason, gender: d.gender, ethnicity: d.ethnicity,
      birthDate: d.birth_date!, partyJoinDate: d.party_join_date!, education: education!, politicalTheory: theory!, credentialsIssue: null,
    });
  }
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 10).join('; ');
    const more = gaps.length > 10 ? ` … và ${gaps.length - 10} người khác` : '';
    return err(unprocessable(ruleError('printout.delegate-data',
      `Thiếu hoặc không đọc được thông tin của ${gaps.length} đại biểu, chưa lập được báo cáo thẩm tra tư cách: ${shown}${more}.`,
      `Data of ${gaps.length} delegates is missing or not recognised; the credentials report cannot be made: ${shown}${more}.`)));
  }
  const changes = await delegateChangesAfterOpening(db, congress.id);
  return renderAs(db, credentialsReport, { header: congressHeader(congress, l.value.date), delegates: records, committee: committee.value.board, changes },
    format, `bao-cao-tham-tra-tu-cach-${congress.code}`);
};

export const attendanceReportFile = async (
  db: Kysely<Database>, congress: Congress, session: number | undefined, format: PrintFormat,
): Promise<Result<FileOut, Problem>> => {
  const l = await loadSession(db, congress, session);
  if (!l.ok) return l;
  if (l.value.sessionId === null) {
    return err(conflict(ruleError('printout.no-session', 'Chưa có phiên họp nào có đại biểu điểm danh: chưa lập được báo cáo có mặt.',
      'No session has check-ins yet: there is no attendance to report.')));
  }
  const a = await loadAttendance(db, congress.id, l.value.sessionId);
  if (!a.ok) return err(unprocessable(a.error));
  const signers = await bodyOfKind(db, congress.id, 'secretariat');
  if (!signers.ok) return signers;
  // Every seat of the base: the official, or the alternate who replaces them; absent when its voter is not checked in.
  const voters = new Set(a.value.voterIds);
  const byId = new Map(l.value.delegates.map((d) => [d.id, d]));
  const absentees: Absentee[] = [];
  for (const d of l.value.delegates) {
    if (d.standing !== 'official' || d.status === 'not-summoned') continue;
    const holder = d.status === 'replaced' && d.replaced_by_id !== null ? byId.get(d.replaced_by_id) ?? d : d;
    if (voters.has(holder.id) && l.value.checkedIn.has(holder.id)) continue;
    const reason = holder === d ? d.status_reason : `Thay bằng đại biểu dự khuyết ${holder.full_name} (vắng)`;
    absentees.push({ name: d.full_name, delegation: delegationOf(l.value, congress, d), reason });
  }
  return renderAs(db, attendanceReport, {
    header: congressHeader(congress, l.value.date), session: l.value.sessionLabel, attendance: a.value.counts, present: a.value.present,
    absentees, quorum: readSettings(congress).quorum, signedBy: signers.value.board, changes: await delegateChangesAfterOpening(db, congress.id),
  }, format, `bao-cao-co-mat-${congress.code}-phien-${l.value.sessionId}`);
};
