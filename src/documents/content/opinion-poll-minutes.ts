/** Minutes of the opinion poll on nominees and self-nominees (docs/rules.md §4): admitted when > 30% of those present agree. */
import { formatDateLong, formatPercent } from '../../locale/vi.ts';
import { ballotForm, ok, type Result, type RuleError } from '../../rules/index.ts';
import { congressName, participantWord } from '../labels.ts';
import type { OpinionPollMinutesInput } from '../model.ts';
import { b, col, heading, p, table, type DocumentContent } from './blocks.ts';
import {
  ballotsSection, boardSection, boardSigners, checkCountInput, closing, n, pick, settingsSection, voidedNominationsSection, methodSentence, timesSentence, votesTable,
} from './count-sections.ts';
import { countingMinutesFrame } from './subjects.ts';

export const opinionPollMinutesContent = (input: OpinionPollMinutesInput): Result<DocumentContent, RuleError> => {
  const { header: h, round, attendance, count: c } = input;
  const checked = checkCountInput(round, attendance.congress, input.ballotsIssued, c.results, c.base, attendance.presentAtVoting);
  if (!checked.ok) return checked;
  const who = participantWord(h);
  const admitted = new Set(c.admitted);
  return ok({
    ...countingMinutesFrame(h, round),
    blocks: [
      p(`Hôm nay, ${formatDateLong(h.date)}, tại ${h.place}, ${congressName(h)} tiến hành lấy phiếu xin ý kiến về `,
        `${n(round.candidates.length)} đồng chí được giới thiệu, tự ứng cử vào danh sách bầu cử.`),
      ...voidedNominationsSection(round),
      ...timesSentence(input.times),
      ...methodSentence(input.method),
      ...boardSection('I. BAN KIỂM PHIẾU', round.board, 'Trưởng ban', 'Ủy viên'),
      heading('II. SỐ ĐẠI BIỂU'),
      p(`- Tổng số ${who} chính thức được triệu tập: `, b(n(attendance.congress.officialSummoned)), '.'),
      p(`- Số ${who} có mặt khi lấy phiếu: `, b(n(c.base)), `. Người được đưa vào danh sách bầu cử phải được trên 30% số ${who} có mặt đồng ý, tức ít nhất `,
        b(n(c.threshold)), ' phiếu.'),
      ...ballotsSection('III. SỐ PHIẾU', ballotForm(round), input.ballotsIssued, c.ballots),
      heading('IV. KẾT QUẢ (theo thứ tự trong phiếu)'),
      table(
        [col('STT', 7, 'center'), col('Họ và tên', 40), col('Số phiếu đồng ý', 16, 'right'), col('Tỷ lệ so với số có mặt', 18, 'right'), col('Kết quả', 20, 'center')],
        c.results.map((r, k) => [n(k + 1), r.name, n(r.votes), formatPercent(r.percent), admitted.has(r.id) ? 'Trên 30%' : 'Không đủ 30%']),
      ),
      c.admitted.length > 0
        ? p(`Các đồng chí được trên 30% số ${who} có mặt đồng ý (xếp theo số phiếu từ cao xuống thấp):`)
        : p(b(`Không có đồng chí nào được trên 30% số ${who} có mặt đồng ý.`)),
      ...(c.admitted.length > 0 ? [votesTable(pick(c.results, c.admitted), 'Số phiếu đồng ý', 'Tỷ lệ')] : []),
      p('Nếu số người đủ điều kiện làm danh sách vượt số dư tối đa do Đại hội quyết định, người được đưa vào danh sách lấy theo số phiếu từ cao xuống thấp cho đến khi đủ số dư tối đa; Đại hội biểu quyết thông qua danh sách bầu cử.'),
      ...settingsSection('V. CÁC QUY ĐỊNH ÁP DỤNG KHI KIỂM PHIẾU', round),
      ...closing(),
      { kind: 'signatures', signers: boardSigners(round.board) },
    ],
  });
};
