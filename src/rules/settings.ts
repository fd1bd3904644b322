import type { BallotForm, ElectionKind } from './election.ts';

/**
 * Every [open] item of docs/rules.md that the core touches, as a named setting with the default docs/rules.md gives.
 * Each value in force is printed in the minutes (see `describeSettings`); the core never decides them silently.
 */
export interface CountSettings {
  /** §6 [practice]: officials filled, others who passed become alternates from the same ballot. */
  readonly alternatesFromSameBallot: boolean;
  /** §5 [practice/open]: a name written in from outside the list makes the ballot invalid. */
  readonly writeInInvalid: boolean;
  /** §5 [practice/open]: a signature or identifying mark makes the ballot invalid. */
  readonly identifyingMarkInvalid: boolean;
  /** §5 [practice/open]: a single-candidate ballot with both boxes or neither is invalid. */
  readonly singleCandidateBothOrNoneInvalid: boolean;
  /** §5 [open]: an unstamped ballot counts as not issued by the counting board. */
  readonly unstampedIsNotIssued: boolean;
}

export const defaultCountSettings: CountSettings = {
  alternatesFromSameBallot: true,
  writeInInvalid: true,
  identifyingMarkInvalid: true,
  singleCandidateBothOrNoneInvalid: true,
  unstampedIsNotIssued: true,
};

/** Settings of a congress as a whole; the [open] items of docs/rules.md §1, §4, §6 and §7. */
export interface CongressSettings {
  /** §1 [open]: attendance quorum as a fraction of N_base; null = no quorum (default). */
  readonly quorum: { readonly numerator: number; readonly denominator: number } | null;
  /** §4 [open]: how the 30% maximum surplus is rounded; only `floor` (max extra = ⌊0.30 × seats⌋) is lawful. */
  readonly surplusRounding: 'floor';
  /** §4 [open]: a maximum surplus for delegations to the higher congress; null = none applies (default). */
  readonly delegationMaxSurplus: number | null;
  /** §6 [open]: a tie for the last seat is resolved by a new vote among the tied, never by age. */
  readonly tieResolution: 'revote';
  /** §6 [open]: after a shortfall of a committee the congress decides whether to vote again. */
  readonly shortfallRevoteForCommittees: 'congress-decides';
  /** §7: the secretary nomination poll is held (default on). */
  readonly secretaryPoll: boolean;
  /** §3: the congress elects the secretary directly. */
  readonly directSecretaryElection: boolean;
  /** §10 [practice]: independent entries of each ballot (2 or 3). */
  readonly independentEntries: 2 | 3;
  readonly count: CountSettings;
}

export const defaultCongressSettings: CongressSettings = {
  quorum: null,
  surplusRounding: 'floor',
  delegationMaxSurplus: null,
  tieResolution: 'revote',
  shortfallRevoteForCommittees: 'congress-decides',
  secretaryPoll: true,
  directSecretaryElection: false,
  independentEntries: 2,
  count: defaultCountSettings,
};

export interface SettingLine {
  readonly key: string;
  readonly label_vi: string;
  readonly label_en: string;
  readonly value_vi: string;
  readonly value_en: string;
}

const yesNo = (b: boolean): [string, string] => (b ? ['Có', 'Yes'] : ['Không', 'No']);

const EVERY_BALLOT: readonly (keyof CountSettings)[] = ['unstampedIsNotIssued', 'writeInInvalid', 'identifyingMarkInvalid'];
const ELECTED: readonly (keyof CountSettings)[] = [...EVERY_BALLOT, 'singleCandidateBothOrNoneInvalid'];

/**
 * The count settings that can change the count of each kind of election, the one definition of it: alternates only
 * for a delegation (§6), the single-candidate rule only where one person can stand alone on a list (§5), no
 * write-in rule on the secretary poll, whose ballot is a name written in (§7).
 */
export const COUNT_SETTINGS_OF_KIND: Readonly<Record<ElectionKind, readonly (keyof CountSettings)[]>> = {
  committee: ELECTED,
  'standing-committee': ELECTED,
  secretary: ELECTED,
  'deputy-secretary': ELECTED,
  'inspection-committee': ELECTED,
  'inspection-chair': ELECTED,
  delegates: [...ELECTED, 'alternatesFromSameBallot'],
  'opinion-poll': EVERY_BALLOT,
  'secretary-poll': ['unstampedIsNotIssued', 'identifyingMarkInvalid'],
};

/**
 * The settings that apply to one election as its ballot is printed: those of its kind, and the single-candidate
 * rule only on the single-candidate form (a list of one) — on any other form it can decide nothing.
 */
export const countSettingsThatApply = (kind: ElectionKind, form: BallotForm): readonly (keyof CountSettings)[] =>
  COUNT_SETTINGS_OF_KIND[kind].filter((key) => key !== 'singleCandidateBothOrNoneInvalid' || form === 'single');

/** The lines that the minutes print for the count settings in force: all of them, or those of `keys`. */
export const describeCountSettings = (s: CountSettings, keys?: readonly (keyof CountSettings)[]): readonly SettingLine[] => {
  const line = (key: keyof CountSettings, label_vi: string, label_en: string): SettingLine => {
    const [value_vi, value_en] = yesNo(s[key]);
    return { key, label_vi, label_en, value_vi, value_en };
  };
  const lines = [
    line('unstampedIsNotIssued', 'Phiếu không có dấu của cấp ủy triệu tập là phiếu không do Ban Kiểm phiếu phát ra',
      'An unstamped ballot counts as not issued by the counting board'),
    line('writeInInvalid', 'Phiếu ghi thêm tên người ngoài danh sách là phiếu không hợp lệ',
      'A ballot with a name written in from outside the list is invalid'),
    line('identifyingMarkInvalid', 'Phiếu có chữ ký hoặc dấu hiệu nhận biết là phiếu không hợp lệ',
      'A ballot with a signature or identifying mark is invalid'),
    line('singleCandidateBothOrNoneInvalid',
      'Phiếu bầu một người đánh dấu cả hai ô hoặc không ô nào là phiếu không hợp lệ',
      'A single-candidate ballot with both boxes or neither marked is invalid'),
    line('alternatesFromSameBallot', 'Lấy đại biểu dự khuyết theo thứ tự số phiếu trên cùng lá phiếu',
      'Alternates are taken in order of votes from the same ballot'),
  ];
  return keys === undefined ? lines : lines.filter((l) => keys.includes(l.key as keyof CountSettings));
};
