/** The input log (nhật ký nhập phiếu, RULES.md §10): every entry of every ballot, who, where, when, what. */
import { formatDateShort } from '../../locale/vi.ts';
import {
  INVALID_REASON_LABELS, ballotForm, checkBallotShape, indexCandidates, invalidReason, type Ballot,
  type CandidateIndex,
} from '../../rules/index.ts';
import { formatClock } from '../format.ts';
import type { ElectionRound, InputLogInput } from '../model.ts';
import { col, p, table, type DocumentContent } from './blocks.ts';
import { boardSigners, n } from './count-sections.ts';
import { documentHeader } from './header.ts';
import { minutesSubject } from './subjects.ts';

const positions = (index: CandidateIndex, ids: readonly string[]): string =>
  ids.map((id) => (index.get(id) ?? -1) + 1).sort((x, y) => x - y).map(n).join(', ');

/** What the operator entered, by position in the list ("Gạch: 3, 7"). */
export const describeEntry = (round: ElectionRound, index: CandidateIndex, ballot: Ballot): string => {
  const parts: string[] = [];
  if ('struck' in ballot) {
    parts.push(ballot.struck.length > 0 ? `Gạch: ${positions(index, ballot.struck)}` : 'Không gạch tên nào');
  } else if ('marks' in ballot) {
    const of = (mark: string): string[] => Object.keys(ballot.marks).filter((id) => ballot.marks[id] === mark);
    const labels: ReadonlyArray<readonly [string, string]> = [['agree', 'Đồng ý'], ['disagree', 'Không đồng ý'], ['both', 'Cả hai ô'], ['none', 'Bỏ trống']];
    for (const [mark, label] of labels) {
      const ids = of(mark);
      if (ids.length > 0) parts.push(`${label}: ${positions(index, ids)}`);
    }
    if (parts.length === 0) parts.push('Không đánh dấu');
  } else if (ballot.writeIn === null) {
    parts.push('Không ghi tên');
  } else {
    const i = index.get(ballot.writeIn);
    parts.push(i === undefined ? `Ghi tên ngoài danh sách (${ballot.writeIn})` : `Ghi: ${round.candidates[i]!.name}`);
  }
  if (ballot.notIssued === true) parts.push('phiếu không do Ban Kiểm phiếu phát ra');
  if ((ballot.writeIns ?? 0) > 0) parts.push(`ghi thêm ${n(ballot.writeIns ?? 0)} tên`);
  if (ballot.identifyingMarks === true) parts.push('có dấu hiệu nhận biết');
  return parts.join('; ');
};

export const inputLogContent = (input: InputLogInput): DocumentContent => {
  const { header: h, round } = input;
  const form = ballotForm(round);
  const index = indexCandidates(round);
  const rows = input.entries.map((e) => {
    const shape = checkBallotShape(form, index, e.ballot, `entries[${e.seq}]`);
    const verdict = !shape.ok
      ? `Lỗi nhập: ${shape.error.message_vi}`
      : ((reason) => (reason === null ? 'Hợp lệ' : `Không hợp lệ: ${INVALID_REASON_LABELS[reason].vi}`))(invalidReason(round, form, e.ballot));
    const at = new Date(e.at);
    return [n(e.seq), n(e.ballotNo), e.operator, e.terminal, `${formatDateShort(at)} ${formatClock(at)}`,
      shape.ok ? describeEntry(round, index, e.ballot) : '', verdict, e.note ?? ''];
  });
  return {
    header: documentHeader(h, 'Ban Kiểm phiếu'),
    title: 'NHẬT KÝ NHẬP PHIẾU',
    subtitles: [minutesSubject(h, round)],
    date: h.date,
    blocks: [
      p(`Số lượt nhập: ${n(input.entries.length)}. Các số trong cột "Nội dung nhập" là số thứ tự của người trong danh sách bầu cử.`),
      table(
        [col('STT', 5, 'center'), col('Phiếu số', 7, 'center'), col('Người nhập', 14), col('Máy', 8), col('Thời gian', 12),
          col('Nội dung nhập', 26), col('Kết quả', 16), col('Ghi chú', 12)],
        rows,
      ),
      { kind: 'signatures', signers: boardSigners(round.board).filter((s) => s.caption[0] === 'TRƯỞNG BAN KIỂM PHIẾU') },
    ],
  };
};
