/**
 * The tables and columns of schema.ts as runtime values (the type alone vanishes at run time). The compiler
 * checks this list against the `Database` interface both ways: a column missing here or one that schema.ts
 * does not have fails `tsc`. Used by the schema test (migrations = schema.ts) and by backup/restore.
 */
import { DISCUSSION_COLUMNS } from './discussion-schema.ts';
import type { Database } from './schema.ts';

export type TableName = keyof Database;

type ColumnSet = { readonly [T in TableName]: { readonly [C in keyof Database[T]]-?: true } };

const columnSet = {
  congresses: {
    id: true, code: true, higher_organisation_name: true, organisation_name: true, kind: true, ordinal: true,
    term_start_year: true, term_end_year: true, start_date: true, end_date: true, venue: true, place: true,
    settings: true, current_agenda_item_id: true, current_speaker_id: true, created_at: true, hall_view: true,
  },
  organisations: { id: true, congress_id: true, name: true, role: true, party_members: true, position: true, deactivated_at: true },
  delegates: {
    id: true, congress_id: true, code: true, full_name: true, gender: true, birth_date: true, ethnicity: true,
    education: true, political_theory: true, party_join_date: true, position: true, organisation_id: true,
    category: true, standing: true, status: true, status_reason: true, replaced_by_id: true,
    is_convening_member: true, seat: true, card_token: true, card_revoked_at: true, card_printed_at: true, card_code: true, created_at: true,
  },
  congress_sessions: { id: true, congress_id: true, kind: true, title: true, position: true, starts_at: true, fresh_checkin: true },
  agenda_items: { id: true, congress_id: true, session_id: true, position: true, title: true, kind: true, status: true },
  checkins: {
    id: true, congress_id: true, session_id: true, delegate_id: true, at: true, method: true, desk: true, user_id: true,
    left_at: true, left_reason: true, left_by: true, voided_at: true, void_reason: true, voided_by: true,
  },
  bodies: { id: true, congress_id: true, kind: true, title: true, approved_vote_id: true },
  body_members: { id: true, body_id: true, delegate_id: true, role: true, position: true },
  votes: {
    id: true, congress_id: true, agenda_item_id: true, subject: true, kind: true, election_id: true,
    candidate_id: true, agree: true, disagree: true, other: true, base: true, present: true, base_exclusions: true, passed: true,
    recorded_at: true, recorded_by: true, voided_at: true, void_reason: true, voided_by: true,
  },
  elections: {
    id: true, congress_id: true, kind: true, title: true, seats: true, alternate_seats: true, max_surplus: true,
    parent_round_id: true, counting_board_id: true, settings: true, approved_at: true, approval_reference: true,
    created_at: true, agenda_item_id: true,
  },
  election_rounds: {
    id: true, election_id: true, congress_id: true, number: true, seats: true, alternate_seats: true, status: true,
    base: true, present: true, base_exclusions: true, ballots_issued: true, ballots_collected: true, result: true, decision: true,
    counted_by: true, hand_count: true, updated_at: true, agenda_item_id: true, open_override: true,
  },
  candidates: {
    id: true, round_id: true, congress_id: true, delegate_id: true, full_name: true, birth_date: true, source: true,
    position: true, status: true, withdrawal_vote_id: true, poll_agree: true, voided_at: true, void_reason: true, voided_by: true,
  },
  speakers: {
    id: true, congress_id: true, delegate_id: true, speaker_name: true, title: true, position: true, status: true,
    registered_at: true, text: true,
  },
  documents: {
    id: true, congress_id: true, title: true, file_name: true, mime_type: true, size: true, visibility: true,
    content: true, uploaded_at: true,
  },
  resolution_targets: {
    id: true, congress_id: true, position: true, name: true, target: true, result: true, assessment: true,
  },
  users: {
    id: true, username: true, display_name: true, password_hash: true, is_server_admin: true, disabled_at: true,
    created_at: true, must_change_password: true, last_sign_in_at: true,
  },
  user_roles: { id: true, user_id: true, congress_id: true, role: true, election_id: true },
  auth_sessions: { id: true, user_id: true, delegate_id: true, congress_id: true, created_at: true, expires_at: true },
  login_attempts: { id: true, key: true, at: true },
  sign_in_throttle: { id: true, key: true, username: true, address: true, failures: true, locked_until: true, updated_at: true },
  audit_log: {
    id: true, congress_id: true, at: true, actor: true, role: true, action: true, subject: true, payload: true,
    prev_hash: true, hash: true,
  },
  counting_batches: {
    id: true, congress_id: true, round_id: true, number: true, label: true, physical_count: true, entries_required: true,
    created_at: true,
  },
  counting_events: {
    id: true, congress_id: true, round_id: true, batch_id: true, seq: true, type: true, operator_user_id: true,
    terminal: true, at: true, request_id: true, event: true,
  },
  scan_jobs: {
    id: true, congress_id: true, round_id: true, batch_id: true, terminal: true, status: true, created_by: true, created_at: true,
    files: true, files_read: true, sheets_read: true, ballots: true, error: true, lease_until: true,
  },
  scan_sheets: {
    id: true, job_id: true, position: true, outcome: true, proposed: true, reasons: true, crop: true, decision: true, decided_by: true,
    decided_at: true,
  },
  scan_files: { id: true, job_id: true, position: true, data: true },
  terminals: { id: true, congress_id: true, terminal: true, label: true, updated_at: true },
  ...DISCUSSION_COLUMNS,
} as const satisfies ColumnSet;

export const TABLE_NAMES = Object.keys(columnSet) as readonly TableName[];

/** Every table of schema.ts with its columns, in schema.ts order. */
export const TABLES: Readonly<Record<TableName, readonly string[]>> = (() => {
  const out = {} as Record<TableName, readonly string[]>;
  for (const t of TABLE_NAMES) out[t] = Object.keys(columnSet[t]);
  return out;
})();
