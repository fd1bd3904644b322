/** The record of show-of-hands votes of a session (docs/rules.md §2): passes when `2 × agree > N_base`. */
import { formatPercent } from '../../locale/vi.ts';
import { decideShowOfHands, majorityThreshold, ok, percentOf, type Result, type RuleError, type ShowOfHandsDecision } from '../../rules/index.ts';
import { participantWord } from '../labels.ts';
import type { ShowOfHandsRecordInput } from '../model.ts';
import { b, col, p, table, type DocumentContent } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';

export const showOfHandsRecordContent = (input: ShowOfHandsRecordInput): Result<DocumentContent, RuleError> => {
  const decisions: ShowOfHandsDecision[] = [];
  for (const item of input.items) {
    const d = decideShowOfHands(item.counts, input.base, input.present);
    if (!d.ok) return d;
    decisions.push(d.value);
  }
  const who = participantWord(input.header);
  return ok({
    header: documentHeader(input.header, 'Đoàn Thư ký'),
    title: 'BIÊN BẢN BIỂU QUYẾT',
    subtitles: [input.session],
    date: input.header.date,
    blocks: [
      p(`Số ${who} làm căn cứ (N): `, b(n(input.base)), `; có mặt: `, b(n(input.present)),
        `. Một nội dung được thông qua khi có quá một nửa so với N đồng ý, tức ít nhất `, b(n(majorityThreshold(input.base))), '.'),
      table(
        [col('STT', 7, 'center'), col('Nội dung biểu quyết', 30), col('Đồng ý', 10, 'right'), col('Không đồng ý', 10, 'right'),
          col('Ý kiến khác', 10, 'right'), col('Tỷ lệ đồng ý so với N', 12, 'right'), col('Kết quả', 21, 'center')],
        input.items.map((item, k) => {
          const d = decisions[k]!;
          return [n(k + 1), item.subject, n(d.agree), n(d.disagree), n(d.other), formatPercent(percentOf(d.agree, d.base)),
            d.passed ? 'Thông qua' : 'Không thông qua'];
        }),
      ),
      { kind: 'signatures', signers: [{ caption: ['TM. ĐOÀN THƯ KÝ', 'TRƯỞNG ĐOÀN'], name: input.signedBy.head }] },
    ],
  });
};
