/** The first schema: every table of schema.ts, on SQLite and PostgreSQL alike. */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { bool, bytes, createIndexes, createTables, dropTables, id, int, text, textKey, type IndexSpec, type TableSpec } from './dsl.ts';

const congress = () => int('congress_id', { ref: ['congresses', 'cascade'] });

const tables: readonly TableSpec[] = [
  { name: 'congresses', columns: [
    id(), text('code'), text('higher_organisation_name'), text('organisation_name'), text('kind'), text('ordinal'),
    int('term_start_year'), int('term_end_year'), text('start_date'), text('end_date'), text('venue'), text('place'),
    text('settings'),
    int('current_agenda_item_id', { null: true, ref: ['agenda_items', 'set null'] }),
    int('current_speaker_id', { null: true, ref: ['speakers', 'set null'] }),
    text('created_at'),
  ] },
  { name: 'organisations', columns: [
    id(), congress(), text('name'), text('role'), int('party_members', { null: true }), int('position'),
  ] },
  { name: 'delegates', columns: [
    id(), congress(), text('code'), text('full_name'), text('gender'), text('birth_date', { null: true }),
    text('ethnicity'), text('education', { null: true }), text('political_theory', { null: true }),
    text('party_join_date', { null: true }), text('position', { null: true }),
    int('organisation_id', { null: true, ref: ['organisations', 'set null'] }),
    text('category'), text('standing'), text('status'), text('status_reason', { null: true }),
    int('replaced_by_id', { null: true, ref: ['delegates', 'set null'] }),
    bool('is_convening_member'), text('seat', { null: true }), text('card_token'),
    text('card_revoked_at', { null: true }), text('created_at'),
  ] },
  { name: 'congress_sessions', columns: [
    id(), congress(), text('kind'), text('title'), int('position'), text('starts_at', { null: true }),
  ] },
  { name: 'agenda_items', columns: [
    id(), congress(), int('session_id', { ref: ['congress_sessions', 'cascade'] }), int('position'), text('title'),
    text('kind'), text('status'),
  ] },
  { name: 'checkins', columns: [
    id(), congress(), int('session_id', { ref: ['congress_sessions', 'cascade'] }),
    int('delegate_id', { ref: ['delegates', 'cascade'] }), text('at'), text('method'), text('desk', { null: true }),
    int('user_id', { null: true, ref: ['users', 'set null'] }),
  ] },
  { name: 'bodies', columns: [
    id(), congress(), text('kind'), text('title'), int('approved_vote_id', { null: true, ref: ['votes', 'set null'] }),
  ] },
  { name: 'body_members', columns: [
    id(), int('body_id', { ref: ['bodies', 'cascade'] }), int('delegate_id', { ref: ['delegates', 'cascade'] }),
    text('role'), int('position'),
  ] },
  { name: 'votes', columns: [
    id(), congress(), int('agenda_item_id', { null: true, ref: ['agenda_items', 'set null'] }), text('subject'),
    text('kind'), int('election_id', { null: true, ref: ['elections', 'set null'] }),
    int('candidate_id', { null: true, ref: ['candidates', 'set null'] }), int('agree'), int('disagree'), int('other'),
    int('base'), int('present'), bool('passed'), text('recorded_at'),
    int('recorded_by', { null: true, ref: ['users', 'set null'] }),
  ] },
  { name: 'elections', columns: [
    id(), congress(), text('kind'), text('title'), int('seats'), int('alternate_seats'),
    int('max_surplus', { null: true }), int('parent_round_id', { null: true, ref: ['election_rounds', 'set null'] }),
    int('counting_board_id', { null: true, ref: ['bodies', 'set null'] }), text('settings'),
    text('approved_at', { null: true }), text('approval_reference', { null: true }), text('created_at'),
  ] },
  { name: 'election_rounds', columns: [
    id(), int('election_id', { ref: ['elections', 'cascade'] }), congress(), int('number'), int('seats'),
    int('alternate_seats'), text('status'), int('base', { null: true }), int('present', { null: true }),
    int('ballots_issued', { null: true }), int('ballots_collected', { null: true }), text('result', { null: true }),
    text('decision', { null: true }), text('updated_at'),
  ] },
  { name: 'candidates', columns: [
    id(), int('round_id', { ref: ['election_rounds', 'cascade'] }), congress(),
    int('delegate_id', { null: true, ref: ['delegates', 'set null'] }), text('full_name'),
    text('birth_date', { null: true }), text('source'), int('position'), text('status'),
    int('withdrawal_vote_id', { null: true, ref: ['votes', 'set null'] }), int('poll_agree', { null: true }),
  ] },
  { name: 'speakers', columns: [
    id(), congress(), int('delegate_id', { null: true, ref: ['delegates', 'set null'] }), text('speaker_name'),
    text('title'), int('position'), text('status'), text('registered_at'),
  ] },
  { name: 'documents', columns: [
    id(), congress(), text('title'), text('file_name'), text('mime_type'), int('size'), text('visibility'),
    bytes('content'), text('uploaded_at'),
  ] },
  { name: 'resolution_targets', columns: [
    id(), congress(), int('position'), text('name'), text('target'), text('result'), text('assessment'),
  ] },
  { name: 'users', columns: [
    id(), text('username'), text('display_name'), text('password_hash'), bool('is_server_admin'),
    text('disabled_at', { null: true }), text('created_at'),
  ] },
  { name: 'user_roles', columns: [
    id(), int('user_id', { ref: ['users', 'cascade'] }), congress(), text('role'),
    int('election_id', { null: true, ref: ['elections', 'cascade'] }),
  ] },
  { name: 'auth_sessions', columns: [
    textKey('id'), int('user_id', { null: true, ref: ['users', 'cascade'] }),
    int('delegate_id', { null: true, ref: ['delegates', 'cascade'] }),
    int('congress_id', { null: true, ref: ['congresses', 'cascade'] }), text('created_at'), text('expires_at'),
  ] },
  { name: 'login_attempts', columns: [id(), text('key'), text('at')] },
  // No foreign key on congress_id: the log outlives what it records (append-only, see 0002).
  { name: 'audit_log', columns: [
    id(), int('congress_id', { null: true }), text('at'), text('actor'), text('role', { null: true }), text('action'),
    text('subject', { null: true }), text('payload'), text('prev_hash'), text('hash'),
  ] },
];

