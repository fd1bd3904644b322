/** Views as the server sends them, for component tests: a congress, a user with roles there, an election, a delegate. */
import type { DelegateView } from '../../api/index.ts';
import { defaultCongressSettings, defaultCountSettings } from '../../rules/index.ts';
import type { Candidate, CongressView, ElectionView, Principal, Round, WebRole } from '../api/types.ts';

export const CODE = 'ls-xiv';

export const congressView = (over: Partial<CongressView> = {}): CongressView => ({
  id: 1, code: CODE, higherOrganisationName: 'Đảng bộ tỉnh Lạng Sơn', organisationName: 'Đảng bộ huyện Cao Lộc', kind: 'delegates',
  ordinal: 'XIV', termStartYear: 2025, termEndYear: 2030, startDate: '2025-07-15', endDate: '2025-07-16', venue: 'Hội trường huyện',
  place: 'Cao Lộc', settings: defaultCongressSettings, currentAgendaItemId: null, currentSpeakerId: null, ...over,
});

/** A staff user holding `roles` at the congress CODE. */
export const userWith = (...roles: ReadonlyArray<Exclude<WebRole, 'delegate'>>): Principal => ({
  kind: 'user', id: 3, username: 'thuky', displayName: 'Nguyễn Thị Thư', isServerAdmin: false,
  roles: roles.map((role) => ({ congress: CODE, role, electionId: null })),
});

export const candidate = (id: number, fullName: string, over: Partial<Candidate> = {}): Candidate => ({
  id, delegateId: id + 100, fullName, birthDate: null, source: 'committee-list', position: id, status: 'listed', pollAgree: null, voided: null, ...over,
});

export const roundView = (over: Partial<Round> = {}): Round => ({
  id: 11, number: 1, seats: 2, alternateSeats: 0, status: 'draft', base: null, present: null, ballotsIssued: null, ballotsCollected: null,
  result: null, countedBy: null, candidates: [], updatedAt: '2025-07-15T02:00:00.000Z', ...over,
});

export const electionView = (over: Partial<ElectionView> = {}): ElectionView => ({
  id: 5, kind: 'committee', title: 'Bầu Ban Chấp hành', seats: 2, alternateSeats: 0, maxSurplus: null, countingBoardId: null,
  settings: defaultCountSettings, approvedAt: null, approvalReference: null, agendaItemId: null, rounds: [roundView()], ...over,
});

export const delegateView = (id: number, fullName: string, over: Partial<DelegateView> = {}): DelegateView => ({
  id, code: String(id).padStart(3, '0'), fullName, gender: 'male', birthDate: null, ethnicity: 'Kinh', education: null, politicalTheory: null,
  partyJoinDate: null, position: null, organisationId: null, category: 'elected', standing: 'official', status: 'summoned', statusReason: null,
  replacedById: null, isConveningMember: false, seat: null, cardRevoked: false, cardPrinted: false, ...over,
});
