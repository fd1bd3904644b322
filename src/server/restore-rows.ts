/**
 * Every row of a backup checked as the API checks what it stores, before a restore writes anything: a restore can
 * never create a state the API could not. The checks are the API's own zod schemas (src/api), the stored JSON
 * columns' schemas (settings, the exclusions from N_base, a round's result, counting events, scanned ballots) and
 * the rules core (a show-of-hands vote passed as docs/rules.md §2 says). References between rows are checked when they
 * are remapped (restore.ts). The first row at fault is named with its table, row and column.
 */
import { z } from 'zod';
import { Role } from '../api/access.ts';
import { CardLoginBody, CreateUserBody } from '../api/auth.ts';
import { BallotInput } from '../api/ballot.ts';
import { BodyBody, BodyMemberInput, VoteBody, VoteKind } from '../api/bodies.ts';
import { Count, IdBody, ShowOfHands, Text } from '../api/common.ts';
import { CongressSettingsSchema, CountSettingsSchema, CreateCongressBody, OrganisationBody } from '../api/congresses.ts';
import { CreateBatchBody, RequestId, TerminalId } from '../api/counting.ts';
import { CreateDelegateBody, DelegateStatusBody } from '../api/delegates.ts';
import { DOCUMENT_MAX_BYTES, Visibility } from '../api/documents.ts';
import { BallotsIssuedBody, CandidateBody, CandidateView, CreateElectionBody, MaxSurplusBody, RoundStatus } from '../api/elections.ts';
import { SCAN_FILE_MAX_BYTES, ScanJobStatus, ScanJobView, ScanReason } from '../api/scan.ts';
import { AgendaItemBody, AgendaItemView, CheckinView, SessionBody } from '../api/sessions.ts';
import { SpeakerBody, SpeakerStatus } from '../api/speakers.ts';
import { TargetInput } from '../api/targets.ts';
import { CommentBody, DISCUSSION_DOCX_MAX_BYTES, DISCUSSION_TEXT_MAX, DiscussionAccess, DiscussionKind, GroupOpinionBody, NewTermTarget, SynthesisBody } from '../api/discussion.ts';
import { CountingEventSchema } from '../counting/schemas.ts';
import { checkAnswer } from '../discussion/synthesis.ts';
import { computeBase, decideShowOfHands } from '../rules/index.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';
import { documentType } from './documents-check.ts';
import { settingsFromJson } from './settings.ts';
import { issuesToError } from './validation.ts';
import { baseExclusionsFromJson } from '../store/base-exclusions-json.ts';
import { BACKUP_TABLES, rowsOf, type BackupFile, type BackupTable, type FileCell, type FileRow } from '../store/backup-format.ts';
import { countOutcomeFromJson } from '../store/round-result-json.ts';

/** What is wrong with a row: its column, and either a zod error (of the value or of the API body) or a message. */
type Fault =
  | { readonly column: string; readonly zod: z.ZodError; readonly path: readonly PropertyKey[] }
  | { readonly column: string; readonly vi: string; readonly en: string };
type RowCheck = (row: FileRow) => Fault | null;

const instant = z.iso.datetime();
const place = z.number().int().min(0).max(100_000);
const flag = z.union([z.literal(0), z.literal(1)]);

/** One column against a schema. */
const column = (name: string, schema: z.ZodType): RowCheck => (row) => {
  const r = schema.safeParse(row[name]);
  return r.success ? null : { column: name, zod: r.error, path: r.error.issues[0]?.path ?? [] };
};

/** Several columns as the API body they come from (`{ fullName: 'full_name' }`); 0/1 flags are given as booleans. */
const body = (schema: z.ZodType, columns: Readonly<Record<string, string>>, flags: readonly string[] = []): RowCheck => (row) => {
  const input = Object.fromEntries(Object.entries(columns).map(([key, c]) => {
    const v = row[c];
    return [key, flags.includes(key) && (v === 0 || v === 1) ? v === 1 : v];
  }));
  const r = schema.safeParse(input);
  if (r.success) return null;
  const [first, ...rest] = r.error.issues[0]?.path ?? [];
  return { column: columns[String(first)] ?? String(first ?? ''), zod: r.error, path: rest };
};

