/**
 * What the web app receives from the server: the types inferred from src/api's shared zod schemas, plus the
 * few views the browser composes from several of them (the hall screen, a check-in answer).
 */
import type { z } from 'zod';
import type {
  AccessRole, AgendaItemView, AttendanceView, BatchView, BodyView, CandidateView, CheckinView, CongressView, CountingOverview,
  DelegateView, DisagreementView, DiscussionNumbersView, DocumentView, ElectionView, HallView, MyBatchView, OrganisationView, Principal, ReconciliationView, Role,
  RoundResultView, RoundStatus, RowIssue, SessionView, SpeakerView, TargetInput as TargetInputSchema, TargetsView, VoteView,
} from '../../api/index.ts';
import type { DeskCheckinResult as DeskCheckinResultView, RecordedCheckin as RecordedCheckinView } from '../../api/attendance.ts';
import type { ElectionCount, OpinionPollCount, SecretaryPollCount } from '../../rules/index.ts';

export type { CongressView, DelegateView, ElectionView, HallView, Principal, Role, RoundStatus, VoteView, AttendanceView };
export type { BatchView, CountingOverview, DisagreementView, MyBatchView, ReconciliationView, RoundResultView };
export type AgendaItem = z.infer<typeof AgendaItemView>;
export type Session = z.infer<typeof SessionView>;
export type Speaker = z.infer<typeof SpeakerView>;
export type Targets = z.infer<typeof TargetsView>;
export type Target = Targets['targets'][number];
/** One resolution target as entered (the whole list is saved at once, in order). */
export type TargetInput = z.infer<typeof TargetInputSchema>;
export type Checkin = z.infer<typeof CheckinView>;
export type RecordedCheckin = z.infer<typeof RecordedCheckinView>;
export type DeskCheckinResult = z.infer<typeof DeskCheckinResultView>;
export type Organisation = z.infer<typeof OrganisationView>;
export type Body = z.infer<typeof BodyView>;
export type Candidate = z.infer<typeof CandidateView>;
export type DocumentItem = z.infer<typeof DocumentView>;
export type Round = ElectionView['rounds'][number];

/** Attendance as every screen shows it (the session and the counts of a fresh check-in when the server gives them). */
export interface Attendance {
  readonly summoned: number;
  readonly present: number;
  readonly base: number;
  readonly session?: AttendanceView['session'];
  readonly presentInCongress?: number;
  readonly presentNotVoting?: number;
}

/** A staff role of src/api, or a delegate signed in by card. */
export type WebRole = AccessRole;

/** Who is signed in, and at which congress (by code). */
export interface Me {
  readonly principal: Principal;
  readonly congress: string;
  readonly roles: readonly WebRole[];
  readonly displayName: string;
  readonly delegateId: number | null;
}

/** A published result as the hall screen shows it: an election, or one of the two polls. */
interface PublishedBase {
  readonly electionId: number;
  readonly roundNumber: number;
  readonly title: string;
}
export type PublishedResult =
  | (PublishedBase & { readonly kind: 'election'; readonly count: ElectionCount })
  | (PublishedBase & { readonly kind: 'opinion-poll'; readonly count: OpinionPollCount })
  | (PublishedBase & { readonly kind: 'secretary-poll'; readonly count: SecretaryPollCount });

export interface HallState {
  readonly congress: CongressView;
  readonly attendance: Attendance;
  readonly currentItem: { readonly id: number; readonly kind: string; readonly sessionTitle: string; readonly title: string } | null;
  readonly currentSpeaker: Speaker | null;
  /** The most recently published result of any election. */
  readonly published: PublishedResult | null;
  /** The published result of each election (its latest published round), by election id. */
  readonly publishedBy: ReadonlyMap<number, PublishedResult>;
  /** The election of each agenda item (agenda item id → election id). */
  readonly electionOfItem: ReadonlyMap<number, number>;
  readonly votes: readonly VoteView[];
  readonly targets: Targets | null;
  /** The discussion's numbers per document delegates may read (empty: no discussion). */
  readonly discussion: DiscussionNumbersView;
  /** What the operator panel chose (or follow the agenda). */
  readonly view: HallView;
}

/** A delegate row at the check-in desk: the delegate, their organisation's name, and whether present. */
export interface DeskDelegate {
  readonly delegate: DelegateView;
  readonly organisationName: string | null;
  readonly checkedIn: boolean;
}

/** The desk's answer: checked in now or present already (with whether they vote), or refused with the server's reason. */
export type CheckinOutcome =
  | { readonly ok: true; readonly result: DeskCheckinResult }
  | { readonly ok: false; readonly code: string; readonly message_vi: string; readonly message_en: string };

/** A refusal as the screens show it: Vietnamese, English, the field at fault; every row at fault of a refused file. */
export interface ApiError {
  readonly code: string;
  readonly message_vi: string;
  readonly message_en: string;
  readonly field?: string | undefined;
  readonly issues?: readonly RowIssue[] | undefined;
}
