/** The parts every counting minutes shares: the board, attendance and base, ballots, results, settings, signatures. */
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import {
  INVALID_REASONS, INVALID_REASON_LABELS, ballotForm, ballotLimit, computeBase, countSettingsThatApply, describeCountSettings, err, ok, ruleError,
  type BallotForm, type BallotSummary, type CandidateId, type CandidateResult, type CongressAttendance, type InvalidReason,
  type Result, type RuleError,
} from '../../rules/index.ts';
import { participantWord } from '../labels.ts';
import type { CongressHeader, CountingBoard, CountMethod, CountTimes, ElectionRound } from '../model.ts';
import { b, col, heading, p, table, type Block, type Run, type Signer } from './blocks.ts';

export const n = formatInteger;

/** "1. Đồng chí Nguyễn Văn An – Trưởng ban" … */
export const boardSection = (title: string, board: CountingBoard, headRole: string, memberRole: string): Block[] => [
  heading(title),
  p(`Gồm ${n(board.members.length + 1)} đồng chí:`),
  ...[board.head, ...board.members].map((name, k) =>
    p(`${k + 1}. Đồng chí ${name} – ${k === 0 ? headRole : memberRole}.`)),
];

export const timesSentence = (t: CountTimes | undefined): Block[] => {
  if (t === undefined || (t.start === undefined && t.end === undefined)) return [];
  const parts = [t.start ? `bắt đầu kiểm phiếu lúc ${t.start}` : null, t.end ? `kết thúc lúc ${t.end}` : null].filter((x) => x !== null);
  return [p(`Ban Kiểm phiếu ${parts.join(', ')}.`)];
};

/** How the ballots were counted (docs/rules.md §10): by computer with independent entries, or by hand. */
export const methodSentence = (m: CountMethod | undefined): Block[] => {
  if (m === undefined) return [];
  return m.kind === 'batches'
    ? [p(`Phiếu bầu được nhập độc lập ${n(m.entries)} lần trên máy tính; Ban Kiểm phiếu đối chiếu các lần nhập và quyết định mọi chỗ khác nhau (nhật ký nhập phiếu kèm theo).`)]
    : [p(`Ban Kiểm phiếu kiểm phiếu bằng tay; các số liệu trong biên bản này được nhập từ biên bản kiểm phiếu giấy do Trưởng Ban Kiểm phiếu, đồng chí ${m.signedBy}, ký xác nhận.`)];
};

const exclusionLines = (a: CongressAttendance): Array<readonly [string, number]> => {
  switch (a.kind) {
    case 'delegates':
      return [
        ['Số cấp ủy viên triệu tập Đại hội vắng mặt suốt thời gian Đại hội', a.conveningMembersAbsentWhole],
        ['Số đại biểu chính thức vắng mặt suốt thời gian Đại hội, không có đại biểu dự khuyết thay thế', a.officialsAbsentWholeNotReplaced],
      ];
    case 'members':
      return [
        ['Số đảng viên đang sinh hoạt tạm thời ở đảng bộ khác', a.temporarilyAttachedElsewhere],
        ['Số đảng viên được miễn sinh hoạt không dự Đại hội', a.exemptedNotAttending],
        ['Số đảng viên bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam', a.suspendedProsecutedOrDetained],
        ['Số đảng viên vắng mặt suốt thời gian Đại hội có lý do được cấp ủy triệu tập chấp nhận', a.absentWholeExcused],
      ];
  }
};

/** Summoned, present at voting, absent; the base and what was taken out of it. */
export const attendanceSection = (
  title: string, h: CongressHeader, a: CongressAttendance, presentAtVoting: number, base: number, threshold: number,
): Block[] => {
  const who = participantWord(h);
  const absent = a.officialSummoned - presentAtVoting;
  return [
    heading(title),
    p(`- Tổng số ${who} chính thức được triệu tập: `, b(n(a.officialSummoned)), '.'),
    p(`- Số ${who} có mặt khi bỏ phiếu: `, b(n(presentAtVoting)), `; vắng mặt: `, b(n(absent)), '.'),
    ...exclusionLines(a).map(([label, value]) => p(`- ${label}: `, b(n(value)), '.')),
    p(`- Số ${who} làm căn cứ tính kết quả bầu cử (N): `, b(n(base)),
      `. Người trúng cử phải được số phiếu bầu quá một nửa so với N, tức ít nhất `, b(n(threshold)), ' phiếu.'),
  ];
};

/** Reasons a ballot of this form can be invalid, then any other reason that actually occurred. */
const reasonsShown = (form: BallotForm, s: BallotSummary): InvalidReason[] => {
  const byForm: Readonly<Record<BallotForm, readonly InvalidReason[]>> = {
    'strike-out': ['not-issued', 'write-in', 'identifying-mark', 'over-seats', 'all-struck'],
    'agree-disagree': ['not-issued', 'write-in', 'identifying-mark', 'over-seats'],
    single: ['not-issued', 'write-in', 'identifying-mark', 'no-choice'],
    'opinion-poll': ['not-issued', 'write-in', 'identifying-mark'],
    'write-in': ['not-issued', 'identifying-mark'],
  };
  return INVALID_REASONS.filter((r) => byForm[form].includes(r) || s.invalidByReason[r] > 0);
};