/** A JSON text column read with the reader the server uses (null allowed when `nullable`). */
const json = (name: string, read: (text: string) => Result<unknown, RuleError>, nullable = true): RowCheck => (row) => {
  const v = row[name];
  // A column added after an older file was written is missing there (undefined): it restores as null.
  if ((v === null || v === undefined) && nullable) return null;
  if (typeof v !== 'string') return { column: name, vi: 'cần một văn bản JSON.', en: 'a JSON text is expected.' };
  const r = read(v);
  return r.ok ? null : { column: name, vi: r.error.message_vi, en: r.error.message_en };
};

const withSchema = (schema: z.ZodType) => (text: string): Result<unknown, RuleError> => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(ruleError('json', 'không phải JSON.', 'not JSON.'));
  }
  const r = schema.safeParse(raw);
  if (r.success) return ok(r.data);
  const e = issuesToError('json', r.error);
  return err({ ...e, message_vi: `JSON không đúng dạng: ${e.message_vi}`, message_en: `malformed JSON: ${e.message_en}` });
};

/** A rule of several columns: the message when it does not hold. */
const rule = (name: string, holds: (row: FileRow) => boolean, vi: string, en: string): RowCheck => (row) =>
  (holds(row) ? null : { column: name, vi, en });

const bytesOf = (v: FileCell | undefined): Buffer | null =>
  v !== null && typeof v === 'object' && typeof v.$base64 === 'string' ? Buffer.from(v.$base64, 'base64') : null;

const bytes = (name: string, max: number, nullable: boolean): RowCheck => (row) => {
  const v = row[name];
  if (v === null && nullable) return null;
  const b = bytesOf(v);
  if (b === null) return { column: name, vi: 'cần dữ liệu nhị phân (base64).', en: 'binary data (base64) is expected.' };
  return b.length <= max ? null : { column: name, vi: `quá ${max} byte.`, en: `more than ${max} bytes.` };
};

