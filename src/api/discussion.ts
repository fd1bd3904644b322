/**
 * The congress's discussion over HTTP: draft documents with their access level, versions split into units,
 * delegates' comments, discussion groups and their recorded opinions, the secretariat's synthesis, the resolution.
 */
import { z } from 'zod';
import { OPINION_KINDS } from '../discussion/grouping.ts';
import { hasNumber, RESOLUTION_TARGETS_MAX } from '../discussion/resolution-targets.ts';
import { SYNTHESIS_STATUSES } from '../discussion/synthesis.ts';
import { Count, Id, IdBody, LongText, nonEmpty, NOTHING_TO_CHANGE, OptionalText, refineMessage, ShowOfHands, Text } from './common.ts';
import { PrintFormatSchema } from './printouts.ts';

export const DISCUSSION_KINDS = ['political-report', 'review-report', 'draft-resolution', 'congress-rules', 'other'] as const;
export const DiscussionKind = z.enum(DISCUSSION_KINDS);
/** "secret" is "Mật": read by the office and the presidium signed in as users, never sent to a delegate's phone. */
export const DISCUSSION_ACCESS = ['public', 'delegates', 'staff', 'secret'] as const;
export const DiscussionAccess = z.enum(DISCUSSION_ACCESS);
export type DiscussionAccess = z.infer<typeof DiscussionAccess>;
export const OpinionKind = z.enum(OPINION_KINDS);
export const SynthesisStatus = z.enum(SYNTHESIS_STATUSES);

/** A .docx of at most 10 MB. */
export const DISCUSSION_DOCX_MAX_BYTES = 10 * 1024 * 1024;
/** A draft written in the app: 2 million characters (a 300-page report is about 1 million). */
export const DISCUSSION_TEXT_MAX = 2_000_000;
export const DISCUSSION_TEXT_BODY_LIMIT = 8 * 1024 * 1024;

export const DiscussionDocumentBody = z.object({
  kind: DiscussionKind,
  title: Text(300),
  access: DiscussionAccess,
  /** The first version, written in the app (one paragraph a line); null to upload a .docx afterwards. */
  text: LongText(DISCUSSION_TEXT_MAX).nullable().default(null),
}).strict();

export const DiscussionDocumentPatch = z.object({
  title: Text(300).optional(),
  access: DiscussionAccess.optional(),
  /** After it, delegates can no longer post or change comments; null: open again. */
  commentDeadline: z.iso.datetime({ offset: true }).nullable().optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });

export const TextVersionBody = z.object({ text: LongText(DISCUSSION_TEXT_MAX), note: OptionalText(300) }).strict();

export const VersionView = z.object({
  id: z.number(), number: z.number(), source: z.enum(['text', 'docx']), fileName: z.string().nullable(), note: z.string().nullable(),
  units: z.number(), createdAt: z.string(),
});
export const DiscussionDocumentView = z.object({
  id: z.number(), kind: DiscussionKind, title: z.string(), access: DiscussionAccess,
  commentDeadline: z.string().nullable(),
  /** Whether delegates may still post and change comments. */
  open: z.boolean(),
  currentVersionId: z.number().nullable(),
  versions: z.array(VersionView),
  createdAt: z.string(),
});
export type DiscussionDocumentView = z.infer<typeof DiscussionDocumentView>;

export const UnitsQuery = z.object({
  version: Id.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Only the paragraph of this number ("đoạn 17"): how a group's secretary finds it by keyboard. */
  number: z.coerce.number().int().min(1).max(1_000_000).optional(),
}).strict();
export const UnitView = z.object({
  id: z.number(), position: z.number(), kind: z.enum(['heading', 'paragraph']), level: z.number(), label: z.string(), ref: z.string(),
  number: z.number().nullable(), text: z.string(),
  /** Comments of the caller on it (a delegate), or all live comments (staff). */
  comments: z.number(),
});
export type UnitView = z.infer<typeof UnitView>;
export const UnitsPage = z.object({
  documentId: z.number(), versionId: z.number(), versionNumber: z.number(), total: z.number(), offset: z.number(), units: z.array(UnitView),
});
export type UnitsPage = z.infer<typeof UnitsPage>;

export const DiffQuery = z.object({ from: Id, to: Id }).strict();
const UnitRef = z.object({ ref: z.string(), number: z.number().nullable(), text: z.string() });
export const DiffView = z.object({
  from: z.number(), to: z.number(),
  summary: z.object({ changed: z.number(), added: z.number(), removed: z.number(), text_vi: z.string() }),
  changes: z.array(z.object({
    kind: z.enum(['changed', 'added', 'removed']),
    before: UnitRef.nullable(), after: UnitRef.nullable(),
    words: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })).nullable(),
  })),
});
export type DiffView = z.infer<typeof DiffView>;

