/** The input log (nhật ký nhập phiếu, docs/rules.md §10): every event of every terminal, who, where, when, what. */
import { formatDateShort } from '../../locale/vi.ts';
import {
  INVALID_REASON_LABELS, ballotForm, checkBallotShape, indexCandidates, invalidReason, type Ballot, type CandidateIndex,
} from '../../rules/index.ts';
import { formatClock } from '../format.ts';
import type { ElectionRound, InputLogAction, InputLogEntry, InputLogInput } from '../model.ts';
import { col, p, table, type DocumentContent } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';
import { minutesSubject } from './subjects.ts';

const ACTION_LABELS: Readonly<Record<InputLogAction, string>> = {
  'batch-opened': 'Mở tập phiếu',
  'entry-opened': 'Bắt đầu nhập',
  'ballot-entered': 'Nhập phiếu',
  'ballot-undone': 'Hủy lần nhập phiếu',
  'entry-closed': 'Kết thúc nhập',
  'entry-discarded': 'Hủy bản nhập',
  ruling: 'Ban Kiểm phiếu quyết định',
};

const positions = (index: CandidateIndex, ids: readonly string[]): string =>
  ids.map((id) => (index.get(id) ?? -1) + 1).sort((x, y) => x - y).map(n).join(', ');

/** What a ballot entry says, by position in the list ("Gạch: 3, 7"). */
export const describeBallot = (round: ElectionRound, index: CandidateIndex, ballot: Ballot): string => {
  const parts: string[] = [];
  if ('struck' in ballot) {
    parts.push(ballot.struck.length > 0 ? `Gạch: ${positions(index, ballot.struck)}` : 'Không gạch tên nào');
  } else if ('marks' in ballot) {
    const labels: ReadonlyArray<readonly [string, string]> = [['agree', 'Đồng ý'], ['disagree', 'Không đồng ý'], ['both', 'Cả hai ô'], ['none', 'Bỏ trống']];
    for (const [mark, label] of labels) {
      const ids = Object.keys(ballot.marks).filter((id) => ballot.marks[id] === mark);
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

const row = (round: ElectionRound, index: CandidateIndex, logDay: string, e: InputLogEntry): string[] => {
  const form = ballotForm(round);
  let what = ACTION_LABELS[e.action];
  let verdict = '';
  if (e.ballot !== null) {
    const shape = checkBallotShape(form, index, e.ballot, `entries[${e.seq}].ballot`);
    if (shape.ok) {
      const reason = invalidReason(round, form, e.ballot);
      what = `${what}: ${describeBallot(round, index, e.ballot)}`;
      verdict = reason === null ? 'Hợp lệ' : `Không hợp lệ: ${INVALID_REASON_LABELS[reason].vi}`;
    } else {
      verdict = `Lỗi nhập: ${shape.error.message_vi}`;
    }
  }
  const at = new Date(e.at);
  const day = formatDateShort(at);
  const where = [e.batch ?? '', e.position === null ? '' : n(e.position)].filter((x) => x !== '').join(' / ');
  return [n(e.seq), where, e.operator, e.terminal, day === formatDateShort(logDay) ? formatClock(at) : `${day} ${formatClock(at)}`, what, verdict, e.note ?? ''];
};

export const inputLogContent = (input: InputLogInput): DocumentContent => {
  const { header: h, round } = input;
  const index = indexCandidates(round);
  const entered = input.entries.filter((e) => e.action === 'ballot-entered').length;
  return {
    header: documentHeader(h, 'Ban Kiểm phiếu'),
    title: 'NHẬT KÝ NHẬP PHIẾU',
    subtitles: [minutesSubject(h, round), `Ngày ${formatDateShort(h.date)}`],
    date: h.date,
    orientation: 'landscape',
    blocks: [
      p(`Số sự kiện: ${n(input.entries.length)}, trong đó ${n(entered)} lượt nhập phiếu. `,
        'Các số trong cột "Nội dung" là số thứ tự của người trong danh sách bầu cử.'),
      table(
        [col('STT', 5, 'center'), col('Tập / phiếu', 8, 'center'), col('Người nhập', 14), col('Máy', 8), col('Giờ', 8, 'center'),
          col('Nội dung', 27), col('Kết quả', 19), col('Ghi chú', 11)],
        input.entries.map((e) => row(round, index, h.date, e)),
      ),
      { kind: 'signatures', signers: [{ caption: ['TRƯỞNG BAN KIỂM PHIẾU'], name: round.board.head }] },
    ],
  };
};
