/**
 * The seed congress (pure: plain data from a seed, no I/O): the XIV Congress of the Provincial Agencies Bloc
 * Party Committee of Lạng Sơn, term 2020–2025, 15–16 July 2020. `load.ts` puts it into a database.
 */
import { inBallotOrder } from '../rules/name-order.ts';
import { demoOrganisations, DEMO_PARTY_MEMBERS } from './organisations.ts';
import { seededRandom, type Random } from './random.ts';
import { generateDelegates, HOST_KEY, unitOf } from './seed-delegates.ts';
import { DEMO_SESSIONS } from './seed-sessions.ts';
import type { DemoBody, DemoCongress, DemoDelegate, DemoElection, DemoTarget, DemoUser } from './seed-types.ts';

/** A contribution's text as delegates write them: the greeting, what the unit did, what it proposes. */
const speechText = (unit: string): string => [
  'Kính thưa Đoàn Chủ tịch đại hội, thưa các vị đại biểu khách quý, thưa toàn thể đại hội!',
  `Nhiệm kỳ qua, ${unit} đã tập trung đổi mới nội dung, hình thức sinh hoạt chi bộ; mỗi kỳ sinh hoạt chọn một chuyên đề gắn với nhiệm vụ chính trị của cơ quan, đảng viên được chuẩn bị trước và phát biểu thẳng thắn.`,
  'Từ thực tiễn đó, chúng tôi đề nghị Đảng ủy Khối tiếp tục hướng dẫn sinh hoạt chuyên đề, tăng cường kiểm tra, giám sát việc thực hiện quy định nêu gương của cán bộ, đảng viên, nhất là người đứng đầu.',
  'Xin kính chúc sức khỏe các đồng chí, chúc đại hội thành công tốt đẹp. Xin trân trọng cảm ơn!',
].join('\n\n');

export const DEMO_CODE = 'lso-khoi-xiv';
export const DEMO_SEED = 20200715;

