/** Minutes of the secretary nomination poll (docs/rules.md §7): advisory, it elects nobody. */
import { formatDateLong } from '../../locale/vi.ts';
import { ballotForm, ok, type Result, type RuleError } from '../../rules/index.ts';
import { congressName } from '../labels.ts';
import type { SecretaryPollMinutesInput } from '../model.ts';
import { b, heading, p, type DocumentContent } from './blocks.ts';
import {
  attendanceSection, ballotsSection, boardSection, boardSigners, checkCountInput, closing, n, settingsSection, methodSentence, timesSentence,
  votesTable,
} from './count-sections.ts';
import { countingMinutesFrame } from './subjects.ts';

export const secretaryPollMinutesContent = (input: SecretaryPollMinutesInput): Result<DocumentContent, RuleError> => {
  const { header: h, round, attendance, count: c } = input;
  const checked = checkCountInput(round, attendance.congress, input.ballotsIssued, c.results, c.base, 'base');
  if (!checked.ok) return checked;
  const ranked = [...c.results].sort((x, y) => y.votes - x.votes);
  return ok({
    ...countingMinutesFrame(h, round),
    blocks: [
      p(`Hôm nay, ${formatDateLong(h.date)}, tại ${h.place}, ${congressName(h)} tiến hành lấy phiếu giới thiệu Bí thư. `,
        `Mỗi đại biểu ghi họ và tên một đồng chí trong số ${n(round.candidates.length)} Ủy viên Ban Chấp hành khóa mới.`),
      ...timesSentence(input.times),
      ...methodSentence(input.method),
      ...boardSection('I. BAN KIỂM PHIẾU', round.board, 'Trưởng ban', 'Ủy viên'),
      ...attendanceSection('II. SỐ ĐẠI BIỂU', h, attendance.congress, attendance.presentAtVoting, c.base, c.threshold),
      ...ballotsSection('III. SỐ PHIẾU', ballotForm(round), input.ballotsIssued, c.ballots),
      p('- Số phiếu không ghi tên: ', b(n(c.blank)), '.'),
      p('- Số phiếu ghi tên người không phải Ủy viên Ban Chấp hành khóa mới (không tính): ', b(n(c.unrecognized)), '.'),
      heading('IV. SỐ PHIẾU GIỚI THIỆU CHO TỪNG ĐỒNG CHÍ (theo thứ tự danh sách)'),
      votesTable(c.results, 'Số phiếu giới thiệu', 'Tỷ lệ so với N'),
      heading('V. XẾP THEO SỐ PHIẾU GIỚI THIỆU'),
      votesTable(ranked, 'Số phiếu giới thiệu', 'Tỷ lệ so với N'),
      p(b('Kết quả giới thiệu chỉ có giá trị tham khảo, không phải kết quả bầu cử. '),
        'Ban Kiểm phiếu báo cáo Đoàn Chủ tịch và đại diện cấp ủy cấp trên, bàn giao biên bản và phiếu giới thiệu cho Ban Chấp hành khóa mới.'),
      ...settingsSection('VI. CÁC QUY ĐỊNH ÁP DỤNG KHI KIỂM PHIẾU', round),
      ...closing(),
      { kind: 'signatures', signers: boardSigners(round.board) },
    ],
  });
};
