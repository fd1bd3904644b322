/**
 * A congress as the typed API shows it, for the screen tests that run the built web app against
 * Playwright-routed answers (test fixtures only; the end-to-end test uses the real server). Every answer is
 * built from src/api's types and the rules core, so it parses with the shared schemas.
 */
import type { z } from 'zod';
import type {
  AttendanceView, CheckinView, CongressView, DelegateView, ElectionView, OrganisationView, Principal, SessionView, SpeakerView, TargetsView,
} from '../../src/api/index.ts';
import {
  countBallots, defaultCongressSettings, defaultCountSettings, inBallotOrder, majorityThreshold, type CountOutcome, type ElectionCount, type ElectionSpec,
} from '../../src/rules/index.ts';

export const CODE = 'ls-xiv';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hà', 'Lương', 'Nông', 'Hứa', 'Lăng', 'Vi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Quang', 'Thanh', 'Hữu', 'Ngọc', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Đào', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai',
  'Nam', 'Nga', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Trung', 'Tuấn', 'Vân', 'Việt', 'Yến'];

/** A deterministic pseudo-random sequence (mulberry32). */
export const prng = (seed: number): (() => number) => {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Distinct names for i < 450: the given name cycles fastest, the family name changes every 30. */
export const nameOf = (i: number): string =>
  `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`;

export const principal: Principal = {
  kind: 'user', id: 1, username: 'admin', displayName: 'Văn phòng Đảng ủy', isServerAdmin: false,
  roles: [{ congress: CODE, role: 'admin', electionId: null }],
};

export const congress: z.infer<typeof CongressView> = {
  id: 1, code: CODE, higherOrganisationName: 'ĐẢNG BỘ TỈNH LẠNG SƠN', organisationName: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
  kind: 'delegates', ordinal: 'XIV', termStartYear: 2020, termEndYear: 2025, startDate: '2020-07-15', endDate: '2020-07-16',
  venue: 'Hội trường Tỉnh ủy', place: 'Lạng Sơn', settings: { ...defaultCongressSettings, count: { ...defaultCongressSettings.count } },
  currentAgendaItemId: 3, currentSpeakerId: 2,
};

export const organisations: Array<z.infer<typeof OrganisationView>> = Array.from({ length: 6 }, (_, i) => ({
  id: i + 1, name: ['Đảng bộ Sở Y tế', 'Đảng bộ Sở Giáo dục và Đào tạo', 'Chi bộ Văn phòng', 'Đảng bộ Công an tỉnh', 'Đảng bộ Sở Tài chính', 'Chi bộ Ban Dân tộc'][i]!,
  role: 'member', partyMembers: 120 + i, position: i + 1, active: true,
}));

export const delegates: Array<z.infer<typeof DelegateView>> = Array.from({ length: 256 }, (_, i) => ({
  id: i + 1, code: `DB${String(i + 1).padStart(3, '0')}`, fullName: nameOf(i), gender: i % 3 === 0 ? 'female' : 'male',
  birthDate: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, ethnicity: i % 4 === 0 ? 'Tày' : 'Kinh', education: null, politicalTheory: null,
  partyJoinDate: null, position: null, organisationId: 1 + (i % 6), category: 'elected', standing: 'official', status: 'summoned',
  statusReason: null, replacedById: null, isConveningMember: false, seat: `${String.fromCharCode(65 + (i % 10))}${1 + Math.floor(i / 10)}`, cardRevoked: false, cardPrinted: false,
}));

export const cardToken = (delegateId: number): string => `card-token-${String(delegateId).padStart(12, '0')}`;

export const sessions: Array<z.infer<typeof SessionView>> = [
  { id: 1, kind: 'preparatory', title: 'Phiên trù bị', position: 1, startsAt: null, freshCheckin: false, items: [
    { id: 1, sessionId: 1, position: 1, title: 'Bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu', kind: 'vote', status: 'done' },
    { id: 2, sessionId: 1, position: 2, title: 'Thông qua Chương trình và Quy chế làm việc', kind: 'vote', status: 'done' },
  ] },
  { id: 2, kind: 'official', title: 'Phiên chính thức', position: 2, startsAt: null, freshCheckin: false, items: [
    { id: 3, sessionId: 2, position: 1, title: 'Thảo luận Báo cáo chính trị', kind: 'discussion', status: 'current' },
    { id: 4, sessionId: 2, position: 2, title: 'Bầu Ban Chấp hành Đảng bộ khóa XIV', kind: 'election', status: 'pending' },
  ] },
];

export const speakers: Array<z.infer<typeof SpeakerView>> = [
  { id: 1, delegateId: 10, speakerName: nameOf(9), title: 'Chuyển đổi số trong các cơ quan Đảng', position: 1, status: 'done', registeredAt: '2020-07-15T01:00:00Z', hasText: false },
  { id: 2, delegateId: 21, speakerName: 'Hoàng Thị Đào', title: 'Nâng cao chất lượng sinh hoạt chi bộ', position: 2, status: 'speaking', registeredAt: '2020-07-15T01:05:00Z', hasText: false },
];

export const targets: z.infer<typeof TargetsView> = {
  targets: [
    ['Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', '≥ 85%', '91,3%', 'exceeded'],
    ['Kết nạp đảng viên mới', '≥ 600', '712', 'exceeded'],
    ['Đảng viên hoàn thành tốt nhiệm vụ trở lên', '≥ 85%', '88,6%', 'exceeded'],
    ['Cơ quan đạt chuẩn văn hóa', '≥ 90%', '90%', 'met'],
    ['Tổ chức đảng được kiểm tra, giám sát', '100%', '100%', 'met'],
    ['Đảng viên học tập nghị quyết', '≥ 95%', '98,2%', 'exceeded'],
    ['Chi bộ có nghị quyết chuyên đề', '100%', '100%', 'met'],
    ['Cán bộ được bồi dưỡng lý luận chính trị', '≥ 300', '356', 'exceeded'],
  ].map(([name, target, result, assessment], i) => ({
    id: i + 1, position: i + 1, name: name!, target: target!, result: result!, assessment: assessment as 'met' | 'exceeded',
  })),
  summary: { total: 8, metOrExceeded: 8, exceeded: 5, notMet: 0, text_vi: '8/8 chỉ tiêu đạt và vượt, 5 vượt' },
};

/** The committee election: 24 seats, 27 names in ballot order, N_base 254, 250 ballots with seeded strikes. */
export const committee = (): { spec: ElectionSpec; count: ElectionCount; candidates: Array<{ id: number; fullName: string }> } => {
  const people = inBallotOrder(Array.from({ length: 27 }, (_, i) => ({ name: nameOf(i * 5 + 3), id: 100 + i })));
  const spec: ElectionSpec = {
    kind: 'committee', seats: 24, alternateSeats: 0, base: 254, settings: defaultCongressSettings.count,
    candidates: people.map((p) => ({ id: String(p.id), name: p.name })),
  };
  const random = prng(7);
  const weight = people.map((_, i) => 0.02 + ((i * 37) % 27) / 27 * 0.5);
  const ballots = Array.from({ length: 250 }, () => {
    const struck = spec.candidates.filter((_, i) => random() < weight[i]!).map((c) => c.id);
    // keep at most 24 names: strike more until it is valid (a few invalid ones are left for realism)
    return { struck };
  });
  const r = countBallots(spec, ballots);
  if (!r.ok || r.value.type !== 'election') throw new Error('fixture count');
  return { spec, count: r.value.count, candidates: people.map((p) => ({ id: p.id, fullName: p.name })) };
};

export const electionView = (status: z.infer<typeof ElectionView>['rounds'][number]['status'], result: CountOutcome | null): z.infer<typeof ElectionView> => {
  const c = committee();
  return {
    id: 1, kind: 'committee', title: 'Bầu Ban Chấp hành Đảng bộ Khối khóa XIV, nhiệm kỳ 2020–2025', seats: 24, alternateSeats: 0,
    maxSurplus: 3, countingBoardId: 4, settings: defaultCountSettings, approvedAt: null, approvalReference: null, agendaItemId: null,
    rounds: [{
      id: 1, number: 1, seats: 24, alternateSeats: 0, status, base: 254, present: 250, ballotsIssued: 250, ballotsCollected: 250,
      result, countedBy: result === null ? null : 'batches', updatedAt: '2020-07-16T03:00:00Z',
      candidates: c.candidates.map((x, i) => ({ id: x.id, delegateId: null, fullName: x.fullName, birthDate: null, source: 'committee-list', position: i + 1, status: 'listed', pollAgree: null, voided: null })),
    }],
  };
};

export const attendanceOf = (present: number): z.infer<typeof AttendanceView> => ({
  sessionId: 2, session: { id: 2, title: 'Phiên chính thức', position: 2, freshCheckin: false }, presentInCongress: present, presentNotVoting: 0,
  summoned: 256, base: 254, present, threshold: majorityThreshold(254), nothingCanPass: 2 * present <= 254, quorumMet: null, exclusions: {},
});

export const checkinOf = (id: number, delegateId: number): z.infer<typeof CheckinView> => ({
  id, sessionId: 2, delegateId, fullName: delegates[delegateId - 1]!.fullName, at: '2020-07-15T00:30:00Z', method: 'qr', desk: 'web',
});
