/**
 * The inputs of every printed document: plain readonly data, no database and no HTTP. The server fills these
 * from its store and calls the functions exported by `src/documents/index.ts`.
 */
import type {
  Ballot, Candidate, CongressAttendance, CountSettings, ElectionCount, ElectionKind, OpinionPollCount,
  SecretaryPollCount, ShowOfHandsCounts,
} from '../rules/index.ts';

/** ISO date "YYYY-MM-DD" (the day of the congress or of the document). */
export type IsoDate = string;

/**
 * Who issues the document and which congress it belongs to. Names are given in normal case
 * ("Đảng bộ tỉnh Lạng Sơn"); the header prints them in capitals ("ĐẢNG BỘ TỈNH LẠNG SƠN").
 */
export interface CongressHeader {
  readonly congressId: string;
  /** The higher Party organisation: "Đảng bộ tỉnh Lạng Sơn". */
  readonly higherOrganisation: string;
  /** The organisation holding the congress: "Đảng bộ Khối các cơ quan tỉnh". */
  readonly organisation: string;
  /** Its committee, as named in titles of the bodies it elects: "Đảng ủy Khối các cơ quan tỉnh". */
  readonly committee: string;
  /** "delegates" (đại hội đại biểu) or "members" (đại hội đảng viên). */
  readonly congressKind: 'delegates' | 'members';
  /** Congress ordinal in Roman numerals: "XIV". */
  readonly ordinal: string;
  /** "2020 – 2025" */
  readonly term: string;
  /** Place as written before the date: "Lạng Sơn". */
  readonly place: string;
  readonly date: IsoDate;
  /** Ordinal of the higher congress, for delegation ballots ("XVII"); null when not known. */
  readonly higherCongressOrdinal?: string | null | undefined;
}

/** The counting board (Ban Kiểm phiếu) of one election. */
export interface CountingBoard {
  readonly head: string;
  readonly members: readonly string[];
}

/** One round of one election: what the ballot shows and what the minutes describe. */
export interface ElectionRound {
  readonly electionId: string;
  /** 1 for the first vote, 2 for a second round (bầu lần 2) … */
  readonly round: number;
  readonly kind: ElectionKind;
  /** Seats to fill; for "delegates" the official seats; 0 for the polls. */
  readonly seats: number;
  /** Alternate delegate seats ("delegates" only), else 0. */
  readonly alternateSeats: number;
  /** In ballot order (see `inBallotOrder` in the rules core). */
  readonly candidates: readonly Candidate[];
  readonly settings: CountSettings;
  readonly board: CountingBoard;
  /** For an opinion poll: the election whose list it admits names to (default "committee"). */
  readonly pollFor?: ElectionKind | undefined;
  /** Nominations to this list voided by the chair: kept in the minutes, struck through, with the reason. */
  readonly voidedNominations?: readonly VoidedNomination[] | undefined;
}

export interface VoidedNomination {
  readonly name: string;
  readonly reason: string;
  /** The user who voided it. */
  readonly by: string;
  /** ISO instant. */
  readonly at: string;
}

/** Attendance at the moment of the vote, for the minutes. */
export interface VotingAttendance {
  /** Who is excluded from the base (docs/rules.md §1); `computeBase` of it must equal the count's base. */
  readonly congress: CongressAttendance;
  /** Delegates (or members) present in the hall when ballots were issued. */
  readonly presentAtVoting: number;
}

/** Times of the count, as "HH:MM" local time; optional. */
export interface CountTimes {
  readonly start?: string | undefined;
  readonly end?: string | undefined;
}

/**
 * How the result was reached, for the minutes to say: entered independently on computers and reconciled by the
 * board, or counted by hand by the board, its totals entered from the paper minutes signed by its head.
 */
export type CountMethod =
  | { readonly kind: 'batches'; readonly entries: number }
  | { readonly kind: 'hand'; readonly signedBy: string };

export interface ElectionMinutesInput {
  readonly header: CongressHeader;
  readonly round: ElectionRound;
  readonly attendance: VotingAttendance;
  readonly ballotsIssued: number;
  readonly count: ElectionCount;
  readonly times?: CountTimes | undefined;
  readonly method?: CountMethod | undefined;
}

export interface OpinionPollMinutesInput {
  readonly header: CongressHeader;
  readonly round: ElectionRound;
  readonly attendance: VotingAttendance;
  readonly ballotsIssued: number;
  readonly count: OpinionPollCount;
  readonly times?: CountTimes | undefined;
  readonly method?: CountMethod | undefined;
}

export interface SecretaryPollMinutesInput {
  readonly header: CongressHeader;
  readonly round: ElectionRound;
  readonly attendance: VotingAttendance;
  readonly ballotsIssued: number;
  readonly count: SecretaryPollCount;
  readonly times?: CountTimes | undefined;
  readonly method?: CountMethod | undefined;
}

export interface BallotInput {
  readonly header: CongressHeader;
  readonly round: ElectionRound;
}

export type DelegateStatus = 'official' | 'alternate';
export type DelegateCategory = 'ex-officio' | 'elected' | 'appointed';

export interface DelegateCard {
  readonly name: string;
  /** The delegation (member organisation) the delegate comes from. */
  readonly delegation: string;
  /** Seat in the hall ("A-12"); null when seats are not assigned. */
  readonly seat: string | null;
  readonly status: DelegateStatus;
  readonly category: DelegateCategory;
  /** What the QR code holds (the congress and the card token, so any sign-in page finds the congress); printable ASCII only. */
  readonly token: string;
  /** The short code printed under the QR code, typed at sign-in when no camera reads it ("ABCDE-FGHJK"); null: none issued. */
  readonly code?: string | null;
}

