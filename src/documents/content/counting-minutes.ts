/**
 * Counting minutes of one election round (docs/rules.md §8), including the delegation to the higher congress with
 * its officials and alternates.
 */
import { formatDateLong } from '../../locale/vi.ts';
import { ballotForm, type CandidateResult, type ElectionCount, type Result, type RuleError, ok } from '../../rules/index.ts';
import { congressName } from '../labels.ts';
import type { ElectionMinutesInput } from '../model.ts';
import { b, heading, p, type Block, type DocumentContent } from './blocks.ts';
import {
  attendanceSection, ballotsSection, boardSection, boardSigners, checkCountInput, closing, n, pick, settingsSection, voidedNominationsSection,
  methodSentence, timesSentence, votesTable,
} from './count-sections.ts';
import { countingMinutesFrame } from './subjects.ts';

const names = (results: readonly CandidateResult[]): string => results.map((r) => `đồng chí ${r.name}`).join(', ');

const outcomeBlocks = (c: ElectionCount, seatsText: string, isDelegation: boolean): Block[] => {
  const blocks: Block[] = [];
  const elected = pick(c.results, c.elected);
  blocks.push(elected.length > 0
    ? p(`Căn cứ Quy chế bầu cử trong Đảng, các đồng chí có tên sau đây được số phiếu bầu quá một nửa so với N và trúng cử ${isDelegation ? 'đại biểu chính thức ' : ''}(xếp theo số phiếu từ cao xuống thấp):`)
    : p(b(`Không có đồng chí nào trúng cử${isDelegation ? ' đại biểu chính thức' : ''}.`)));
  if (elected.length > 0) blocks.push(votesTable(elected, 'Số phiếu', 'Tỷ lệ so với N'));
  if (isDelegation) {
    const alternates = pick(c.results, c.alternates ?? []);
    blocks.push(alternates.length > 0
      ? p('Các đồng chí có tên sau đây trúng cử đại biểu dự khuyết (xếp theo số phiếu; thứ tự này là thứ tự thay thế đại biểu chính thức vắng mặt):')
      : p('Không có đồng chí nào trúng cử đại biểu dự khuyết.'));
    if (alternates.length > 0) blocks.push(votesTable(alternates, 'Số phiếu', 'Tỷ lệ so với N'));
  }
  if (c.tie !== null) {
    const tied = pick(c.results, c.tie.candidates);
    blocks.push(p(b(`Có ${n(tied.length)} đồng chí bằng số phiếu nhau (${n(tied[0]?.votes ?? 0)} phiếu) cho ${n(c.tie.seats)} chỗ còn lại: ${names(tied)}. `),
      'Không đồng chí nào trong số này trúng cử; Đại hội biểu quyết việc bầu lại trong số các đồng chí này (không căn cứ vào tuổi).'));
  }
  // A delegation can tie at the alternate cut too, besides the official tie reported above.
  const alternateTie = c.remaining?.alternate.tie ?? null;
  if (c.tie !== null && alternateTie !== null && c.remaining?.official.tie !== null) {
    const tied = pick(c.results, alternateTie.candidates);
    blocks.push(p(b(`Có ${n(tied.length)} đồng chí bằng số phiếu nhau (${n(tied[0]?.votes ?? 0)} phiếu) cho ${n(alternateTie.seats)} chỗ đại biểu dự khuyết còn lại: ${names(tied)}. `),
      'Không đồng chí nào trong số này trúng cử đại biểu dự khuyết; Đại hội biểu quyết việc bầu lại trong số các đồng chí này (không căn cứ vào tuổi).'));
  }
  if (c.outcome === 'shortfall') {
    blocks.push(p(b(`Số trúng cử chưa đủ: còn thiếu ${n(c.unfilledSeats)} ${isDelegation ? 'đại biểu' : 'người'}. `),
      'Đại hội thảo luận, biểu quyết có bầu tiếp hay không, bầu trên danh sách nào và có bổ sung người vào danh sách hay không; mỗi lần bầu là một cuộc bầu mới với phiếu bầu và biên bản riêng.'));
  }
  if (c.outcome === 'complete') blocks.push(p(b(`Đã bầu đủ số lượng: ${seatsText}.`)));
  return blocks;
};

export const countingMinutesContent = (input: ElectionMinutesInput): Result<DocumentContent, RuleError> => {
  const { header: h, round, attendance, count: c } = input;
  const checked = checkCountInput(round, attendance.congress, input.ballotsIssued, c.results, c.base, 'base');
  if (!checked.ok) return checked;
  const isDelegation = round.kind === 'delegates';
  const seatsText = isDelegation
    ? `${n(round.seats)} đại biểu chính thức và ${n(round.alternateSeats)} đại biểu dự khuyết`
    : `${n(round.seats)} đồng chí`;
  const blocks: Block[] = [
    p(`Hôm nay, ${formatDateLong(h.date)}, tại ${h.place}, ${congressName(h)} tiến hành bầu cử bằng phiếu kín. `,
      `Danh sách bầu cử gồm ${n(round.candidates.length)} đồng chí; số lượng được bầu: `, b(seatsText), '.'),
    ...voidedNominationsSection(round),
    ...timesSentence(input.times),
    ...methodSentence(input.method),
    ...boardSection('I. BAN KIỂM PHIẾU', round.board, 'Trưởng ban', 'Ủy viên'),
    ...attendanceSection('II. SỐ ĐẠI BIỂU VÀ SỐ LÀM CĂN CỨ TÍNH KẾT QUẢ', h, attendance.congress, attendance.presentAtVoting, c.base, c.threshold),
    ...ballotsSection('III. SỐ PHIẾU', ballotForm(round), input.ballotsIssued, c.ballots),
    heading('IV. SỐ PHIẾU BẦU CHO TỪNG NGƯỜI (theo thứ tự trong danh sách bầu cử)'),
    votesTable(c.results, 'Số phiếu bầu', 'Tỷ lệ so với N'),
    heading('V. KẾT QUẢ'),
    ...outcomeBlocks(c, seatsText, isDelegation),
    ...settingsSection('VI. CÁC QUY ĐỊNH ÁP DỤNG KHI KIỂM PHIẾU', round),
    ...closing(),
    { kind: 'signatures', signers: boardSigners(round.board) },
  ];
  return ok({
    ...countingMinutesFrame(h, round),
    blocks,
  });
};
