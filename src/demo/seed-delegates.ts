/**
 * The 256 summoned official delegates of the seed congress and a few alternates, generated from a seed:
 * 31 ex officio (the outgoing committee, the convening committee), 3 appointed, 222 elected by the grassroots
 * organisations in proportion to their Party members; 95 women (37.1%), 154 from ethnic minorities (60.2%).
 */
import { ETHNICITY_QUOTAS, type Gender } from './names.ts';
import type { DemoOrganisation } from './organisations.ts';
import { makePerson } from './people.ts';
import type { Random } from './random.ts';
import type { DemoDelegate } from './seed-types.ts';

export const OFFICIAL_DELEGATES = 256;
export const EX_OFFICIO = 31;
export const APPOINTED = 3;
export const ELECTED = OFFICIAL_DELEGATES - EX_OFFICIO - APPOINTED;
export const WOMEN = 95;
export const ALTERNATES = 4;
export const HOST_KEY = 'host';

/** The leaders of the Bloc's own committee, in the order of the outgoing standing committee. */
const BLOC_LEADERS = [
  'Bí thư Đảng ủy Khối các cơ quan tỉnh', 'Phó Bí thư Thường trực Đảng ủy Khối', 'Phó Bí thư Đảng ủy Khối',
  'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối', 'Trưởng Ban Tổ chức Đảng ủy Khối', 'Trưởng Ban Tuyên giáo Đảng ủy Khối',
  'Chánh Văn phòng Đảng ủy Khối',
];

/** What the head of a unit is called: "Giám đốc", "Cục trưởng", "Hiệu trưởng"… */
const headTitle = (unit: string): string => {
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/^Sở |^Kho bạc|^Bệnh viện|^Trung tâm|^Đài|^Bảo hiểm|^Ngân hàng|^Quỹ|^Bảo tàng|^Công ty|^Nhà xuất bản/, 'Giám đốc'],
    [/^Cục /, 'Cục trưởng'], [/^Chi cục/, 'Chi cục trưởng'], [/^Trường/, 'Hiệu trưởng'], [/^Văn phòng/, 'Chánh Văn phòng'],
    [/^Thanh tra/, 'Chánh Thanh tra'], [/^Tòa án/, 'Chánh án'], [/^Viện Kiểm sát/, 'Viện trưởng'], [/^Báo /, 'Tổng Biên tập'],
    [/^Tỉnh đoàn/, 'Bí thư'], [/^Hội |^Liên đoàn|^Liên minh|^Liên hiệp|^Ủy ban Mặt trận/, 'Chủ tịch'],
    [/^Ủy ban Kiểm tra/, 'Phó Chủ nhiệm Thường trực'], [/^Ban /, 'Phó Trưởng Ban Thường trực'],
  ];
  return rules.find(([re]) => re.test(unit))?.[1] ?? 'Thủ trưởng';
};

export const unitOf = (orgName: string): string => orgName.replace(/^(Đảng bộ|Chi bộ) /, '');

