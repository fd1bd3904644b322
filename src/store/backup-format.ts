/**
 * The backup file of one congress: every row of every table that belongs to it, as JSON, with a format version.
 * Bytes (documents) are base64. A file of version 2 is authenticated with an HMAC-SHA256 over the canonical JSON
 * of its content under the backup key (backup-key.ts), which never sits in the database; it never holds a
 * password hash. Version 1 files (a plain SHA-256 anyone can recompute, password hashes included) restore only
 * when the operator accepts an unauthenticated file, and their password hashes are never restored.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';
import type { TableName } from './tables.ts';

export const BACKUP_FORMAT = 'daihoi-congress-backup';
export const BACKUP_VERSION = 2;
export const LEGACY_BACKUP_VERSION = 1;
export const BACKUP_MAC_ALGORITHM = 'HMAC-SHA256';

/** A cell as stored in the file: bytes become `{ "$base64": "…" }`. */
export type FileCell = string | number | null | { readonly $base64: string };
export type FileRow = Readonly<Record<string, FileCell>>;

/** The tables a backup holds, in the order a restore inserts them (references first). */
export const BACKUP_TABLES = [
  'congresses', 'organisations', 'delegates', 'congress_sessions', 'agenda_items', 'users', 'bodies', 'elections',
  'election_rounds', 'candidates', 'votes', 'body_members', 'speakers', 'checkins', 'documents', 'resolution_targets',
  'user_roles', 'counting_batches', 'counting_events', 'scan_jobs', 'scan_sheets', 'scan_files',
  // The discussion (0012): documents, their versions and units, comments, groups and their records, the synthesis.
  'discussion_documents', 'discussion_versions', 'discussion_units', 'discussion_comments', 'discussion_groups', 'discussion_group_members',
  'discussion_group_opinions', 'discussion_syntheses', 'discussion_resolution_votes',
  // The new term's targets of a resolution (0016).
  'discussion_resolution_targets',
] as const satisfies readonly TableName[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Every id reference of the backed-up tables: column → referenced table. `deferred` ones point forward in the
 * insertion order and are set in a second pass.
 */
export const BACKUP_REFERENCES: Readonly<Record<BackupTable, Readonly<Record<string, { table: BackupTable; deferred?: true }>>>> = {
  congresses: { current_agenda_item_id: { table: 'agenda_items', deferred: true }, current_speaker_id: { table: 'speakers', deferred: true } },
  organisations: { congress_id: { table: 'congresses' } },
  delegates: { congress_id: { table: 'congresses' }, organisation_id: { table: 'organisations' },
    replaced_by_id: { table: 'delegates', deferred: true } },
  congress_sessions: { congress_id: { table: 'congresses' } },
  agenda_items: { congress_id: { table: 'congresses' }, session_id: { table: 'congress_sessions' } },
  users: {},
  bodies: { congress_id: { table: 'congresses' }, approved_vote_id: { table: 'votes', deferred: true } },
  elections: { congress_id: { table: 'congresses' }, parent_round_id: { table: 'election_rounds', deferred: true },
    counting_board_id: { table: 'bodies' }, agenda_item_id: { table: 'agenda_items' } },
  election_rounds: { election_id: { table: 'elections' }, congress_id: { table: 'congresses' }, agenda_item_id: { table: 'agenda_items' } },
  candidates: { round_id: { table: 'election_rounds' }, congress_id: { table: 'congresses' },
    delegate_id: { table: 'delegates' }, withdrawal_vote_id: { table: 'votes', deferred: true } },
  votes: { congress_id: { table: 'congresses' }, agenda_item_id: { table: 'agenda_items' }, election_id: { table: 'elections' },
    candidate_id: { table: 'candidates' }, recorded_by: { table: 'users' } },
  body_members: { body_id: { table: 'bodies' }, delegate_id: { table: 'delegates' } },
  speakers: { congress_id: { table: 'congresses' }, delegate_id: { table: 'delegates' } },
  checkins: { congress_id: { table: 'congresses' }, session_id: { table: 'congress_sessions' },
    delegate_id: { table: 'delegates' }, user_id: { table: 'users' }, left_by: { table: 'users' }, voided_by: { table: 'users' } },
  documents: { congress_id: { table: 'congresses' } },
  resolution_targets: { congress_id: { table: 'congresses' } },
  user_roles: { user_id: { table: 'users' }, congress_id: { table: 'congresses' }, election_id: { table: 'elections' } },
  counting_batches: { congress_id: { table: 'congresses' }, round_id: { table: 'election_rounds' } },
  counting_events: { congress_id: { table: 'congresses' }, round_id: { table: 'election_rounds' },
    batch_id: { table: 'counting_batches' }, operator_user_id: { table: 'users' } },
  scan_jobs: { congress_id: { table: 'congresses' }, round_id: { table: 'election_rounds' },
    batch_id: { table: 'counting_batches' }, created_by: { table: 'users' } },
  scan_sheets: { job_id: { table: 'scan_jobs' }, decided_by: { table: 'users' } },
  scan_files: { job_id: { table: 'scan_jobs' } },
  discussion_documents: { congress_id: { table: 'congresses' }, current_version_id: { table: 'discussion_versions', deferred: true } },
  discussion_versions: { congress_id: { table: 'congresses' }, document_id: { table: 'discussion_documents' } },
  discussion_units: { congress_id: { table: 'congresses' }, version_id: { table: 'discussion_versions' } },
  discussion_comments: { congress_id: { table: 'congresses' }, document_id: { table: 'discussion_documents' }, unit_id: { table: 'discussion_units' },
    delegate_id: { table: 'delegates' }, carried_from_unit_id: { table: 'discussion_units' } },
  discussion_groups: { congress_id: { table: 'congresses' }, leader_delegate_id: { table: 'delegates' }, secretary_delegate_id: { table: 'delegates' } },
  discussion_group_members: { congress_id: { table: 'congresses' }, group_id: { table: 'discussion_groups' }, delegate_id: { table: 'delegates' } },
  discussion_group_opinions: { congress_id: { table: 'congresses' }, group_id: { table: 'discussion_groups' }, document_id: { table: 'discussion_documents' },
    unit_id: { table: 'discussion_units' }, speaker_delegate_id: { table: 'delegates' } },
  discussion_syntheses: { congress_id: { table: 'congresses' }, unit_id: { table: 'discussion_units' } },
  discussion_resolution_votes: { congress_id: { table: 'congresses' }, document_id: { table: 'discussion_documents' },
    version_id: { table: 'discussion_versions' }, vote_id: { table: 'votes' } },
  discussion_resolution_targets: { congress_id: { table: 'congresses' }, document_id: { table: 'discussion_documents' } },
};

/** JSON text columns that hold candidate ids (see backup-json.ts). */
export const BACKUP_JSON_COLUMNS: Readonly<Partial<Record<BackupTable, readonly string[]>>> = {
  election_rounds: ['result'],
  counting_events: ['event'],
  scan_sheets: ['proposed', 'reasons', 'decision'],
};

/**
 * Nullable columns added by a migration after files of this version were first written: a file written before
 * that migration lacks them, and its rows restore with null there — as rows that existed when the migration ran.
 * The exclusions from N_base (0006) hold counts by reason and no ids, so they are restored as they are.
 */
export const BACKUP_LATER_COLUMNS: Readonly<Partial<Record<BackupTable, readonly string[]>>> = {
  election_rounds: ['base_exclusions', 'agenda_item_id', 'open_override'],
  votes: ['base_exclusions', 'voided_at', 'void_reason', 'voided_by'],
  // Attendance of the congress (0010): older check-ins are open and not voided, older sessions not fresh, older cards without a typed code.
  checkins: ['left_at', 'left_reason', 'left_by', 'voided_at', 'void_reason', 'voided_by'],
  congress_sessions: ['fresh_checkin'],
  delegates: ['card_code'],
  // Voids, the agenda item of an election (0011).
  candidates: ['voided_at', 'void_reason', 'voided_by'],
  elections: ['agenda_item_id'],
  // The background reading of scans (0005): a job of an older file restores with the columns' defaults.
  scan_jobs: ['files', 'files_read', 'sheets_read', 'ballots', 'error', 'lease_until'],
};

/** Tables added by a migration after files of this version were first written: an older file has none of their rows. */
export const BACKUP_LATER_TABLES = [
  'scan_files', 'discussion_documents', 'discussion_versions', 'discussion_units', 'discussion_comments', 'discussion_groups',
  'discussion_group_members', 'discussion_group_opinions', 'discussion_syntheses', 'discussion_resolution_votes', 'discussion_resolution_targets',
] as const satisfies readonly BackupTable[];
type LaterTable = (typeof BACKUP_LATER_TABLES)[number];
const isLater = (t: BackupTable): t is LaterTable => (BACKUP_LATER_TABLES as readonly BackupTable[]).includes(t);

/** Columns never written to a backup, and never restored from an older file that has them. */
export const BACKUP_OMITTED_COLUMNS: Readonly<Partial<Record<BackupTable, readonly string[]>>> = {
  users: ['password_hash', 'is_server_admin', 'must_change_password', 'last_sign_in_at'],
  // What the hall screen shows now is the room's state, not the congress's record.
  congresses: ['hall_view'],
};

const cellSchema = z.union([z.string(), z.number(), z.null(), z.strictObject({ $base64: z.string() })]);
const rowsSchema = z.array(z.record(z.string(), cellSchema));

const contentShape = <V extends number>(version: V) => ({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(version),
  congressCode: z.string().min(1),
  tables: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t, isLater(t) ? rowsSchema.optional() : rowsSchema])) as
    { [T in BackupTable]: T extends LaterTable ? z.ZodOptional<typeof rowsSchema> : typeof rowsSchema }),
  /** This congress's audit entries as they were (the chain of the source server): a record, not restored as rows. */
  audit: rowsSchema,
  createdAt: z.string(),
});

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`, 'u'));

export const backupFileSchema = z.discriminatedUnion('version', [
  z.strictObject({
    ...contentShape(BACKUP_VERSION),
    authentication: z.strictObject({ algorithm: z.literal(BACKUP_MAC_ALGORITHM), keyId: hex(16), mac: hex(64) }),
  }),
  z.strictObject({ ...contentShape(LEGACY_BACKUP_VERSION), checksum: hex(64) }),
]);
export type BackupFile = z.infer<typeof backupFileSchema>;
/** What the MAC (or an old file's checksum) covers: the whole file but its authentication. */
export type BackupContent = Omit<Extract<BackupFile, { version: 2 }>, 'authentication'>;

/** The rows of one table of a backup (none for a table the file was written before). */
export const rowsOf = (content: Pick<BackupFile, 'tables'>, table: BackupTable): FileRow[] => content.tables[table] ?? [];

/** The text the MAC is computed over: the canonical JSON of the content (createdAt included). */
export const macText = (content: BackupContent): string => canonicalJson({ format: content.format, version: content.version,
  congressCode: content.congressCode, createdAt: content.createdAt, tables: content.tables, audit: content.audit });

/** The checksum of a version 1 file: SHA-256 of its content without createdAt (detects damage, not forgery). */
export const legacyChecksum = (file: Pick<BackupFile, 'format' | 'version' | 'congressCode' | 'tables' | 'audit'>): string => createHash('sha256')
  .update(canonicalJson({ format: file.format, version: file.version, congressCode: file.congressCode, tables: file.tables, audit: file.audit }), 'utf8')
  .digest('hex');
