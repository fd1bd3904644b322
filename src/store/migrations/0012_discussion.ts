/** The congress's discussion (src/store/discussion-schema.ts): documents, versions, units, comments, groups, synthesis. */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../db.ts';
import { createIndexes, createTables, dropTables, id, int, text, type IndexSpec, type TableSpec } from './dsl.ts';

const congress = () => int('congress_id', { ref: ['congresses', 'cascade'] });

const tables: readonly TableSpec[] = [
  { name: 'discussion_documents', columns: [
    id(), congress(), text('kind'), text('title'), text('access'), text('comment_deadline', { null: true }),
    int('current_version_id', { null: true, ref: ['discussion_versions', 'set null'] }), text('created_at'), text('created_by'),
  ] },
  { name: 'discussion_versions', columns: [
    id(), congress(), int('document_id', { ref: ['discussion_documents', 'cascade'] }), int('number'), text('source'),
    text('file_name', { null: true }), { name: 'content', type: 'bytes', nullable: true }, text('note', { null: true }), int('units'),
    text('created_at'), text('created_by'),
  ] },
  { name: 'discussion_units', columns: [
    id(), congress(), int('version_id', { ref: ['discussion_versions', 'cascade'] }), int('position'), text('kind'), int('level'),
    text('label'), text('ref'), int('number', { null: true }), text('text'),
  ] },
  { name: 'discussion_comments', columns: [
    id(), congress(), int('document_id', { ref: ['discussion_documents', 'cascade'] }), int('unit_id', { ref: ['discussion_units', 'cascade'] }),
    int('delegate_id', { null: true, ref: ['delegates', 'set null'] }), text('kind'), text('quote', { null: true }),
    text('proposed_text', { null: true }), text('text'), text('source'), text('entered_by', { null: true }), text('created_at'),
    text('updated_at'), text('voided_at', { null: true }), text('void_reason', { null: true }),
  ] },
  { name: 'discussion_groups', columns: [
    id(), congress(), text('name'), int('leader_delegate_id', { null: true, ref: ['delegates', 'set null'] }),
    int('secretary_delegate_id', { null: true, ref: ['delegates', 'set null'] }), text('created_at'),
  ] },
  { name: 'discussion_group_members', columns: [
    id(), congress(), int('group_id', { ref: ['discussion_groups', 'cascade'] }), int('delegate_id', { ref: ['delegates', 'cascade'] }),
  ] },
  { name: 'discussion_group_opinions', columns: [
    id(), congress(), int('group_id', { ref: ['discussion_groups', 'cascade'] }), int('document_id', { ref: ['discussion_documents', 'cascade'] }),
    int('unit_id', { ref: ['discussion_units', 'cascade'] }), text('kind'), text('proposed_text', { null: true }), text('text'),
    int('speaker_delegate_id', { null: true, ref: ['delegates', 'set null'] }), int('agree_count'), text('entered_by'), text('created_at'),
    text('voided_at', { null: true }), text('void_reason', { null: true }),
  ] },
  { name: 'discussion_syntheses', columns: [
    id(), congress(), int('unit_id', { ref: ['discussion_units', 'cascade'] }), text('status'), text('new_text', { null: true }),
    text('explanation', { null: true }), text('updated_at'), text('updated_by'),
  ] },
  { name: 'discussion_resolution_votes', columns: [
    id(), congress(), int('document_id', { ref: ['discussion_documents', 'cascade'] }), int('version_id', { ref: ['discussion_versions', 'cascade'] }),
    text('part_ref'), int('vote_id', { ref: ['votes', 'cascade'] }),
  ] },
];

const index = (name: string, table: string, ...columns: string[]): IndexSpec => ({ name, table, columns });
const unique = (name: string, table: string, ...columns: string[]): IndexSpec => ({ name, table, columns, unique: true });

const indexes: readonly IndexSpec[] = [
  index('discussion_documents_congress_idx', 'discussion_documents', 'congress_id'),
  unique('discussion_versions_document_number_key', 'discussion_versions', 'document_id', 'number'),
  unique('discussion_units_version_position_key', 'discussion_units', 'version_id', 'position'),
  index('discussion_comments_unit_idx', 'discussion_comments', 'unit_id'),
  index('discussion_comments_document_idx', 'discussion_comments', 'document_id', 'delegate_id'),
  index('discussion_groups_congress_idx', 'discussion_groups', 'congress_id'),
  unique('discussion_group_members_delegate_key', 'discussion_group_members', 'congress_id', 'delegate_id'),
  index('discussion_group_members_group_idx', 'discussion_group_members', 'group_id'),
  index('discussion_group_opinions_document_idx', 'discussion_group_opinions', 'document_id'),
  index('discussion_group_opinions_group_idx', 'discussion_group_opinions', 'group_id'),
  unique('discussion_syntheses_unit_key', 'discussion_syntheses', 'unit_id'),
  index('discussion_resolution_votes_document_idx', 'discussion_resolution_votes', 'document_id'),
];

export const discussionMigration = (dialect: DialectName): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await createTables(db, dialect, tables);
    await createIndexes(db, indexes);
  },
  down: async (db: Kysely<unknown>) => {
    await dropTables(db, dialect, tables);
  },
});


