/** The seed congress as plain data: keys and delegate codes instead of database ids. */
import type { BodyKind, DelegateCategory, DelegateStanding, DelegateStatus, ElectionKind, Role } from '../store/schema.ts';
import type { Gender } from './names.ts';

export interface DemoCongressRow {
  readonly code: string;
  readonly higherOrganisationName: string;
  readonly organisationName: string;
  readonly kind: 'delegates';
  readonly ordinal: string;
  readonly termStartYear: number;
  readonly termEndYear: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly venue: string;
  readonly place: string;
}

export interface DemoOrganisationRow {
  readonly key: string;
  readonly name: string;
  readonly role: 'host' | 'member';
  readonly partyMembers: number;
}

export interface DemoDelegate {
  readonly code: string;
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly ethnicity: string;
  readonly education: string;
  readonly politicalTheory: string;
  readonly partyJoinDate: string;
  readonly position: string;
  readonly organisationKey: string;
  readonly category: DelegateCategory;
  readonly standing: DelegateStanding;
  readonly status: DelegateStatus;
  readonly statusReason: string | null;
  readonly replacedByCode: string | null;
  readonly isConveningMember: boolean;
}

export interface DemoSession {
  readonly kind: 'preparatory' | 'official';
  readonly title: string;
  readonly startsAt: string;
  readonly items: ReadonlyArray<{ readonly title: string; readonly kind: 'opening' | 'report' | 'discussion' | 'speech' | 'vote' | 'election' | 'closing' | 'other' }>;
}

export interface DemoBody {
  readonly kind: BodyKind;
  readonly title: string;
  readonly members: ReadonlyArray<{ readonly delegateCode: string; readonly role: 'head' | 'deputy' | 'member' }>;
}

export interface DemoElection {
  readonly key: string;
  readonly kind: ElectionKind;
  readonly title: string;
  readonly seats: number;
  readonly alternateSeats: number;
  readonly maxSurplus: number | null;
  /** Candidates in ballot order (docs/rules.md §4). */
  readonly candidates: ReadonlyArray<{ readonly delegateCode: string; readonly source: 'committee-list' }>;
}

export interface DemoTarget {
  readonly name: string;
  readonly target: string;
  readonly result: string;
  readonly assessment: 'exceeded' | 'met' | 'not-met';
}

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** A counting-board member is scoped to elections. */
  readonly electionKeys: readonly string[];
}

export interface DemoSpeaker {
  readonly delegateCode: string;
  readonly title: string;
  readonly text: string;
}

export interface DemoDocument {
  readonly title: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly visibility: 'public' | 'delegates' | 'staff';
  readonly text: string;
}

export interface DemoCongress {
  readonly seed: number;
  readonly congress: DemoCongressRow;
  readonly organisations: readonly DemoOrganisationRow[];
  readonly delegates: readonly DemoDelegate[];
  readonly sessions: readonly DemoSession[];
  readonly bodies: readonly DemoBody[];
  readonly elections: readonly DemoElection[];
  readonly targets: readonly DemoTarget[];
  readonly speakers: readonly DemoSpeaker[];
  readonly documents: readonly DemoDocument[];
  readonly users: readonly DemoUser[];
}
