/**
 * The tables of the congress's discussion (migration 0012): draft documents and their versions split into units,
 * delegates' comments (on the phone or entered from paper forms), discussion groups and the opinions their
 * secretaries record, the secretariat's synthesis per unit, the votes adopting the resolution and its new-term targets (0016).
 * Nothing here is deleted (the targets are replaced as one list until the resolution is adopted): a comment or a group opinion is voided with a reason.
 */
import type { Generated } from 'kysely';

type Id = Generated<number>;
type Instant = string;

/** Who may read a document: anyone, delegates, staff, or "Mật" (staff signed in as users — never a delegate's phone). */
export type DiscussionAccess = 'public' | 'delegates' | 'staff' | 'secret';
export type DiscussionDocumentKind = 'political-report' | 'review-report' | 'draft-resolution' | 'congress-rules' | 'other';
export type OpinionKindColumn = 'agree' | 'change' | 'addition' | 'removal' | 'other';

export interface DiscussionDocumentsTable {
  id: Id;
  congress_id: number;
  kind: DiscussionDocumentKind;
  title: string;
  access: DiscussionAccess;
  /** After this instant delegates can no longer post or edit comments; null: open. */
  comment_deadline: Instant | null;
  current_version_id: number | null;
  created_at: Instant;
  created_by: string;
}

export interface DiscussionVersionsTable {
  id: Id;
  congress_id: number;
  document_id: number;
  number: number;
  source: 'text' | 'docx';
  file_name: string | null;
  /** The uploaded .docx as received; null for a version written in the app. */
  content: Uint8Array | null;
  note: string | null;
  units: number;
  created_at: Instant;
  created_by: string;
}

export interface DiscussionUnitsTable {
  id: Id;
  congress_id: number;
  version_id: number;
  position: number;
  kind: 'heading' | 'paragraph';
  level: number;
  label: string;
  ref: string;
  number: number | null;
  text: string;
}

export interface DiscussionCommentsTable {
  id: Id;
  congress_id: number;
  document_id: number;
  unit_id: number;
  /** The delegate whose opinion it is (null: a paper form without a name). */
  delegate_id: number | null;
  kind: OpinionKindColumn;
  /** The sentence of the paragraph the comment is about, when it is about one sentence. */
  quote: string | null;
  proposed_text: string | null;
  text: string;
  source: 'delegate' | 'paper';
  /** The staff user who typed a paper form in ("user:12"); null for a delegate's own comment. */
  entered_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  voided_at: Instant | null;
  void_reason: string | null;
  /** The unit (of an earlier version) the comment was on before it was carried to its unit now (0013); null: never moved. */
  carried_from_unit_id: number | null;
  /** How it was carried to the latest version: the same text, a similar one, or its paragraph was removed (it stays there). */
  carried: CarriedColumn;
}

/** How an opinion (a comment, a group's record) was carried to the latest version; null: never carried. */
export type CarriedColumn = 'same' | 'similar' | 'removed' | null;

export interface DiscussionGroupsTable {
  id: Id;
  congress_id: number;
  name: string;
  leader_delegate_id: number | null;
  secretary_delegate_id: number | null;
  created_at: Instant;
}

export interface DiscussionGroupMembersTable {
  id: Id;
  congress_id: number;
  group_id: number;
  delegate_id: number;
}

export interface DiscussionGroupOpinionsTable {
  id: Id;
  congress_id: number;
  group_id: number;
  document_id: number;
  unit_id: number;
  kind: OpinionKindColumn;
  proposed_text: string | null;
  text: string;
  speaker_delegate_id: number | null;
  /** Members of the group who agreed with the opinion. */
  agree_count: number;
  entered_by: string;
  created_at: Instant;
  voided_at: Instant | null;
  void_reason: string | null;
  /** As a comment's (0014): the unit it was on before it was carried to its unit now; null: never moved. */
  carried_from_unit_id: number | null;
  carried: CarriedColumn;
}

export interface DiscussionSynthesesTable {
  id: Id;
  congress_id: number;
  unit_id: number;
  status: 'pending' | 'accepted' | 'explained' | 'not-accepted';
  new_text: string | null;
  explanation: string | null;
  updated_at: Instant;
  updated_by: string;
}

export interface DiscussionResolutionVotesTable {
  id: Id;
  congress_id: number;
  document_id: number;
  version_id: number;
  /** The part's ref; "" for the resolution as a whole. */
  part_ref: string;
  vote_id: number;
}

/** A target of the new term the resolution adopts (0016): not the ending term's assessment (resolution_targets). */
export interface DiscussionResolutionTargetsTable {
  id: Id;
  congress_id: number;
  document_id: number;
  position: number;
  name: string;
  /** With its number: "65 triệu đồng/người/năm". */
  target: string;
}

export interface DiscussionTables {
  discussion_documents: DiscussionDocumentsTable;
  discussion_versions: DiscussionVersionsTable;
  discussion_units: DiscussionUnitsTable;
  discussion_comments: DiscussionCommentsTable;
  discussion_groups: DiscussionGroupsTable;
  discussion_group_members: DiscussionGroupMembersTable;
  discussion_group_opinions: DiscussionGroupOpinionsTable;
  discussion_syntheses: DiscussionSynthesesTable;
  discussion_resolution_votes: DiscussionResolutionVotesTable;
  discussion_resolution_targets: DiscussionResolutionTargetsTable;
}

/** Runtime list of the columns (src/store/tables.ts checks it against the interfaces). */
export const DISCUSSION_COLUMNS = {
  discussion_documents: { id: true, congress_id: true, kind: true, title: true, access: true, comment_deadline: true, current_version_id: true, created_at: true, created_by: true },
  discussion_versions: { id: true, congress_id: true, document_id: true, number: true, source: true, file_name: true, content: true, note: true, units: true, created_at: true, created_by: true },
  discussion_units: { id: true, congress_id: true, version_id: true, position: true, kind: true, level: true, label: true, ref: true, number: true, text: true },
  discussion_comments: {
    id: true, congress_id: true, document_id: true, unit_id: true, delegate_id: true, kind: true, quote: true, proposed_text: true, text: true,
    source: true, entered_by: true, created_at: true, updated_at: true, voided_at: true, void_reason: true, carried_from_unit_id: true, carried: true,
  },
  discussion_groups: { id: true, congress_id: true, name: true, leader_delegate_id: true, secretary_delegate_id: true, created_at: true },
  discussion_group_members: { id: true, congress_id: true, group_id: true, delegate_id: true },
  discussion_group_opinions: {
    id: true, congress_id: true, group_id: true, document_id: true, unit_id: true, kind: true, proposed_text: true, text: true,
    speaker_delegate_id: true, agree_count: true, entered_by: true, created_at: true, voided_at: true, void_reason: true, carried_from_unit_id: true, carried: true,
  },
  discussion_syntheses: { id: true, congress_id: true, unit_id: true, status: true, new_text: true, explanation: true, updated_at: true, updated_by: true },
  discussion_resolution_votes: { id: true, congress_id: true, document_id: true, version_id: true, part_ref: true, vote_id: true },
  discussion_resolution_targets: { id: true, congress_id: true, document_id: true, position: true, name: true, target: true },
} as const;