const num = (v: FileCell | undefined): number => (typeof v === 'number' ? v : Number.NaN);
/** A cell as text for a message or a comparison (bytes and nothing as empty). */
const text = (v: FileCell | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const COUNTED = new Set(['counted', 'published', 'approved']);

/** The stored status of a delegate as the status change the API takes (a reason for every status but "summoned"). */
const delegateStatus: RowCheck = (row) => {
  const status = row['status'];
  const reason = row['status_reason'];
  const replacedBy = row['replaced_by_id'];
  const change: Record<string, FileCell | undefined> = { status };
  if (status !== 'summoned' || reason !== null) change['reason'] = reason;
  if (status === 'replaced' || replacedBy !== null) change['replacedById'] = replacedBy;
  const r = DelegateStatusBody.safeParse(change);
  if (r.success) return null;
  const first = String(r.error.issues[0]?.path[0] ?? 'status');
  const names: Readonly<Record<string, string>> = { reason: 'status_reason', replacedById: 'replaced_by_id' };
  return { column: names[first] ?? 'status', zod: r.error, path: [] };
};

/** The exclusions from N_base must give the stored base (as the minutes check). */
const exclusionsGiveBase: RowCheck = (row) => {
  const text = row['base_exclusions'];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') return { column: 'base_exclusions', vi: 'cần một văn bản JSON.', en: 'a JSON text is expected.' };
  const snapshot = baseExclusionsFromJson(text);
  if (!snapshot.ok) return { column: 'base_exclusions', vi: snapshot.error.message_vi, en: snapshot.error.message_en };
  const base = computeBase(snapshot.value);
  return base.ok && base.value === row['base'] ? null
    : { column: 'base_exclusions', vi: 'các số loại trừ không cho đúng số làm căn cứ (base) của dòng.', en: 'the exclusions do not give the row\'s base.' };
};

/** A vote passed or not exactly as the rules decide from its counts (docs/rules.md §2). */
const votePassed: RowCheck = (row) => {
  const d = decideShowOfHands({ agree: num(row['agree']), disagree: num(row['disagree']), other: num(row['other']) }, num(row['base']), num(row['present']));
  if (!d.ok) return { column: d.error.field ?? 'agree', vi: d.error.message_vi, en: d.error.message_en };
  return (d.value.passed ? 1 : 0) === row['passed'] ? null
    : { column: 'passed', vi: 'kết quả thông qua không đúng với số biểu quyết.', en: 'passed does not follow from the counts.' };
};

/** A void: all three of when, why and by whom, or none. */
const voidColumns: readonly RowCheck[] = [
  column('voided_at', instant.nullable().optional()), column('void_reason', Text(2000).nullable().optional()), column('voided_by', Text(200).nullable().optional()),
  rule('void_reason', (r) => (r['voided_at'] ?? null) === null ? (r['void_reason'] ?? null) === null : typeof r['void_reason'] === 'string' && r['void_reason'].trim() !== '',
    'một bản ghi đã hủy phải có lý do, và chỉ bản ghi đã hủy mới có.', 'a voided record has a reason, and only a voided record has one.'),
];

const CHECKS: Readonly<Record<BackupTable, readonly RowCheck[]>> = {
  congresses: [
    body(CreateCongressBody, { code: 'code', higherOrganisationName: 'higher_organisation_name', organisationName: 'organisation_name', kind: 'kind',
      ordinal: 'ordinal', termStartYear: 'term_start_year', termEndYear: 'term_end_year', startDate: 'start_date', endDate: 'end_date', venue: 'venue', place: 'place' }),
    json('settings', settingsFromJson, false), column('created_at', instant),
  ],
  organisations: [body(OrganisationBody, { name: 'name', role: 'role', partyMembers: 'party_members', position: 'position' }), column('deactivated_at', instant.nullable())],
  delegates: [
    body(CreateDelegateBody, { code: 'code', fullName: 'full_name', gender: 'gender', birthDate: 'birth_date', ethnicity: 'ethnicity', education: 'education',
      politicalTheory: 'political_theory', partyJoinDate: 'party_join_date', position: 'position', organisationId: 'organisation_id', category: 'category',
      standing: 'standing', isConveningMember: 'is_convening_member', seat: 'seat' }, ['isConveningMember']),
    delegateStatus, column('card_token', CardLoginBody.shape.token), column('card_revoked_at', instant.nullable()), column('card_printed_at', instant.nullable()), column('created_at', instant),
  ],
  congress_sessions: [body(SessionBody, { kind: 'kind', title: 'title', startsAt: 'starts_at' }), column('position', place)],
  agenda_items: [body(AgendaItemBody, { title: 'title', kind: 'kind' }), column('status', AgendaItemView.shape.status), column('position', place)],
  users: [
    body(CreateUserBody.pick({ username: true, displayName: true }), { username: 'username', displayName: 'display_name' }),
    column('disabled_at', instant.nullable()), column('created_at', instant),
  ],
  bodies: [body(BodyBody.pick({ kind: true, title: true }), { kind: 'kind', title: 'title' })],
  elections: [
    body(CreateElectionBody, { kind: 'kind', title: 'title', seats: 'seats', alternateSeats: 'alternate_seats' }),
    column('max_surplus', MaxSurplusBody.shape.maxSurplus.nullable()), json('settings', withSchema(CountSettingsSchema), false),
    column('approved_at', instant.nullable()), column('approval_reference', Text(200).nullable()), column('created_at', instant),
  ],
  election_rounds: [
    column('number', IdBody), body(CreateElectionBody.pick({ seats: true, alternateSeats: true }), { seats: 'seats', alternateSeats: 'alternate_seats' }),
    column('status', RoundStatus), column('base', Count.nullable()), column('present', Count.nullable()),
    column('ballots_issued', BallotsIssuedBody.shape.issued.nullable()), column('ballots_collected', BallotsIssuedBody.shape.issued.nullable()),
    json('result', countOutcomeFromJson), exclusionsGiveBase,
    rule('result', (r) => (r['result'] !== null) === COUNTED.has(text(r['status'])),
      'chỉ vòng bầu đã kiểm phiếu xong (counted, published, approved) mới có kết quả, và vòng đó phải có.',
      'only a counted round (counted, published, approved) has a result, and it must have one.'),
    column('decision', Text(2000).nullable()), column('updated_at', instant), column('open_override', Text(2000).nullable()),
  ],
  candidates: [
    body(CandidateBody.options[1], { fullName: 'full_name', birthDate: 'birth_date', source: 'source' }),
    column('status', CandidateView.shape.status), column('position', IdBody), column('poll_agree', Count.nullable()), ...voidColumns,
  ],
  votes: [
    body(ShowOfHands.strict(), { agree: 'agree', disagree: 'disagree', other: 'other' }), column('subject', VoteBody.shape.subject), column('kind', VoteKind),
    column('base', Count), column('present', Count), column('passed', flag), votePassed, exclusionsGiveBase, column('recorded_at', instant), ...voidColumns,
  ],
  body_members: [body(BodyMemberInput, { delegateId: 'delegate_id', role: 'role' }), column('position', place)],
  speakers: [
    body(SpeakerBody, { delegateId: 'delegate_id', speakerName: 'speaker_name', title: 'title' }), column('status', SpeakerStatus),
    column('position', place), column('registered_at', instant),
  ],
  checkins: [column('method', CheckinView.shape.method), column('desk', Text(50).nullable()), column('at', instant)],
  documents: [
    column('title', Text(300)), column('visibility', Visibility), bytes('content', DOCUMENT_MAX_BYTES, false),
    // The seed congress stores text with its charset ("text/plain; charset=utf-8"): the type before parameters is compared.
    rule('mime_type', (r) => { const b = bytesOf(r['content']); return b !== null && documentType(text(r['file_name']), b) === text(r['mime_type']).split(';')[0]; },
      'loại tệp không đúng với tên và nội dung tệp (như khi tải lên).', 'the file type does not match the file name and content (as at upload).'),
    rule('size', (r) => bytesOf(r['content'])?.length === r['size'], 'kích thước không đúng với nội dung.', 'the size does not match the content.'),
    column('uploaded_at', instant),
  ],
  resolution_targets: [body(TargetInput, { name: 'name', target: 'target', result: 'result', assessment: 'assessment' }), column('position', place)],
  user_roles: [
    column('role', Role),
    rule('election_id', (r) => (r['role'] === 'counting-board') === (r['election_id'] !== null),
      'thành viên Ban Kiểm phiếu phải gắn với một cuộc bầu cử; các vai trò khác thì không.', 'a counting-board member is scoped to one election; other roles are not.'),
  ],
  counting_batches: [
    body(CreateBatchBody, { label: 'label', physicalCount: 'physical_count' }), column('number', IdBody),
    column('entries_required', CongressSettingsSchema.shape.independentEntries), column('created_at', instant),
  ],
  counting_events: [
    column('seq', IdBody), json('event', withSchema(CountingEventSchema), false),
    rule('type', (r) => { try { return (JSON.parse(text(r['event'])) as { type?: unknown }).type === r['type']; } catch { return false; } },
      'không đúng với loại của sự kiện.', 'does not match the event\'s type.'),
    column('terminal', TerminalId), column('request_id', RequestId.nullable()), column('at', instant),
  ],
  scan_jobs: [
    column('status', ScanJobStatus), column('terminal', TerminalId), column('created_at', instant),
    ...['files', 'files_read', 'sheets_read', 'ballots'].map((c) => column(c, Count.optional())),
    json('error', withSchema(ScanJobView.shape.error)), column('lease_until', instant.nullable().optional()),
  ],
  scan_sheets: [
    column('position', IdBody), column('outcome', z.enum(['decided', 'review'])), json('proposed', withSchema(BallotInput)),
    json('reasons', withSchema(z.array(ScanReason)), false), json('decision', withSchema(BallotInput)), bytes('crop', SCAN_FILE_MAX_BYTES, true),
    column('decided_at', instant.nullable()),
  ],
  scan_files: [column('position', IdBody), bytes('data', SCAN_FILE_MAX_BYTES, false)],
  // The discussion: the bodies the API takes, what its routes store beside them (links between rows: discussionLinks).
  discussion_documents: [
    column('kind', DiscussionKind), column('title', Text(300)), column('access', DiscussionAccess), column('comment_deadline', instant.nullable()),
    column('created_at', instant), column('created_by', Text(200)),
  ],
  discussion_versions: [
    column('number', IdBody), column('source', z.enum(['text', 'docx'])), column('file_name', Text(300).nullable()), column('note', Text(300).nullable()),
    bytes('content', DISCUSSION_DOCX_MAX_BYTES, true), column('units', Count), column('created_at', instant), column('created_by', Text(200)),
    rule('content', (r) => (r['source'] === 'docx') === (bytesOf(r['content']) !== null),
      'một phiên bản tải lên từ Word giữ tệp .docx của nó; phiên bản viết trong ứng dụng thì không.', 'a version uploaded from Word keeps its .docx; one written in the app has none.'),
  ],
  discussion_units: [
    column('position', IdBody), column('kind', z.enum(['heading', 'paragraph'])), column('level', z.number().int().min(0).max(20)),
    column('label', z.string().max(300)), column('ref', z.string().max(2000)), column('number', IdBody.nullable()), column('text', z.string().max(DISCUSSION_TEXT_MAX)),
    rule('number', (r) => (r['kind'] === 'paragraph') === (r['number'] !== null), 'đoạn văn có số thứ tự, đề mục thì không.', 'a paragraph has a number, a heading has none.'),
  ],
  discussion_comments: [
    body(CommentBody, { unitId: 'unit_id', kind: 'kind', text: 'text', proposedText: 'proposed_text', quote: 'quote', delegateId: 'delegate_id' }),
    column('source', z.enum(['delegate', 'paper'])), column('entered_by', Text(200).nullable()),
    rule('entered_by', (r) => (r['source'] === 'paper') === (r['entered_by'] !== null),
      'phiếu giấy ghi người nhập; góp ý của đại biểu trên điện thoại thì không.', 'a paper form names who typed it in; a delegate\'s own comment does not.'),
    rule('delegate_id', (r) => r['source'] === 'paper' || r['delegate_id'] !== null, 'góp ý trên điện thoại phải là của một đại biểu.', 'a comment from a phone belongs to a delegate.'),
    column('created_at', instant), column('updated_at', instant), ...voidColumns,
    column('carried', z.enum(['same', 'similar', 'removed']).nullable()),
    rule('carried_from_unit_id', (r) => (r['carried'] === 'same' || r['carried'] === 'similar') === (r['carried_from_unit_id'] !== null),
      'góp ý chuyển sang phiên bản mới ghi đoạn cũ của nó; góp ý không chuyển (hoặc trên đoạn đã bỏ) thì không.',
      'a comment carried to a new version names its former unit; one not carried (or on a removed paragraph) does not.'),
  ],
  discussion_groups: [column('name', Text(200)), column('created_at', instant)],
  discussion_group_members: [],
  discussion_group_opinions: [
    body(GroupOpinionBody, { documentId: 'document_id', unitId: 'unit_id', kind: 'kind', text: 'text', proposedText: 'proposed_text',
      speakerDelegateId: 'speaker_delegate_id', agreeCount: 'agree_count' }),
    column('entered_by', Text(200)), column('created_at', instant), ...voidColumns,
  ],
  discussion_syntheses: [
    body(SynthesisBody, { status: 'status', newText: 'new_text', explanation: 'explanation' }),
    rule('status', (r) => {
      const a = checkAnswer({ status: SynthesisBody.shape.status.parse(r['status']), newText: r['new_text'] as string | null, explanation: r['explanation'] as string | null });
      return a.ok && a.value.newText === r['new_text'] && a.value.explanation === r['explanation'];
    }, 'câu trả lời không đúng với trạng thái (tiếp thu thì có câu chữ mới, giải trình hoặc không tiếp thu thì có lý do).',
    'the answer does not fit its status (accepted: the new wording; explained or not accepted: the reason).'),
    column('updated_at', instant), column('updated_by', Text(200)),
  ],
  discussion_resolution_votes: [column('part_ref', z.string().max(300))],
  discussion_resolution_targets: [body(NewTermTarget, { name: 'name', target: 'target' }), column('position', IdBody)],
};

/** The rows of a table by id. */
const byId = (backup: BackupFile, table: BackupTable): Map<number, FileRow> => new Map(rowsOf(backup, table).map((r) => [num(r['id']), r]));

/**
 * The links the API keeps between discussion rows, which a reference alone does not: a comment or a group's record
 * is on a unit of a version of its own document; a document's current version, and a resolution vote's version,
 * are its own; the new term's targets belong to a draft resolution; a version holds as many units as it says.
 */
const discussionLinks = (backup: BackupFile): RuleError | null => {
  const versions = byId(backup, 'discussion_versions');
  const units = byId(backup, 'discussion_units');
  const documentOfUnit = (unitId: FileCell | undefined): number => num(versions.get(num(units.get(num(unitId))?.['version_id']))?.['document_id']);
  const fault = (table: BackupTable, index: number, row: FileRow, col: string, vi: string, en: string): RuleError => refusal(table, index, row, { column: col, vi, en });
  for (const table of ['discussion_comments', 'discussion_group_opinions'] as const) {
    for (const [i, r] of rowsOf(backup, table).entries()) {
      if (documentOfUnit(r['unit_id']) !== num(r['document_id'])) {
        return fault(table, i, r, 'unit_id', 'đoạn văn không thuộc văn kiện của dòng.', 'the unit is not in the row\'s document.');
      }
    }
  }
  for (const [i, r] of rowsOf(backup, 'discussion_documents').entries()) {
    if (r['current_version_id'] !== null && num(versions.get(num(r['current_version_id']))?.['document_id']) !== num(r['id'])) {
      return fault('discussion_documents', i, r, 'current_version_id', 'phiên bản hiện hành không phải của văn kiện này.', 'the current version is not this document\'s.');
    }
  }
  const documents = byId(backup, 'discussion_documents');
  for (const [i, r] of rowsOf(backup, 'discussion_resolution_targets').entries()) {
    if (documents.get(num(r['document_id']))?.['kind'] !== 'draft-resolution') {
      return fault('discussion_resolution_targets', i, r, 'document_id', 'chỉ tiêu chỉ thuộc một dự thảo nghị quyết.', 'targets belong to a draft resolution only.');
    }
  }
  for (const [i, r] of rowsOf(backup, 'discussion_resolution_votes').entries()) {
    if (num(versions.get(num(r['version_id']))?.['document_id']) !== num(r['document_id'])) {
      return fault('discussion_resolution_votes', i, r, 'version_id', 'phiên bản không phải của văn kiện này.', 'the version is not this document\'s.');
    }
  }
  const unitsOf = new Map<number, number>();
  for (const u of units.values()) unitsOf.set(num(u['version_id']), (unitsOf.get(num(u['version_id'])) ?? 0) + 1);
  for (const [i, r] of rowsOf(backup, 'discussion_versions').entries()) {
    if ((unitsOf.get(num(r['id'])) ?? 0) !== num(r['units'])) {
      return fault('discussion_versions', i, r, 'units', 'số đoạn không đúng với các đoạn của phiên bản.', 'the number of units does not match the version\'s units.');
    }
  }
  return null;
};

const refusal = (table: BackupTable, index: number, row: FileRow, fault: Fault): RuleError => {
  const where = `tables.${table}[${index}].${fault.column}`;
  const at_vi = `Tệp sao lưu, bảng ${table}, dòng ${index + 1} (id ${text(row['id'])}), cột ${fault.column}`;
  const at_en = `Backup file, table ${table}, row ${index + 1} (id ${text(row['id'])}), column ${fault.column}`;
  if ('zod' in fault) {
    const e = issuesToError('', new z.ZodError(fault.zod.issues.slice(0, 1).map((i) => ({ ...i, path: [...fault.path] }))));
    const detail = (m: string): string => m.replace(/^[^:]*: /u, '');
    return ruleError('backup.row', `${at_vi}: ${detail(e.message_vi)}`, `${at_en}: ${detail(e.message_en)}`, where);
  }
  return ruleError('backup.row', `${at_vi}: ${fault.vi}`, `${at_en}: ${fault.en}`, where);
};

/** Every row of every table checked; the first at fault is refused by name. */
export const checkBackupRows = (backup: BackupFile): Result<true, RuleError> => {
  for (const table of BACKUP_TABLES) {
    const rows = rowsOf(backup, table);
    for (const [index, row] of rows.entries()) {
      for (const check of CHECKS[table]) {
        const fault = check(row);
        if (fault !== null) return err(refusal(table, index, row, fault));
      }
    }
  }
  const links = discussionLinks(backup);
  return links === null ? ok(true) : err(links);
};