const unique = (name: string, table: string, ...columns: string[]): IndexSpec => ({ name, table, columns, unique: true });
const index = (name: string, table: string, ...columns: string[]): IndexSpec => ({ name, table, columns });

const indexes: readonly IndexSpec[] = [
  unique('congresses_code_key', 'congresses', 'code'),
  unique('delegates_congress_code_key', 'delegates', 'congress_id', 'code'),
  unique('delegates_card_token_key', 'delegates', 'card_token'),
  /** One check-in per delegate per session: a second scan at another desk is refused by the database. */
  unique('checkins_session_delegate_key', 'checkins', 'session_id', 'delegate_id'),
  unique('users_username_key', 'users', 'username'),
  /** NULL election ids would be distinct in a plain UNIQUE: coalesce makes (user, congress, role) unique too. */
  { name: 'user_roles_key', table: 'user_roles', columns: [], unique: true,
    expression: 'user_id, congress_id, role, coalesce(election_id, 0)' },
  unique('candidates_round_position_key', 'candidates', 'round_id', 'position'),
  unique('election_rounds_election_number_key', 'election_rounds', 'election_id', 'number'),
  unique('body_members_body_delegate_key', 'body_members', 'body_id', 'delegate_id'),
  /** One successor per entry: the audit chain can never fork, whatever the concurrency. */
  unique('audit_log_prev_hash_key', 'audit_log', 'prev_hash'),
  unique('audit_log_hash_key', 'audit_log', 'hash'),
  index('organisations_congress_idx', 'organisations', 'congress_id'),
  index('delegates_organisation_idx', 'delegates', 'organisation_id'),
  index('congress_sessions_congress_idx', 'congress_sessions', 'congress_id'),
  index('agenda_items_session_idx', 'agenda_items', 'session_id'),
  index('agenda_items_congress_idx', 'agenda_items', 'congress_id'),
  index('checkins_congress_delegate_idx', 'checkins', 'congress_id', 'delegate_id'),
  index('bodies_congress_idx', 'bodies', 'congress_id'),
  index('body_members_delegate_idx', 'body_members', 'delegate_id'),
  index('votes_congress_idx', 'votes', 'congress_id'),
  index('elections_congress_idx', 'elections', 'congress_id'),
  index('election_rounds_congress_idx', 'election_rounds', 'congress_id'),
  index('candidates_congress_idx', 'candidates', 'congress_id'),
  index('speakers_congress_idx', 'speakers', 'congress_id'),
  index('documents_congress_idx', 'documents', 'congress_id'),
  index('resolution_targets_congress_idx', 'resolution_targets', 'congress_id'),
  index('user_roles_congress_idx', 'user_roles', 'congress_id'),
  index('auth_sessions_expires_idx', 'auth_sessions', 'expires_at'),
  index('login_attempts_key_at_idx', 'login_attempts', 'key', 'at'),
  index('audit_log_congress_idx', 'audit_log', 'congress_id'),
];

export const initialMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
  },
});
