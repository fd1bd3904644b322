/** Small rows for store tests: a congress with a session and N delegates, nothing more. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countBallots, defaultCountSettings } from '../../src/rules/index.ts';
import type { Database } from '../../src/store/schema.ts';

/** A card token as the server makes them (43 characters of base64url), fixed by the congress and the delegate. */
export const cardTokenOf = (code: string, i: number): string => createHash('sha256').update(`${code}-card-${i}`).digest('base64url');

export interface SmallCongress {
  readonly congressId: number;
  readonly sessionId: number;
  readonly delegateIds: readonly number[];
}

const now = (): string => new Date().toISOString();

export const insertSmallCongress = async (
  db: Kysely<Database>, code: string, delegates = 3,
): Promise<SmallCongress> => {
  const congress = await db.insertInto('congresses').values({
    code, higher_organisation_name: 'ĐẢNG BỘ TỈNH THỬ', organisation_name: `Đảng bộ thử ${code}`, kind: 'delegates',
    ordinal: 'I', term_start_year: 2025, term_end_year: 2030, start_date: '2025-07-15', end_date: '2025-07-16',
    venue: 'Hội trường thử', place: 'Hà Nội', settings: '{}', current_agenda_item_id: null, current_speaker_id: null,
    created_at: now(),
  }).returning('id').executeTakeFirstOrThrow();
  const session = await db.insertInto('congress_sessions').values({
    congress_id: congress.id, kind: 'official', title: 'Phiên chính thức', position: 1, starts_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const rows = Array.from({ length: delegates }, (_, k) => {
    const i = k + 1;
    return {
      congress_id: congress.id, code: String(i).padStart(3, '0'), full_name: `Nguyễn Văn ${i}`, gender: 'male' as const,
      birth_date: null, ethnicity: 'Kinh', education: null, political_theory: null, party_join_date: null,
      position: null, organisation_id: null, category: 'elected' as const, standing: 'official' as const,
      status: 'summoned' as const, status_reason: null, replaced_by_id: null, is_convening_member: 0 as const, seat: null,
      card_token: cardTokenOf(code, i), card_revoked_at: null, created_at: now(),
    };
  });
  const inserted = rows.length === 0 ? [] : await db.insertInto('delegates').values(rows).returning('id').execute();
  const delegateIds = inserted.map((r) => r.id).sort((a, b) => a - b);
  return { congressId: congress.id, sessionId: session.id, delegateIds };
};

/**
 * A congress that touches every backed-up table (every row such as the API writes it: a restore checks them) and every forward reference (current agenda item and speaker,
 * a replaced official, an approved body, an opinion poll's parent round, a withdrawal vote, a document's bytes).
 */
/** The bytes of the rich congress's document: the start of a PDF. */
export const RICH_DOCUMENT = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31] as const;

/** `discussion: false` for a schema migrated only to before 0012 (the discussion's tables). */
export const insertRichCongress = async (db: Kysely<Database>, code: string, options: { readonly discussion?: boolean } = {}): Promise<SmallCongress> => {
  const c = await insertSmallCongress(db, code, 4);
  const at = now();
  const [d1, d2, d3, d4] = c.delegateIds as [number, number, number, number];
  const org = await db.insertInto('organisations').values({ congress_id: c.congressId, name: 'Chi bộ Văn phòng', role: 'member',
    party_members: 12, position: 1 }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('delegates').set({ organisation_id: org.id }).where('congress_id', '=', c.congressId).execute();
  await db.updateTable('delegates').set({ standing: 'alternate' }).where('id', '=', d4).execute();
  await db.updateTable('delegates').set({ status: 'replaced', status_reason: 'Ốm, không dự được đại hội', replaced_by_id: d4 }).where('id', '=', d3).execute();
  const item = await db.insertInto('agenda_items').values({ congress_id: c.congressId, session_id: c.sessionId, position: 1,
    title: 'Khai mạc', kind: 'opening', status: 'current' }).returning('id').executeTakeFirstOrThrow();
  const speaker = await db.insertInto('speakers').values({ congress_id: c.congressId, delegate_id: d1, speaker_name: 'Nguyễn Văn 1',
    title: 'Tham luận', position: 1, status: 'speaking', registered_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('congresses').set({ current_agenda_item_id: item.id, current_speaker_id: speaker.id })
    .where('id', '=', c.congressId).execute();
  const user = await db.insertInto('users').values({ username: `${code}-admin`, display_name: 'Quản trị', password_hash: 'h',
    is_server_admin: 0, disabled_at: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('checkins').values({ congress_id: c.congressId, session_id: c.sessionId, delegate_id: d1, at,
    method: 'qr', desk: 'Bàn 1', user_id: user.id }).execute();
  const body = await db.insertInto('bodies').values({ congress_id: c.congressId, kind: 'counting-board', title: 'Ban Kiểm phiếu',
    approved_vote_id: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('body_members').values({ body_id: body.id, delegate_id: d2, role: 'head', position: 1 }).execute();
  const election = await db.insertInto('elections').values({ congress_id: c.congressId, kind: 'committee', title: 'Bầu BCH',
    seats: 1, alternate_seats: 0, max_surplus: 1, parent_round_id: null, counting_board_id: body.id, settings: JSON.stringify(defaultCountSettings),
    approved_at: null, approval_reference: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const round = await db.insertInto('election_rounds').values({ election_id: election.id, congress_id: c.congressId, number: 1,
    seats: 1, alternate_seats: 0, status: 'counted', base: 3, present: 3, ballots_issued: 3, ballots_collected: 3,
    result: null, decision: null, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  const poll = await db.insertInto('elections').values({ congress_id: c.congressId, kind: 'opinion-poll', title: 'Xin ý kiến',
    seats: 0, alternate_seats: 0, max_surplus: null, parent_round_id: round.id, counting_board_id: null, settings: JSON.stringify(defaultCountSettings),
    approved_at: null, approval_reference: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const candidate = await db.insertInto('candidates').values({ round_id: round.id, congress_id: c.congressId, delegate_id: d2,
    full_name: 'Nguyễn Văn 2', birth_date: null, source: 'nominated', position: 1, status: 'withdrawal-requested',
    withdrawal_vote_id: null, poll_agree: 3 }).returning('id').executeTakeFirstOrThrow();
  const second = await db.insertInto('candidates').values({ round_id: round.id, congress_id: c.congressId, delegate_id: d1,
    full_name: 'Nguyễn Văn 1', birth_date: null, source: 'committee-list', position: 2, status: 'listed',
    withdrawal_vote_id: null, poll_agree: null }).returning('id').executeTakeFirstOrThrow();
  const vote = await db.insertInto('votes').values({ congress_id: c.congressId, agenda_item_id: item.id, subject: 'Cho rút tên',
    kind: 'withdrawal', election_id: election.id, candidate_id: candidate.id, agree: 3, disagree: 0, other: 0, base: 3,
    present: 3, passed: 1, recorded_at: at, recorded_by: user.id }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('candidates').set({ withdrawal_vote_id: vote.id }).where('id', '=', candidate.id).execute();
  await db.updateTable('bodies').set({ approved_vote_id: vote.id }).where('id', '=', body.id).execute();
  await db.insertInto('user_roles').values([
    { user_id: user.id, congress_id: c.congressId, role: 'admin', election_id: null },
    { user_id: user.id, congress_id: c.congressId, role: 'counting-board', election_id: poll.id },
  ]).execute();
  await db.insertInto('documents').values({ congress_id: c.congressId, title: 'Báo cáo chính trị', file_name: 'bcct.pdf',
    mime_type: 'application/pdf', size: 6, visibility: 'delegates', content: new Uint8Array(RICH_DOCUMENT), uploaded_at: at }).execute();
  const cid = String(candidate.id);
  const other = String(second.id);
  // Three ballots each striking the first name: the second is elected.
  const result = countBallots({ kind: 'committee', seats: 1, alternateSeats: 0, base: 3, settings: defaultCountSettings,
    candidates: [{ id: cid, name: 'Nguyễn Văn 2' }, { id: other, name: 'Nguyễn Văn 1' }] }, [{ struck: [cid] }, { struck: [cid] }, { struck: [cid] }]);
  if (!result.ok) throw new Error(result.error.message_en);
  await db.updateTable('election_rounds').set({ result: JSON.stringify(result.value) }).where('id', '=', round.id).execute();
  const batch = await db.insertInto('counting_batches').values({ congress_id: c.congressId, round_id: round.id, number: 1,
    label: 'Hòm phiếu số 1', physical_count: 3, entries_required: 2, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const meta = { batchId: '1', operator: 'op', terminal: '1', at };
  const events = [
    { type: 'batch-opened', batch: { id: '1', label: 'Hòm phiếu số 1', physicalCount: 3, entriesRequired: 2 }, ...meta },
    { type: 'entry-opened', ...meta },
    { type: 'ballot-entered', position: 1, ballot: { struck: [cid] }, ...meta },
  ];
  await db.insertInto('counting_events').values(events.map((event, i) => ({ congress_id: c.congressId, round_id: round.id, batch_id: batch.id,
    seq: i + 1, type: event.type, operator_user_id: user.id, terminal: '1', at, request_id: null, event: JSON.stringify(event) }))).execute();
  const job = await db.insertInto('scan_jobs').values({ congress_id: c.congressId, round_id: round.id, batch_id: batch.id,
    terminal: 'scanner', status: 'review', created_by: user.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('scan_sheets').values({ job_id: job.id, position: 1, outcome: 'review',
    proposed: JSON.stringify({ struck: [cid] }),
    reasons: JSON.stringify([{ sheet: 1, candidateId: cid, code: 'row-uncertain', message_vi: 'Dòng chưa rõ', message_en: 'Row unclear' }]),
    crop: new Uint8Array([137, 80, 78, 71]), decision: null, decided_by: null, decided_at: null }).execute();
  // An uploaded file (kept here although the job is read, so that every backed-up table has a row; no reader picks a job in review).
  await db.insertInto('scan_files').values({ job_id: job.id, position: 1, data: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) }).execute();
  await db.insertInto('resolution_targets').values({ congress_id: c.congressId, position: 1, name: 'Kết nạp đảng viên',
    target: '200', result: '256', assessment: 'exceeded' }).execute();
  if (options.discussion !== false) await insertDiscussion(db, c.congressId, [d1, d2], vote.id, at);
  return c;
};

/** The discussion of a congress: a document in two versions (Word, then written in the app), comments, a group and its record, an answer, a vote, targets. */
const insertDiscussion = async (db: Kysely<Database>, congressId: number, [d1, d2]: readonly [number, number], voteId: number, at: string): Promise<void> => {
  const doc = await db.insertInto('discussion_documents').values({ congress_id: congressId, kind: 'draft-resolution', title: 'Dự thảo Nghị quyết',
    access: 'delegates', comment_deadline: '2025-07-16T10:00:00.000Z', current_version_id: null, created_at: at, created_by: 'user:1' }).returning('id').executeTakeFirstOrThrow();
  const version = async (number: number, source: 'docx' | 'text', texts: readonly string[]): Promise<{ id: number; units: number[] }> => {
    const v = await db.insertInto('discussion_versions').values({ congress_id: congressId, document_id: doc.id, number, source,
      file_name: source === 'docx' ? 'du-thao.docx' : null, content: source === 'docx' ? new Uint8Array([80, 75, 3, 4]) : null, note: null,
      units: texts.length + 1, created_at: at, created_by: 'user:1' }).returning('id').executeTakeFirstOrThrow();
    const units: number[] = [];
    units.push((await db.insertInto('discussion_units').values({ congress_id: congressId, version_id: v.id, position: 1, kind: 'heading', level: 1,
      label: 'I.', ref: 'I.', number: null, text: 'MỤC TIÊU' }).returning('id').executeTakeFirstOrThrow()).id);
    for (const [i, text] of texts.entries()) {
      units.push((await db.insertInto('discussion_units').values({ congress_id: congressId, version_id: v.id, position: i + 2, kind: 'paragraph', level: 2,
        label: '', ref: `I.đ${i + 1}`, number: i + 1, text }).returning('id').executeTakeFirstOrThrow()).id);
    }
    return { id: v.id, units };
  };
  const v1 = await version(1, 'docx', ['Tăng trưởng bình quân 7% mỗi năm.']);
  const v2 = await version(2, 'text', ['Tăng trưởng bình quân 7,5% mỗi năm.', 'Giữ vững quốc phòng, an ninh.']);
  await db.updateTable('discussion_documents').set({ current_version_id: v2.id }).where('id', '=', doc.id).execute();
  const paragraph = v2.units[1]!;
  await db.insertInto('discussion_comments').values([
    { congress_id: congressId, document_id: doc.id, unit_id: paragraph, delegate_id: d1, kind: 'change', quote: null, proposed_text: 'Tăng trưởng bình quân 8% mỗi năm.',
      text: 'Đề nghị nâng chỉ tiêu.', source: 'delegate', entered_by: null, created_at: at, updated_at: at, voided_at: null, void_reason: null,
      carried_from_unit_id: v1.units[1]!, carried: 'similar' },
    { congress_id: congressId, document_id: doc.id, unit_id: paragraph, delegate_id: null, kind: 'agree', quote: null, proposed_text: null,
      text: 'Tán thành.', source: 'paper', entered_by: 'user:1', created_at: at, updated_at: at, voided_at: at, void_reason: 'Nhập trùng phiếu' },
  ]).execute();
  const group = await db.insertInto('discussion_groups').values({ congress_id: congressId, name: 'Tổ 1', leader_delegate_id: d1, secretary_delegate_id: d2, created_at: at })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('discussion_group_members').values([d1, d2].map((delegate_id) => ({ congress_id: congressId, group_id: group.id, delegate_id }))).execute();
  await db.insertInto('discussion_group_opinions').values({ congress_id: congressId, group_id: group.id, document_id: doc.id, unit_id: paragraph, kind: 'change',
    proposed_text: 'Tăng trưởng bình quân 8% mỗi năm.', text: 'Tổ đề nghị nâng chỉ tiêu.', speaker_delegate_id: d2, agree_count: 2, entered_by: 'delegate:2',
    created_at: at, voided_at: null, void_reason: null }).execute();
  await db.insertInto('discussion_syntheses').values({ congress_id: congressId, unit_id: paragraph, status: 'accepted', new_text: 'Tăng trưởng bình quân 8% mỗi năm.',
    explanation: 'Tiếp thu ý kiến của Tổ 1.', updated_at: at, updated_by: 'user:1' }).execute();
  await db.insertInto('discussion_resolution_votes').values({ congress_id: congressId, document_id: doc.id, version_id: v2.id, part_ref: '', vote_id: voteId }).execute();
  await db.insertInto('discussion_resolution_targets').values([
    { congress_id: congressId, document_id: doc.id, position: 1, name: 'Thu nhập bình quân đầu người đến năm 2030', target: '65 triệu đồng/người/năm' },
    { congress_id: congressId, document_id: doc.id, position: 2, name: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', target: 'trên 90% hằng năm' },
  ]).execute();
};
