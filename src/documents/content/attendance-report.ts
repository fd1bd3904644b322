/** Attendance against N_base for one session (docs/rules.md §1). */
import { formatPercent } from '../../locale/vi.ts';
import { attendanceStatus, computeBase, err, ok, percentOf, ruleError, type Result, type RuleError } from '../../rules/index.ts';
import { participantWord } from '../labels.ts';
import type { AttendanceReportInput } from '../model.ts';
import { b, col, heading, p, table, type DocumentContent } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';

export const attendanceReportContent = (input: AttendanceReportInput): Result<DocumentContent, RuleError> => {
  const h = input.header;
  const base = computeBase(input.attendance);
  if (!base.ok) return base;
  const absent = input.attendance.officialSummoned - input.present;
  if (!Number.isInteger(input.present) || absent < 0 || absent !== input.absentees.length) {
    return err(ruleError('attendance.absentees',
      `Số vắng mặt (${input.attendance.officialSummoned} triệu tập − ${input.present} có mặt) khác với danh sách vắng mặt (${input.absentees.length} người).`,
      `The absent (${input.attendance.officialSummoned} summoned − ${input.present} present) differ from the list of absentees (${input.absentees.length}).`,
      'absentees'));
  }
  const s = attendanceStatus(base.value, input.present, input.quorum);
  const who = participantWord(h);
  const quorum = input.quorum === null
    ? 'Không áp dụng tỷ lệ có mặt tối thiểu (cài đặt mặc định).'
    : `Tỷ lệ có mặt tối thiểu theo cài đặt: ${n(input.quorum.numerator)}/${n(input.quorum.denominator)} số làm căn cứ — ${s.quorumMet ? 'đạt' : 'không đạt'}.`;
  return ok({
    header: documentHeader(h, 'Đoàn Thư ký'),
    title: 'BÁO CÁO TÌNH HÌNH ĐẠI BIỂU CÓ MẶT',
    subtitles: [input.session],
    date: h.date,
    blocks: [
      p(`- Tổng số ${who} chính thức được triệu tập: `, b(n(input.attendance.officialSummoned)), '.'),
      p(`- Số ${who} làm căn cứ (N): `, b(n(s.base)), `; quá một nửa là ít nhất `, b(n(s.threshold)), '.'),
      p(`- Số ${who} có mặt: `, b(n(s.present)), ` (${formatPercent(percentOf(s.present, s.base))} so với N); vắng mặt: `,
        b(n(absent)), '.'),
      ...(s.nothingCanPass ? [p(b(`Cảnh báo: số có mặt không quá một nửa số làm căn cứ; không nội dung nào có thể được thông qua.`))] : []),
      p(`- ${quorum}`),
      ...(input.absentees.length > 0
        ? [heading(`Danh sách ${who} vắng mặt`),
          table([col('STT', 8, 'center'), col('Họ và tên', 34), col('Đơn vị', 32), col('Lý do', 26)],
            input.absentees.map((a, k) => [n(k + 1), a.name, a.delegation, a.reason ?? '']))]
        : []),
      { kind: 'signatures', signers: [{ caption: ['TM. ĐOÀN THƯ KÝ', 'TRƯỞNG ĐOÀN'], name: input.signedBy.head }] },
    ],
  });
};
