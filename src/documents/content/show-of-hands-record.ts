/** The record of show-of-hands votes of a session (docs/rules.md §2): passes when `2 × agree > N_base`. */
import { formatPercent } from '../../locale/vi.ts';
import { decideShowOfHands, majorityThreshold, ok, SHOW_OF_HANDS_LABELS, percentOf, type Result, type RuleError, type ShowOfHandsDecision } from '../../rules/index.ts';
import { participantWord } from '../labels.ts';
import type { ShowOfHandsRecordInput } from '../model.ts';
import { b, col, p, table, type DocumentContent, type TableBlock } from './blocks.ts';

const struck = (t: TableBlock, rows: readonly number[]): TableBlock => (rows.length === 0 ? t : { ...t, struckRows: rows });
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
      struck(table(
        [col('STT', 7, 'center'), col('Nội dung biểu quyết', 30), col(SHOW_OF_HANDS_LABELS.agree.vi, 10, 'right'), col(SHOW_OF_HANDS_LABELS.disagree.vi, 10, 'right'),
          col(SHOW_OF_HANDS_LABELS.other.vi, 10, 'right'), col('Tỷ lệ đồng ý so với N', 12, 'right'), col('Kết quả', 21, 'center')],
        input.items.map((item, k) => {
          const d = decisions[k]!;
          return [n(k + 1), item.subject, n(d.agree), n(d.disagree), n(d.other), formatPercent(percentOf(d.agree, d.base)),
            item.voided ? 'Đã hủy' : d.passed ? 'Thông qua' : 'Không thông qua'];
        }),
      ), input.items.flatMap((item, k) => (item.voided ? [k] : []))),
      ...input.items.flatMap((item, k) => (item.voided
        ? [p(`Nội dung số ${n(k + 1)} (gạch ngang) đã được hủy bởi ${item.voided.by}: `, item.voided.reason, '. Bản ghi vẫn được giữ trong biên bản và không có hiệu lực.')]
        : [])),
      { kind: 'signatures', signers: [{ caption: ['TM. ĐOÀN THƯ KÝ', 'TRƯỞNG ĐOÀN'], name: input.signedBy.head }] },
    ],
  });
};