export interface DelegateCardsInput {
  readonly header: CongressHeader;
  readonly cards: readonly DelegateCard[];
}

export type Gender = 'female' | 'male';
export const EDUCATION_LEVELS = ['doctorate', 'master', 'university', 'college', 'vocational', 'secondary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const THEORY_LEVELS = ['advanced', 'intermediate', 'elementary', 'none'] as const;
export type PoliticalTheoryLevel = (typeof THEORY_LEVELS)[number];

/** A delegate as the credentials committee sees them. */
export interface DelegateRecord {
  readonly id: string;
  readonly name: string;
  readonly delegation: string;
  readonly status: DelegateStatus;
  readonly category: DelegateCategory;
  readonly present: boolean;
  /** Why an absent delegate is absent; null when present or not given. */
  readonly absenceReason?: string | null | undefined;
  readonly gender: Gender;
  /** Ethnicity as recorded ("Kinh", "Tày", "Nùng" …). */
  readonly ethnicity: string;
  readonly birthDate: IsoDate;
  readonly partyJoinDate: IsoDate;
  readonly education: EducationLevel;
  readonly politicalTheory: PoliticalTheoryLevel;
  /** Why the credentials committee finds the delegate not qualified; null when qualified. */
  readonly credentialsIssue?: string | null | undefined;
}

export interface CredentialsReportInput {
  readonly header: CongressHeader;
  readonly delegates: readonly DelegateRecord[];
  /** The credentials committee: head first. */
  readonly committee: CountingBoard;
  /** Changes to delegates after the congress opened, from the audit log, in order; none printed when empty. */
  readonly changes?: readonly DelegateChange[];
}

/** One change to a delegate after the opening, as the credentials report lists it (the history on the delegates screen). */
export interface DelegateChange {
  /** The instant (ISO) it was recorded. */
  readonly at: string;
  /** Who recorded it: "Nguyễn Văn A (vanphong)". */
  readonly by: string;
  readonly name: string;
  /** What changed, in Vietnamese, a status with the status before: "Được triệu tập → Vắng cả đại hội", "Sửa: ngày sinh". */
  readonly change: string;
  readonly reason: string | null;
}

export interface Absentee {
  readonly name: string;
  readonly delegation: string;
  readonly reason: string | null;
}

export interface AttendanceReportInput {
  readonly header: CongressHeader;
  /** "Phiên khai mạc, sáng ngày 15/7/2020" */
  readonly session: string;
  readonly attendance: CongressAttendance;
  readonly present: number;
  /** Every official absent: `officialSummoned − present` names. */
  readonly absentees: readonly Absentee[];
  /** The quorum setting in force; null = none (docs/rules.md §1 [open]). */
  readonly quorum: { readonly numerator: number; readonly denominator: number } | null;
  /** The secretariat that signs: head first. */
  readonly signedBy: CountingBoard;
  /** Changes to delegates after the congress opened (a congress of members has no credentials report to list them). */
  readonly changes?: readonly DelegateChange[];
}

export interface ShowOfHandsItem {
  /** What was voted: "Thông qua Chương trình Đại hội". */
  readonly subject: string;
  readonly counts: ShowOfHandsCounts;
  /** Voided by the chair: printed struck through, with the reason, never left out. */
  readonly voided?: { readonly reason: string; readonly by: string; readonly at: string } | null | undefined;
}

export interface ShowOfHandsRecordInput {
  readonly header: CongressHeader;
  readonly session: string;
  readonly base: number;
  readonly present: number;
  readonly items: readonly ShowOfHandsItem[];
  readonly signedBy: CountingBoard;
}

/** What happened at a counting terminal (the event types of src/counting/input-log.ts). */
export const INPUT_LOG_ACTIONS = [
  'batch-opened', 'batch-recounted', 'entry-opened', 'ballot-entered', 'ballot-undone', 'entry-closed', 'entry-discarded', 'entry-moved', 'ruling',
] as const;
export type InputLogAction = (typeof INPUT_LOG_ACTIONS)[number];

export interface InputLogEntry {
  /** Sequence number of the event in the log. */
  readonly seq: number;
  /** ISO instant. */
  readonly at: string;
  readonly operator: string;
  readonly terminal: string;
  /** The batch (tập phiếu) the event belongs to; null when none. */
  readonly batch: string | null;
  /** The ballot's position in the batch; null for events not about one ballot. */
  readonly position: number | null;
  readonly action: InputLogAction;
  /** What was entered ("ballot-entered") or ruled ("ruling"); null otherwise. */
  readonly ballot: Ballot | null;
  /** Free text: the board's reason for a ruling or discard, the number of ballots at closing … */
  readonly note?: string | null | undefined;
  /** 'entry-discarded', 'entry-moved': the operator whose entry it is (the event's operator is who recorded it). */
  readonly entryOf?: string | null | undefined;
  /** 'entry-moved': the terminal the entry left (it continues at the event's terminal). */
  readonly fromTerminal?: string | null | undefined;
  /** 'batch-recounted': the physical count before and after the board counted the batch again by hand. */
  readonly recount?: { readonly from: number; readonly to: number } | null | undefined;
  /** 'batch-opened': the batch as the board opened it. */
  readonly batchSpec?: { readonly label: string; readonly physicalCount: number; readonly entriesRequired: number } | null | undefined;
}

export interface InputLogInput {
  readonly header: CongressHeader;
  readonly round: ElectionRound;
  readonly entries: readonly InputLogEntry[];
}

/**
 * The head of the audit log's hash chain when a document is drawn: the last entry's number and SHA-256. Printed in
 * every set of minutes, it lets `daihoi audit verify --head HASH` show later that no entry was removed from the end.
 */
export interface AuditHead {
  readonly sequence: number;
  readonly hash: string;
}