const TARGETS: readonly DemoTarget[] = [
  { name: 'Kết nạp đảng viên mới trong nhiệm kỳ', target: 'Từ 600 đảng viên trở lên', result: '712 đảng viên', assessment: 'exceeded' },
  { name: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm', target: 'Từ 90% trở lên', result: 'Bình quân 95,6%', assessment: 'exceeded' },
  { name: 'Đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm', target: 'Từ 90% trở lên', result: 'Bình quân 94,1%', assessment: 'exceeded' },
  { name: 'Cán bộ, đảng viên học tập, quán triệt nghị quyết, chỉ thị của Đảng', target: '100%', result: '100%', assessment: 'met' },
  { name: 'Kiểm tra, giám sát tổ chức đảng và đảng viên theo chương trình', target: '100% kế hoạch', result: '100% kế hoạch', assessment: 'met' },
  { name: 'Cơ quan, đơn vị đạt danh hiệu cơ quan, đơn vị văn hóa', target: 'Từ 95% trở lên', result: '98,5%', assessment: 'exceeded' },
  { name: 'Công đoàn, Đoàn Thanh niên cơ sở vững mạnh', target: 'Từ 85% trở lên', result: '92,3%', assessment: 'exceeded' },
  { name: 'Quần chúng ưu tú được bồi dưỡng nhận thức về Đảng trước khi kết nạp', target: '100%', result: '100%', assessment: 'met' },
];

const present = (d: DemoDelegate): boolean => d.standing === 'official' && d.status === 'summoned';

/** Candidate lists: the committee (24 seats, 27 names) and the delegation (20 + 2 seats, 24 names). */
const elections = (rng: Random, delegates: readonly DemoDelegate[]): DemoElection[] => {
  const exOfficio = delegates.filter((d) => d.category === 'ex-officio' && present(d));
  const younger = rng.shuffle(delegates.filter((d) => d.category === 'elected' && present(d)
    && Number(d.birthDate.slice(0, 4)) >= 1975 && d.position.startsWith('Phó Bí thư')));
  const committee = [...exOfficio.slice(0, 21), ...younger.slice(0, 6)];
  const delegationPool = [...exOfficio.slice(0, 14), ...younger.slice(6, 10),
    ...rng.shuffle(delegates.filter((d) => d.category === 'elected' && present(d) && !younger.includes(d))).slice(0, 6)];
  const listOf = (people: readonly DemoDelegate[]): DemoElection['candidates'] =>
    inBallotOrder(people.map((d) => ({ name: d.fullName, birthDate: d.birthDate, code: d.code })))
      .map((p) => ({ delegateCode: p.code, source: 'committee-list' as const }));
  return [
    { key: 'committee', kind: 'committee', title: 'Bầu Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV, nhiệm kỳ 2020 - 2025',
      seats: 24, alternateSeats: 0, maxSurplus: 3, candidates: listOf(committee) },
    { key: 'secretary-poll', kind: 'secretary-poll', title: 'Lấy phiếu giới thiệu Bí thư Đảng ủy Khối khóa XIV',
      seats: 1, alternateSeats: 0, maxSurplus: null, candidates: [] },
    { key: 'delegation', kind: 'delegates', title: 'Bầu đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII',
      seats: 20, alternateSeats: 2, maxSurplus: null, candidates: listOf(delegationPool) },
  ];
};

/** Bodies elected at the preparatory session; the counting board holds no candidate of any election. */
const bodies = (rng: Random, delegates: readonly DemoDelegate[], candidates: ReadonlySet<string>): DemoBody[] => {
  const exOfficio = delegates.filter((d) => d.category === 'ex-officio' && present(d));
  const others = rng.shuffle(delegates.filter((d) => d.category === 'elected' && present(d) && !candidates.has(d.code)));
  const members = (list: readonly DemoDelegate[]): DemoBody['members'] =>
    list.map((d, i) => ({ delegateCode: d.code, role: i === 0 ? 'head' : 'member' }));
  return [
    { kind: 'presidium', title: 'Đoàn Chủ tịch Đại hội', members: members([...exOfficio.slice(0, 3), exOfficio[7]!, exOfficio[9]!,
      exOfficio[12]!, exOfficio[15]!]) },
    { kind: 'secretariat', title: 'Đoàn Thư ký Đại hội', members: members(others.slice(0, 3)) },
    { kind: 'credentials', title: 'Ban Thẩm tra tư cách đại biểu', members: members([exOfficio[4]!, exOfficio[3]!, ...others.slice(3, 6)]) },
    { kind: 'counting-board', title: 'Ban Kiểm phiếu', members: members(others.slice(6, 13)) },
  ];
};

const USERS: readonly DemoUser[] = [
  { username: 'lso.quantri', displayName: 'Quản trị đại hội (Văn phòng Đảng ủy Khối)', role: 'admin', electionKeys: [] },
  { username: 'lso.thuky', displayName: 'Đoàn Thư ký Đại hội', role: 'secretariat', electionKeys: [] },
  { username: 'lso.chutich', displayName: 'Đoàn Chủ tịch Đại hội', role: 'presidium', electionKeys: [] },
  { username: 'lso.kiemphieu', displayName: 'Trưởng Ban Kiểm phiếu', role: 'counting-board',
    electionKeys: ['committee', 'secretary-poll', 'delegation'] },
  { username: 'lso.kythuat', displayName: 'Kỹ thuật viên nhập phiếu', role: 'technician', electionKeys: [] },
  { username: 'lso.manhinh', displayName: 'Màn hình hội trường', role: 'screen', electionKeys: [] },
];

export const demoCongress = (seed: number = DEMO_SEED): DemoCongress => {
  const rng = seededRandom(seed);
  const orgs = demoOrganisations();
  const delegates = generateDelegates(rng, orgs);
  const electionList = elections(rng, delegates);
  const candidates = new Set(electionList.flatMap((e) => e.candidates.map((c) => c.delegateCode)));
  const orgName = new Map(orgs.map((o) => [o.key, unitOf(o.name)]));
  const speakers = rng.shuffle(delegates.filter((d) => d.category === 'ex-officio' && present(d)).slice(7)).slice(0, 6)
    .map((d) => {
      const unit = orgName.get(d.organisationKey) ?? 'cơ sở';
      return { delegateCode: d.code, title: `Nâng cao chất lượng sinh hoạt chi bộ, xây dựng tổ chức đảng trong sạch, vững mạnh ở ${unit}`, text: speechText(unit) };
    });
  return {
    seed,
    congress: {
      code: DEMO_CODE, higherOrganisationName: 'ĐẢNG BỘ TỈNH LẠNG SƠN',
      organisationName: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', kind: 'delegates', ordinal: 'XIV',
      termStartYear: 2020, termEndYear: 2025, startDate: '2020-07-15', endDate: '2020-07-16',
      venue: 'Hội trường Trung tâm Hội nghị tỉnh, thành phố Lạng Sơn', place: 'Lạng Sơn',
    },
    organisations: [
      { key: HOST_KEY, name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', role: 'host', partyMembers: DEMO_PARTY_MEMBERS },
      ...orgs.map((o) => ({ key: o.key, name: o.name, role: 'member' as const, partyMembers: o.partyMembers })),
    ],
    delegates,
    sessions: DEMO_SESSIONS,
    bodies: bodies(rng, delegates, candidates),
    elections: electionList,
    targets: TARGETS,
    speakers,
    documents: [{ title: 'Chương trình Đại hội', fileName: 'chuong-trinh-dai-hoi.txt', mimeType: 'text/plain; charset=utf-8',
      visibility: 'public',
      text: DEMO_SESSIONS.map((s) => `${s.title}\n${s.items.map((it, i) => `  ${i + 1}. ${it.title}`).join('\n')}`).join('\n\n') }],
    users: USERS,
  };
};