/** Seats in proportion to members, at least one each, largest remainders first. */
export const allocateSeats = (orgs: readonly DemoOrganisation[], seats: number): number[] => {
  const total = orgs.reduce((s, o) => s + o.partyMembers, 0);
  const rest = seats - orgs.length;
  const exact = orgs.map((o) => (o.partyMembers / total) * rest);
  const out = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = seats - out.reduce((s, n) => s + n, 0);
  for (const [, i] of order) {
    if (left === 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left -= 1;
  }
  return out;
};

interface Slot {
  readonly category: DemoDelegate['category'];
  readonly organisationKey: string;
  readonly position: (gender: Gender) => string;
  readonly age: readonly [number, number];
  readonly convening: boolean;
}

const electedPosition = (rng: Random, org: DemoOrganisation): string => {
  const unit = unitOf(org.name);
  return rng.weighted<string>([
  [`Phó Bí thư ${org.partyMembers >= 30 ? 'Đảng ủy' : 'Chi bộ'}, Phó ${headTitle(unit)} ${unit}`, 2],
  [`Bí thư Chi bộ, Trưởng phòng, ${unit}`, 4],
  [`Phó Trưởng phòng, ${unit}`, 3],
  [`Chuyên viên chính, ${unit}`, 3],
  [`Chuyên viên, ${unit}`, 2],
  ]);
};

const slots = (rng: Random, orgs: readonly DemoOrganisation[]): Slot[] => {
  const byMembers = [...orgs].sort((a, b) => b.partyMembers - a.partyMembers);
  const exOfficio: Slot[] = [
    ...BLOC_LEADERS.map((title): Slot => ({ category: 'ex-officio', organisationKey: HOST_KEY, position: () => title,
      age: [45, 59], convening: true })),
    ...byMembers.slice(0, EX_OFFICIO - BLOC_LEADERS.length).map((o): Slot => {
      const unit = unitOf(o.name);
      return { category: 'ex-officio', organisationKey: o.key, age: [44, 59], convening: true,
        position: () => `Bí thư ${o.partyMembers >= 30 ? 'Đảng ủy' : 'Chi bộ'}, ${headTitle(unit)} ${unit}` };
    }),
  ];
  const seats = allocateSeats(orgs, ELECTED);
  const elected = orgs.flatMap((o, i) => Array.from({ length: seats[i] ?? 0 }, (): Slot => {
    const position = electedPosition(rng, o);
    return { category: 'elected', organisationKey: o.key, age: [28, 58], convening: false, position: () => position };
  }));
  const smallest = [...orgs].sort((a, b) => a.partyMembers - b.partyMembers).slice(0, APPOINTED);
  const appointed = smallest.map((o): Slot => ({ category: 'appointed', organisationKey: o.key, age: [38, 57],
    convening: false, position: () => `Bí thư Chi bộ (chỉ định), ${unitOf(o.name)}` }));
  return [...exOfficio, ...elected, ...appointed];
};

const EDUCATION: ReadonlyArray<readonly [string, number]> = [['Đại học', 62], ['Thạc sĩ', 33], ['Tiến sĩ', 2], ['Cao đẳng', 3]];
const THEORY: ReadonlyArray<readonly [string, number]> = [['Cao cấp', 38], ['Trung cấp', 50], ['Sơ cấp', 12]];

/** Officials in code order 001–256, then the alternates 257–260. */
export const generateDelegates = (rng: Random, orgs: readonly DemoOrganisation[]): DemoDelegate[] => {
  const all = slots(rng, orgs);
  const ethnicities = rng.shuffle(ETHNICITY_QUOTAS.flatMap(([e, n]) => Array.from({ length: n }, () => e)));
  // 6 women among the ex officio, the rest of the 95 among the others.
  const exWomen = new Set(rng.shuffle(Array.from({ length: EX_OFFICIO }, (_, i) => i)).slice(0, 6));
  const otherWomen = new Set(rng.shuffle(Array.from({ length: all.length - EX_OFFICIO }, (_, i) => i + EX_OFFICIO)).slice(0, WOMEN - 6));
  const taken = new Set<string>();
  const officials = all.map((slot, i): DemoDelegate => {
    const gender: Gender = exWomen.has(i) || otherWomen.has(i) ? 'female' : 'male';
    const p = makePerson(rng, gender, ethnicities[i] ?? 'Kinh', slot.age, taken);
    return {
      code: String(i + 1).padStart(3, '0'), ...p,
      education: slot.category === 'ex-officio' ? rng.weighted([['Thạc sĩ', 55], ['Đại học', 38], ['Tiến sĩ', 7]]) : rng.weighted(EDUCATION),
      politicalTheory: slot.category === 'elected' ? rng.weighted(THEORY) : 'Cao cấp',
      position: slot.position(gender), organisationKey: slot.organisationKey, category: slot.category,
      standing: 'official', status: 'summoned', statusReason: null, replacedByCode: null, isConveningMember: slot.convening,
    };
  });
  const alternateOrgs = [...orgs].sort((a, b) => b.partyMembers - a.partyMembers).slice(0, ALTERNATES);
  const alternates = alternateOrgs.map((o, k): DemoDelegate => {
    const gender: Gender = k % 2 === 0 ? 'female' : 'male';
    const p = makePerson(rng, gender, rng.weighted(ETHNICITY_QUOTAS), [28, 50], taken);
    return {
      code: String(OFFICIAL_DELEGATES + k + 1).padStart(3, '0'), ...p, education: rng.weighted(EDUCATION),
      politicalTheory: rng.weighted(THEORY), position: electedPosition(rng, o), organisationKey: o.key,
      category: 'elected', standing: 'alternate', status: 'summoned', statusReason: null, replacedByCode: null,
      isConveningMember: false,
    };
  });
  return markAbsences(officials, alternates);
};

/**
 * Before the congress: 2 convening-committee members and 4 official delegates excused for the whole congress,
 * and one official replaced by the first alternate of the same organisation. N_base = 256 − 6 = 250.
 */
const markAbsences = (officials: DemoDelegate[], alternates: DemoDelegate[]): DemoDelegate[] => {
  const set = (i: number, status: DemoDelegate['status'], reason: string, replacedByCode: string | null = null): void => {
    const d = officials[i]!;
    officials[i] = { ...d, status, statusReason: reason, replacedByCode };
  };
  set(24, 'absent-whole', 'Đi học tập trung dài hạn');
  set(29, 'absent-whole', 'Ốm, đang điều trị tại bệnh viện');
  const elected = officials.map((d, i) => [d, i] as const).filter(([d]) => d.category === 'elected');
  const reasons = ['Đi công tác nước ngoài', 'Ốm, điều trị dài ngày', 'Có việc gia đình đột xuất', 'Đi học tập trung'];
  [40, 95, 150, 205].forEach((k, j) => {
    const entry = elected[k];
    if (entry !== undefined) set(entry[1], 'absent-whole', entry[0].gender === 'female' && j === 3 ? 'Nghỉ chế độ thai sản' : reasons[j]!);
  });
  const alt = alternates[0]!;
  const replaced = elected.find(([d]) => d.organisationKey === alt.organisationKey && d.status === 'summoned');
  if (replaced !== undefined) set(replaced[1], 'replaced', 'Đi công tác đột xuất; đại biểu dự khuyết thay thế', alt.code);
  return [...officials, ...alternates];
};
