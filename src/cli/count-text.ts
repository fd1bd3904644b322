import { formatInteger, formatPercent } from '../locale/vi.ts';
import {
  INVALID_REASONS, INVALID_REASON_LABELS, remainingOf, type CountOutcome, type ElectionCount, type ElectionKind, type Tie,
} from '../rules/index.ts';
import type { CountedSpec } from './count-output.ts';

export const ELECTION_KIND_LABELS: Readonly<Record<ElectionKind, string>> = {
  committee: 'Ban Chấp hành',
  'standing-committee': 'Ban Thường vụ',
  secretary: 'Bí thư',
  'deputy-secretary': 'Phó Bí thư',
  'inspection-committee': 'Ủy ban Kiểm tra',
  'inspection-chair': 'Chủ nhiệm Ủy ban Kiểm tra',
  delegates: 'Đoàn đại biểu dự đại hội cấp trên',
  'opinion-poll': 'Lấy phiếu xin ý kiến về người được giới thiệu, tự ứng cử',
  'secretary-poll': 'Lấy phiếu giới thiệu Bí thư',
};

/** What is left to elect after a round: its ties cut by cut (a delegation names the cut), else the seats short. */
const conclusion = (e: ElectionCount, spec: CountedSpec, nameOf: (id: string) => string | undefined): string => {
  const isDelegation = spec.kind === 'delegates';
  const { official, alternate } = remainingOf(e, spec);
  const tieLine = (tie: Tie, place: string): string =>
    `Có ${tie.candidates.length} người bằng phiếu nhau cho ${tie.seats} chỗ ${place}còn lại: ${tie.candidates.map(nameOf).join(', ')}.`;
  if (e.tie !== null) {
    const ties: [Tie | null, string][] = isDelegation
      ? [[official.tie, 'đại biểu chính thức '], [alternate.tie, 'đại biểu dự khuyết ']]
      : [[e.tie, '']];
    const lines = ties.flatMap(([tie, place]) => (tie === null ? [] : [tieLine(tie, place)]));
    return `${lines.join(' ')} Đại hội biểu quyết việc bầu lại trong số những người này.`;
  }
  if (e.outcome !== 'shortfall') return 'Đã bầu đủ số lượng.';
  const shortBy: [number, string][] = isDelegation
    ? [[official.seats, 'đại biểu chính thức'], [alternate.seats, 'đại biểu dự khuyết']]
    : [[e.unfilledSeats, 'người']];
  const short = shortBy.flatMap(([n, who]) => (n > 0 ? [`${formatInteger(n)} ${who}`] : [])).join(' và ');
  return `Còn thiếu ${short}. Đại hội thảo luận, biểu quyết có bầu tiếp hay không.`;
};

/**
 * The count as Vietnamese sentences a member of the counting board can read aloud. `measured` false (a secretary
 * poll given no base): no base line and no percentages.
 */
export const countToText = (spec: CountedSpec, outcome: CountOutcome, measured = true): string => {
  const { kind, seats } = spec;
  const c = outcome.count;
  const name = new Map(c.results.map((r) => [r.id, r.name]));
  const votesOf = new Map(c.results.map((r) => [r.id, r.votes]));
  const lines: string[] = [];
  lines.push(`KẾT QUẢ KIỂM PHIẾU — ${ELECTION_KIND_LABELS[kind].toUpperCase()}`);
  if (outcome.type === 'opinion-poll') {
    lines.push(`Số đại biểu có mặt: ${formatInteger(c.base)}; cần trên 30% đồng ý, tức ít nhất ${formatInteger(c.threshold)} phiếu.`);
  } else if (measured) {
    lines.push(`Số đại biểu làm căn cứ tính kết quả: ${formatInteger(c.base)}; trúng cử khi được trên một nửa, tức ít nhất ${formatInteger(c.threshold)} phiếu.`);
  }
  const b = c.ballots;
  lines.push(`Số phiếu thu vào: ${formatInteger(b.total)}; hợp lệ: ${formatInteger(b.valid)}; không hợp lệ: ${formatInteger(b.invalid)}.`);
  for (const reason of INVALID_REASONS) {
    if (b.invalidByReason[reason] > 0) lines.push(`  - ${INVALID_REASON_LABELS[reason].vi}: ${formatInteger(b.invalidByReason[reason])}`);
  }
  lines.push('Số phiếu bầu cho từng người (theo thứ tự trong danh sách):');
  c.results.forEach((r, i) => lines.push(`  ${i + 1}. ${r.name}: ${formatInteger(r.votes)} phiếu${measured ? `, đạt ${formatPercent(r.percent)}` : ''}`));
  const list = (ids: readonly string[]): string =>
    ids.map((id, i) => `  ${i + 1}. ${name.get(id)} (${formatInteger(votesOf.get(id) ?? 0)} phiếu)`).join('\n');
  switch (outcome.type) {
    case 'opinion-poll':
      lines.push(outcome.count.admitted.length > 0
        ? `Được đưa vào danh sách bầu cử (${outcome.count.admitted.length} người):\n${list(outcome.count.admitted)}`
        : 'Không có người nào được trên 30% đại biểu có mặt đồng ý.');
      break;
    case 'secretary-poll':
      lines.push(`Phiếu không ghi tên: ${formatInteger(outcome.count.blank)}; ghi tên người không phải Ủy viên Ban Chấp hành mới (không tính): ${formatInteger(outcome.count.unrecognized)}.`);
      lines.push('Kết quả giới thiệu chỉ có giá trị tham khảo, không phải kết quả bầu cử.');
      break;
    case 'election': {
      const e = outcome.count;
      lines.push(e.elected.length > 0 ? `Trúng cử (${e.elected.length}/${seats}, theo số phiếu từ cao xuống thấp):\n${list(e.elected)}` : 'Không có người nào trúng cử.');
      if (e.alternates !== undefined && e.alternates.length > 0) lines.push(`Đại biểu dự khuyết (theo thứ tự số phiếu):\n${list(e.alternates)}`);
      lines.push(conclusion(e, spec, (id) => name.get(id)));
    }
  }
  return lines.join('\n');
};