export const ballotsSection = (title: string, form: BallotForm, issued: number, s: BallotSummary): Block[] => [
  heading(title),
  p('- Số phiếu phát ra: ', b(n(issued)), '.'),
  p('- Số phiếu thu vào: ', b(n(s.total)), '.'),
  p('- Số phiếu hợp lệ: ', b(n(s.valid)), '.'),
  p('- Số phiếu không hợp lệ: ', b(n(s.invalid)), s.invalid > 0 ? ', trong đó:' : '.'),
  ...(s.invalid > 0
    ? reasonsShown(form, s).map((r) => p(`+ ${INVALID_REASON_LABELS[r].vi}: `, b(n(s.invalidByReason[r])), '.'))
    : []),
];

/** Number, name, votes and % of the base, in the given order. */
export const votesTable = (rows: readonly CandidateResult[], votesTitle: string, percentTitle: string): Block =>
  table(
    [col('STT', 7, 'center'), col('Họ và tên', 46), col(votesTitle, 18, 'right'), col(percentTitle, 18, 'right')],
    rows.map((r, k) => [n(k + 1), r.name, n(r.votes), formatPercent(r.percent)]),
  );

export const pick = (results: readonly CandidateResult[], ids: readonly CandidateId[]): CandidateResult[] => {
  const byId = new Map(results.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
};

const FORM_SENTENCE: Readonly<Record<BallotForm, string>> = {
  'strike-out': 'danh sách có số dư, đại biểu gạch cả họ và tên người không bầu',
  'agree-disagree': 'danh sách không có số dư, đánh dấu vào ô "Đồng ý" hoặc "Không đồng ý" cho từng người',
  single: 'bầu một người, đánh dấu vào ô "Đồng ý" hoặc "Không đồng ý"',
  'opinion-poll': 'phiếu xin ý kiến, đánh dấu vào ô "Đồng ý" hoặc "Không đồng ý" cho từng người',
  'write-in': 'phiếu giới thiệu, ghi họ và tên một đồng chí',
};

/**
 * The ballot form and the count settings in force that apply to this election (docs/rules.md [open] items are never
 * decided silently; a setting that cannot change this count is not printed).
 */
export const settingsSection = (title: string, round: ElectionRound): Block[] => {
  const form = ballotForm(round);
  const limit = form === 'strike-out' || form === 'agree-disagree' ? [p(`- Mỗi phiếu bầu không quá ${n(ballotLimit(round))} người.`)] : [];
  return [
    heading(title),
    p(`- Hình thức phiếu: ${FORM_SENTENCE[form]}.`),
    ...limit,
    ...describeCountSettings(round.settings, countSettingsThatApply(round.kind, form)).map((line) => p(`- ${line.label_vi}: `, b(line.value_vi), '.')),
  ];
};

/** Nominations voided while the list was drawn up: not on the ballot, never silently gone (docs/rules.md §4). */
export const voidedNominationsSection = (round: ElectionRound): Block[] => {
  const voided = round.voidedNominations ?? [];
  if (voided.length === 0) return [];
  return [
    p('Việc giới thiệu các đồng chí sau đã được hủy trước khi lập danh sách bầu cử (giữ trong biên bản, không có hiệu lực):'),
    ...voided.map((v) => {
      const name: Run = { text: v.name, strike: true };
      return p('- ', name, ` (đã hủy: ${v.reason}; người hủy: ${v.by}).`);
    }),
  ];
};

export const closing = (): Block[] => [
  p('Biên bản được lập thành 03 bản, đã đọc lại cho các thành viên Ban Kiểm phiếu cùng nghe, thống nhất thông qua và ký tên.'),
];

export const boardSigners = (board: CountingBoard): Signer[] => {
  const head: Signer = { caption: ['TRƯỞNG BAN KIỂM PHIẾU'], name: board.head };
  const members = board.members.map((name): Signer => ({ caption: ['ỦY VIÊN'], name }));
  // The head signs at the right of the first row.
  return members.length === 0 ? [head] : [members[0]!, head, ...members.slice(1)];
};

const fail = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en));

/** What the minutes check before printing: the count belongs to this round and this attendance. */
export const checkCountInput = (
  round: ElectionRound, attendance: CongressAttendance, issued: number, results: readonly CandidateResult[],
  countBase: number, expectedBase: 'base' | number,
): Result<number, RuleError> => {
  const base = computeBase(attendance);
  if (!base.ok) return base;
  const expected = expectedBase === 'base' ? base.value : expectedBase;
  if (countBase !== expected) {
    return fail('minutes.base', `Kết quả kiểm phiếu tính trên ${countBase}, khác với số làm căn cứ ${expected}.`,
      `The count was measured against ${countBase}, not the expected ${expected}.`);
  }
  if (!Number.isInteger(issued) || issued < 0) {
    return fail('minutes.issued', 'Số phiếu phát ra phải là số nguyên không âm.', 'Ballots issued must be a non-negative integer.');
  }
  const ids = round.candidates.map((c) => c.id).join('\n');
  if (results.map((r) => r.id).join('\n') !== ids) {
    return fail('minutes.candidates', 'Kết quả kiểm phiếu không khớp với danh sách bầu cử của vòng bầu này.',
      'The count does not match the list of this round.');
  }
  return ok(base.value);
};