const changeHasWording = (b: { kind?: string | undefined; proposedText?: string | null | undefined }): boolean =>
  b.kind !== 'change' || (b.proposedText ?? '') !== '';
const WORDING_NEEDED = refineMessage('Đề nghị sửa thì ghi câu chữ đề nghị.', 'A change needs the proposed wording.');

export const CommentBody = z.object({
  unitId: IdBody,
  kind: OpinionKind,
  text: Text(4000),
  proposedText: OptionalText(4000),
  quote: OptionalText(1000),
  /** A paper form typed in by the secretariat: whose form it is (null: unsigned). Ignored for a delegate's own comment. */
  delegateId: IdBody.nullable().default(null),
}).strict().refine(changeHasWording, { message: WORDING_NEEDED, path: ['proposedText'] });
export const CommentPatch = z.object({
  kind: OpinionKind.optional(), text: Text(4000).optional(), proposedText: OptionalText(4000), quote: OptionalText(1000),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export const CommentsQuery = z.object({ unit: Id.optional() }).strict();
/** How an opinion (a comment, a group's record) came to its unit: src/discussion/carry.ts. */
const CarriedFields = {
  /** Carried from an earlier version: the same paragraph, a reworded one, or its paragraph was removed; null: given on this unit. */
  carried: z.enum(['same', 'similar', 'removed']).nullable(),
  /** Where it was before it was carried (the earlier version's paragraph). */
  carriedFromRef: z.string().nullable(),
};
/** How the screens cite the unit: "Đoạn 17 (I. › 2. › đ3)" (citeUnit). */
const UnitCite = z.string();
export const CommentView = z.object({
  id: z.number(), documentId: z.number(), unitId: z.number(), unitRef: z.string(), unitCite: UnitCite, delegateId: z.number().nullable(),
  delegateName: z.string().nullable(), kind: OpinionKind, quote: z.string().nullable(), proposedText: z.string().nullable(), text: z.string(),
  source: z.enum(['delegate', 'paper']), enteredBy: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  voided: z.boolean(), voidReason: z.string().nullable(),
  ...CarriedFields,
  /** Whether the caller may still change it. */
  editable: z.boolean(),
});
export type CommentView = z.infer<typeof CommentView>;

export const GroupBody = z.object({
  name: Text(200),
  /** Every delegate of these organisations joins the group (moved from another group if need be). */
  organisationIds: z.array(IdBody).max(200).default([]),
  delegateIds: z.array(IdBody).max(2000).default([]),
  leaderId: IdBody.nullable().default(null),
  secretaryId: IdBody.nullable().default(null),
}).strict();
const Person = z.object({ id: z.number(), fullName: z.string() });
export const GroupView = z.object({
  id: z.number(), name: z.string(), leader: Person.nullable(), secretary: Person.nullable(),
  /** Whether the groups sit now (the current agenda item is a discussion): only then do their secretaries record. */
  sitting: z.boolean(),
  members: z.array(Person.extend({ code: z.string() })),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupOpinionBody = z.object({
  documentId: IdBody,
  unitId: IdBody,
  kind: OpinionKind,
  text: Text(4000),
  proposedText: OptionalText(4000),
  speakerDelegateId: IdBody.nullable().default(null),
  /** Members of the group who agreed. */
  agreeCount: Count,
}).strict().refine(changeHasWording, { message: WORDING_NEEDED, path: ['proposedText'] });
export const GroupOpinionsQuery = z.object({ document: Id.optional() }).strict();
export const GroupOpinionView = z.object({
  id: z.number(), groupId: z.number(), documentId: z.number(), unitId: z.number(), unitRef: z.string(), unitCite: UnitCite, kind: OpinionKind,
  text: z.string(), proposedText: z.string().nullable(), speakerDelegateId: z.number().nullable(), speakerName: z.string().nullable(),
  agreeCount: z.number(), enteredBy: z.string(), createdAt: z.string(), voided: z.boolean(), voidReason: z.string().nullable(),
  ...CarriedFields,
});
export type GroupOpinionView = z.infer<typeof GroupOpinionView>;

export const SynthesisQuery = z.object({ version: Id.optional() }).strict();
export const SynthesisBody = z.object({
  status: SynthesisStatus,
  newText: LongText(20_000).nullable().default(null),
  explanation: LongText(20_000).nullable().default(null),
}).strict();
export const SynthesisAnswerView = z.object({
  unitId: z.number(), status: SynthesisStatus, newText: z.string().nullable(), explanation: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ClusterView = z.object({
  kind: OpinionKind, representative: z.string(), supportText: z.string(), groups: z.number(), delegates: z.number(),
  opinions: z.array(z.object({
    key: z.string(), source: z.enum(['delegate', 'paper', 'group']), author: z.string(), text: z.string(), proposedText: z.string().nullable(),
    /** An opinion given on an earlier version and carried here: from the same paragraph, or a reworded one ("similar"). */
    carried: z.enum(['same', 'similar']).nullable(),
  })),
});
/** A comment or a group's record whose paragraph a later version removed: shown with the paragraph it was about. */
export const RemovedOpinionView = z.object({
  key: z.string(), kind: OpinionKind, source: z.enum(['delegate', 'paper', 'group']), author: z.string(), text: z.string(), proposedText: z.string().nullable(),
  ref: z.string(), unitText: z.string(), versionNumber: z.number(),
});
export const SynthesisUnitView = z.object({
  unitId: z.number(), ref: z.string(), number: z.number().nullable(), kind: z.enum(['heading', 'paragraph']), text: z.string(),
  status: SynthesisStatus, newText: z.string().nullable(), explanation: z.string().nullable(),
  clusters: z.array(ClusterView),
});
export type SynthesisUnitView = z.infer<typeof SynthesisUnitView>;
export const SynthesisView = z.object({
  documentId: z.number(), versionId: z.number(), groupsTotal: z.number(),
  totals: z.object({ comments: z.number(), groupOpinions: z.number(), units: z.number(), pending: z.number(), accepted: z.number(), explained: z.number(), notAccepted: z.number() }),
  units: z.array(SynthesisUnitView),
  /** Live opinions on paragraphs a later version removed (opinions are carried to each new version: src/discussion/carry.ts). */
  removed: z.array(RemovedOpinionView),
});
export type SynthesisView = z.infer<typeof SynthesisView>;

export const ResolutionVoteBody = ShowOfHands.extend({
  /** The part voted ("I.", "PHẦN THỨ NHẤT"); "" for the resolution as a whole. */
  partRef: z.string().max(300),
}).strict();
/** A target of the new term the resolution adopts: its name and the target with its number. */
export const NewTermTarget = z.object({
  name: Text(300),
  target: Text(300).refine(hasNumber, { message: refineMessage('Mục tiêu phải có con số (ví dụ "65 triệu đồng/người/năm", "trên 90%").',
    'The target needs its number (e.g. "65 million dong per person per year", "over 90%").') }),
}).strict();
export type NewTermTarget = z.infer<typeof NewTermTarget>;
/** The whole list, in order: PUT replaces it. */
export const ResolutionTargetsBody = z.object({ targets: z.array(NewTermTarget).max(RESOLUTION_TARGETS_MAX) }).strict();
export const ResolutionView = z.object({
  documentId: z.number(), versionId: z.number(), title: z.string(),
  parts: z.array(z.object({ ref: z.string(), title: z.string(), paragraphs: z.number() })),
  votes: z.array(z.object({
    voteId: z.number(), partRef: z.string(), subject: z.string(), agree: z.number(), disagree: z.number(), other: z.number(), base: z.number(),
    passed: z.boolean(), recordedAt: z.string(),
  })),
  /** The new term's targets (chỉ tiêu chủ yếu), in order, and the term they are for ("2025 – 2030"). */
  targets: z.array(z.object({ name: z.string(), target: z.string() })),
  term: z.string(),
  /** The latest vote on the whole passed: the text and its targets can no longer change. */
  adopted: z.boolean(),
});
export type ResolutionView = z.infer<typeof ResolutionView>;

export const DiscussionPrintQuery = z.object({ format: PrintFormatSchema, version: Id.optional() }).strict();
export const GroupMinutesQuery = z.object({ format: PrintFormatSchema, document: Id }).strict();

/**
 * A discussion's numbers for the hall screen, per document delegates may read (never "Mật" nor staff-only): live
 * comments and the delegates who wrote them (paper forms among them), the groups' opinions and how many groups
 * reported, the paragraphs with opinions in the current version and how the drafting committee answered them.
 */
export const DiscussionNumbersView = z.array(z.object({
  documentId: z.number(), title: z.string(), kind: DiscussionKind, versionNumber: z.number().nullable(),
  comments: z.number(), delegates: z.number(), paper: z.number(), groupOpinions: z.number(), groupsReporting: z.number(), groups: z.number(),
  units: z.number(), accepted: z.number(), explained: z.number(), notAccepted: z.number(),
}));
export type DiscussionNumbersView = z.infer<typeof DiscussionNumbersView>;
