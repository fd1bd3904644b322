/**
 * The congress's discussion: drafts (access level per document; "Mật" never reaches a delegate), versions read
 * page by page, comments, discussion groups and their recorded opinions, the synthesis, the resolution and prints.
 */
import { z } from 'zod';
import { CHAIR, EVERYONE, HALL, OFFICE, STAFF } from '../access.ts';
import { VoidBody, VoteView } from '../bodies.ts';
import { CongressIdParams, CongressParams } from '../common.ts';
import {
  CommentBody, CommentPatch, CommentsQuery, CommentView, DiffQuery, DiffView, DiscussionDocumentBody, DiscussionDocumentPatch, DiscussionDocumentView,
  DiscussionPrintQuery, DISCUSSION_TEXT_BODY_LIMIT, GroupBody, GroupMinutesQuery, GroupOpinionBody, GroupOpinionsQuery, GroupOpinionView, GroupView,
  ResolutionTargetsBody, ResolutionView, ResolutionVoteBody, SynthesisAnswerView, SynthesisBody, SynthesisQuery, SynthesisView, TextVersionBody, UnitsPage, UnitsQuery, DiscussionNumbersView,
} from '../discussion.ts';
import { endpoint, FILE, MULTIPART } from '../endpoint.ts';

const D = '/api/congresses/:code/discussion' as const;
const P = '/api/congresses/:code/printouts' as const;
/** Delegates write their own; the office types paper forms and voids. */
const WRITERS = [...OFFICE, 'delegate'] as const;
const READERS_OF_OPINIONS = [...STAFF, 'delegate'] as const;

export const discussionEndpoints = {
  listDiscussionDocuments: endpoint({ method: 'GET', path: `${D}/documents`, params: CongressParams, response: z.array(DiscussionDocumentView), access: EVERYONE }),
  createDiscussionDocument: endpoint({ method: 'POST', path: `${D}/documents`, params: CongressParams, body: DiscussionDocumentBody, response: DiscussionDocumentView, access: OFFICE, bodyLimit: DISCUSSION_TEXT_BODY_LIMIT }),
  getDiscussionDocument: endpoint({ method: 'GET', path: `${D}/documents/:id`, params: CongressIdParams, response: DiscussionDocumentView, access: EVERYONE }),
  updateDiscussionDocument: endpoint({ method: 'PATCH', path: `${D}/documents/:id`, params: CongressIdParams, body: DiscussionDocumentPatch, response: DiscussionDocumentView, access: OFFICE }),
  addDiscussionTextVersion: endpoint({ method: 'POST', path: `${D}/documents/:id/versions`, params: CongressIdParams, body: TextVersionBody, response: DiscussionDocumentView, access: OFFICE, bodyLimit: DISCUSSION_TEXT_BODY_LIMIT }),
  /** A .docx (field "file", optional "note"), read off the event loop after authorisation. */
  uploadDiscussionDocx: endpoint({ method: 'POST', path: `${D}/documents/:id/docx`, params: CongressIdParams, body: MULTIPART, response: DiscussionDocumentView, access: OFFICE }),
  /** A page of units (never the whole document at once). */
  listDiscussionUnits: endpoint({ method: 'GET', path: `${D}/documents/:id/units`, params: CongressIdParams, query: UnitsQuery, response: UnitsPage, access: EVERYONE }),
  diffDiscussionVersions: endpoint({ method: 'GET', path: `${D}/documents/:id/diff`, params: CongressIdParams, query: DiffQuery, response: DiffView, access: EVERYONE }),

  /** A delegate sees their own comments; staff see all. */
  listDiscussionComments: endpoint({ method: 'GET', path: `${D}/documents/:id/comments`, params: CongressIdParams, query: CommentsQuery, response: z.array(CommentView), access: READERS_OF_OPINIONS }),
  postDiscussionComment: endpoint({ method: 'POST', path: `${D}/documents/:id/comments`, params: CongressIdParams, body: CommentBody, response: CommentView, access: WRITERS }),
  updateDiscussionComment: endpoint({ method: 'PATCH', path: `${D}/comments/:id`, params: CongressIdParams, body: CommentPatch, response: CommentView, access: WRITERS }),
  voidDiscussionComment: endpoint({ method: 'POST', path: `${D}/comments/:id/void`, params: CongressIdParams, body: VoidBody, response: CommentView, access: WRITERS }),

  listDiscussionGroups: endpoint({ method: 'GET', path: `${D}/groups`, params: CongressParams, response: z.array(GroupView), access: EVERYONE }),
  createDiscussionGroup: endpoint({ method: 'POST', path: `${D}/groups`, params: CongressParams, body: GroupBody, response: GroupView, access: OFFICE }),
  updateDiscussionGroup: endpoint({ method: 'PUT', path: `${D}/groups/:id`, params: CongressIdParams, body: GroupBody, response: GroupView, access: OFFICE }),
  /** A delegate: only their own group's. */
  listGroupOpinions: endpoint({ method: 'GET', path: `${D}/groups/:id/opinions`, params: CongressIdParams, query: GroupOpinionsQuery, response: z.array(GroupOpinionView), access: READERS_OF_OPINIONS }),
  /** The office, or the group's secretary or leader. */
  recordGroupOpinion: endpoint({ method: 'POST', path: `${D}/groups/:id/opinions`, params: CongressIdParams, body: GroupOpinionBody, response: GroupOpinionView, access: WRITERS }),
  voidGroupOpinion: endpoint({ method: 'POST', path: `${D}/group-opinions/:id/void`, params: CongressIdParams, body: VoidBody, response: GroupOpinionView, access: WRITERS }),

  /** The hall screen's numbers: documents delegates may read only. */
  discussionNumbers: endpoint({ method: 'GET', path: `${D}/numbers`, params: CongressParams, response: DiscussionNumbersView, access: HALL }),
  getDiscussionSynthesis: endpoint({ method: 'GET', path: `${D}/documents/:id/synthesis`, params: CongressIdParams, query: SynthesisQuery, response: SynthesisView, access: CHAIR }),
  setDiscussionSynthesis: endpoint({ method: 'PUT', path: `${D}/units/:id/synthesis`, params: CongressIdParams, body: SynthesisBody, response: SynthesisAnswerView, access: OFFICE }),

  getResolution: endpoint({ method: 'GET', path: `${D}/documents/:id/resolution`, params: CongressIdParams, response: ResolutionView, access: EVERYONE }),
  /** Show of hands on the whole (partRef "") or one part, measured against N_base (docs/rules.md §2). */
  recordResolutionVote: endpoint({ method: 'POST', path: `${D}/documents/:id/resolution/votes`, params: CongressIdParams, body: ResolutionVoteBody, response: VoteView, access: CHAIR }),

  /** The new term's targets of the resolution, replaced as one list; refused once the whole is adopted. */
  saveResolutionTargets: endpoint({ method: 'PUT', path: `${D}/documents/:id/resolution/targets`, params: CongressIdParams, body: ResolutionTargetsBody, response: ResolutionView, access: CHAIR }),

  printDiscussionReport: endpoint({ method: 'GET', path: `${P}/discussion/:id/report`, params: CongressIdParams, query: DiscussionPrintQuery, response: FILE, access: CHAIR }),
  printGroupMinutes: endpoint({ method: 'GET', path: `${P}/discussion-groups/:id/minutes`, params: CongressIdParams, query: GroupMinutesQuery, response: FILE, access: WRITERS }),
  printResolution: endpoint({ method: 'GET', path: `${P}/discussion/:id/resolution`, params: CongressIdParams, query: DiscussionPrintQuery, response: FILE, access: CHAIR }),
} as const;
