/**
 * The input log (nhật ký nhập phiếu, docs/rules.md §10), compact: a section per batch, headed by the batch and each
 * of its entries (operator, terminal, times, counts), then one line per ballot with what every entry typed for it
 * and whether it is valid. Corrections (a ballot undone and typed again), entries moved or discarded and the board's
 * rulings are lines of their own, at the place in the batch where they happened. Nothing entered is left out.
 */
import { formatDateShort } from '../../locale/vi.ts';
import {
  INVALID_REASON_LABELS, ballotForm, checkBallotShape, indexCandidates, invalidReason, type Ballot, type CandidateIndex,
} from '../../rules/index.ts';
import { formatClock } from '../format.ts';
import type { ElectionRound, InputLogEntry, InputLogInput } from '../model.ts';
import { col, heading, p, type Block, type DocumentContent, type ParagraphBlock } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';
import { minutesSubject } from './subjects.ts';

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

/** What the core says of a ballot: valid, invalid and why, or not a ballot of this form at all. */
const verdictOf = (round: ElectionRound, index: CandidateIndex, ballot: Ballot, seq: number): string => {
  const form = ballotForm(round);
  const shape = checkBallotShape(form, index, ballot, `entries[${seq}].ballot`);
  if (!shape.ok) return `Lỗi nhập: ${shape.error.message_vi}`;
  const reason = invalidReason(round, form, ballot);
  return reason === null ? 'Hợp lệ' : `Không hợp lệ: ${INVALID_REASON_LABELS[reason].vi}`;
};

interface Typed {
  readonly ballot: Ballot;
  readonly seq: number;
}

interface Entry {
  readonly number: number;
  readonly operator: string;
  readonly terminals: string[];
  readonly start: string;
  end: string | null;
  discarded: string | null;
  /** The ballots as they stand, by position - 1. */
  readonly ballots: Typed[];
}

/** A line of the batch's table, placed after the ballot it follows (`after`), corrections before their ballot. */
interface Line {
  readonly after: number;
  /** 0: a correction, before the ballot's line; 1: the ballot's line; 2: an event after it. */
  readonly slot: 0 | 1 | 2;
  readonly seq: number;
  readonly cells: (entryCells: string[]) => string[];
}

interface Batch {
  readonly id: string;
  label: string;
  physicalCount: number | null;
  entriesRequired: number | null;
  /** Who opened the batch, where and when. */
  opened: string | null;
  readonly entries: Entry[];
  readonly lines: Line[];
}

const time = (logDay: string, at: string): string => {
  const d = new Date(at);
  const day = formatDateShort(d);
  return day === formatDateShort(logDay) ? formatClock(d) : `${day} ${formatClock(d)}`;
};

/** "máy may-7", but "Máy 3" as the room named it (not "máy Máy 3"). */
const machine = (terminal: string): string => (/^máy\s/iu.test(terminal) ? terminal : `máy ${terminal}`);

const line = (runs: string): ParagraphBlock => ({ kind: 'paragraph', align: 'left', runs: [{ text: runs }] });

/** Groups the events by batch and entry; an entry is an operator's, from its opening to its closing or discarding. */
const group = (round: ElectionRound, index: CandidateIndex, logDay: string, events: readonly InputLogEntry[]): Batch[] => {
  const batches = new Map<string, Batch>();
  const batchOf = (id: string): Batch => {
    let b = batches.get(id);
    if (b === undefined) {
      b = { id, label: id, physicalCount: null, entriesRequired: null, opened: null, entries: [], lines: [] };
      batches.set(id, b);
    }
    return b;
  };
  const open = (b: Batch, operator: string): Entry | undefined =>
    b.entries.findLast((x) => x.operator === operator && x.discarded === null);
  const inColumn = (entry: Entry | undefined, text: string) => (cells: string[]): string[] =>
    cells.map((c, k) => (entry !== undefined && k === entry.number ? text : c));
  for (const e of events) {
    const b = batchOf(e.batch ?? '—');
    const at = time(logDay, e.at);
    const by = `${e.operator}, ${machine(e.terminal)}`;
    const entry = open(b, e.action === 'entry-discarded' || e.action === 'entry-moved' ? e.entryOf ?? e.operator : e.operator);
    const after = entry?.ballots.length ?? 0;
    switch (e.action) {
      case 'batch-opened':
        b.opened = `${at}, ${by}`;
        if (e.batchSpec != null) {
          b.label = e.batchSpec.label;
          b.physicalCount = e.batchSpec.physicalCount;
          b.entriesRequired = e.batchSpec.entriesRequired;
        }
        break;
      case 'batch-recounted':
        if (e.recount != null) b.physicalCount = e.recount.to;
        b.lines.push({ after: 0, slot: 2, seq: e.seq, cells: (cells) => {
          const out = [...cells];
          out[1] = `Ban Kiểm phiếu đếm lại tập bằng tay (${by}, ${at})${e.recount == null ? '' : `: ${e.recount.from} → ${e.recount.to} phiếu`}`;
          out[out.length - 1] = e.note ?? '';
          return out;
        } });
        break;
      case 'entry-opened':
        b.entries.push({ number: b.entries.length + 1, operator: e.operator, terminals: [e.terminal], start: at, end: null, discarded: null, ballots: [] });
        break;
      case 'ballot-entered':
        if (e.ballot !== null) entry?.ballots.push({ ballot: e.ballot, seq: e.seq });
        break;
      case 'ballot-undone': {
        const gone = entry?.ballots.pop();
        const what = gone === undefined ? '' : `: ${describeBallot(round, index, gone.ballot)}`;
        b.lines.push({ after: e.position ?? after, slot: 0, seq: e.seq, cells: inColumn(entry, `Xóa phiếu vừa nhập${what} (${at})`) });
        break;
      }
      case 'entry-closed':
        if (entry !== undefined) entry.end = at;
        break;
      case 'entry-discarded':
        b.lines.push({ after, slot: 2, seq: e.seq, cells: (cells) => {
          const out = inColumn(entry, `Ban Kiểm phiếu hủy lần nhập này (${at})`)(cells);
          out[out.length - 1] = `Hủy lần nhập${entry === undefined ? '' : ` ${entry.number}`} do ${by}${e.note == null ? '' : `: ${e.note}`}`;
          return out;
        } });
        if (entry !== undefined) entry.discarded = at;
        break;
      case 'entry-moved':
        if (entry !== undefined && entry.terminals.at(-1) !== e.terminal) entry.terminals.push(e.terminal);
        b.lines.push({ after, slot: 2, seq: e.seq, cells: inColumn(entry,
          `Chuyển từ ${machine(e.fromTerminal ?? '?')} sang ${machine(e.terminal)} (${at}, ${e.operator})${e.note == null ? '' : `: ${e.note}`}`) });
        break;
      case 'ruling':
        b.lines.push({ after: e.position ?? after, slot: 2, seq: e.seq, cells: (cells) => {
          const out = [...cells];
          const what = e.ballot === null ? '' : `${describeBallot(round, index, e.ballot)} — ${verdictOf(round, index, e.ballot, e.seq)}`;
          out[1] = `Ban Kiểm phiếu quyết định (${by}, ${at}): ${what}`;
          out[out.length - 1] = e.note ?? '';
          return out;
        } });
        break;
    }
  }
  return [...batches.values()];
};

const entryHeader = (round: ElectionRound, index: CandidateIndex, x: Entry): string => {
  const valid = x.ballots.filter((t) => verdictOf(round, index, t.ballot, t.seq) === 'Hợp lệ').length;
  const state = x.discarded !== null ? `đã hủy lúc ${x.discarded}` : x.end !== null ? `${x.start}–${x.end}` : `từ ${x.start}, chưa kết thúc`;
  return `Lần nhập ${n(x.number)}: ${x.operator}, ${x.terminals.map(machine).join(' → ')} (${state}); `
    + `${n(x.ballots.length)} phiếu, ${n(valid)} hợp lệ, ${n(x.ballots.length - valid)} không hợp lệ.`;
};

/** The batch's section: its header, its entries, then one line per ballot and the lines of what else happened. */
const batchBlocks = (round: ElectionRound, index: CandidateIndex, b: Batch): Block[] => {
  const counts = b.physicalCount === null || b.entriesRequired === null ? ''
    : `: ${n(b.physicalCount)} phiếu, nhập ${n(b.entriesRequired)} lần`;
  const cols = b.entries.length;
  const blank = (): string[] => Array.from({ length: cols + 2 }, () => '');
  const rows: Array<{ after: number; slot: number; seq: number; cells: string[] }> = [];
  const longest = Math.max(0, ...b.entries.map((x) => x.ballots.length));
  for (let pos = 1; pos <= longest; pos++) {
    const cells = blank();
    cells[0] = n(pos);
    const typed = b.entries.map((x) => x.ballots[pos - 1]);
    const texts = typed.map((t) => (t === undefined ? '' : describeBallot(round, index, t.ballot)));
    texts.forEach((t, k) => { cells[k + 1] = k > 0 && t !== '' && t === texts[0] ? 'như lần 1' : t; });
    const first = typed.find((t) => t !== undefined)!;
    const kept = new Set(texts.filter((t, k) => t !== '' && b.entries[k]!.discarded === null));
    cells[cols + 1] = kept.size > 1 ? 'Các lần nhập khác nhau' : verdictOf(round, index, first.ballot, first.seq);
    rows.push({ after: pos, slot: 1, seq: 0, cells });
  }
  for (const l of b.lines) rows.push({ after: l.after, slot: l.slot, seq: l.seq, cells: l.cells(blank()) });
  rows.sort((x, y) => x.after - y.after || x.slot - y.slot || x.seq - y.seq);
  const width = Math.round(62 / Math.max(1, cols));
  return [
    heading(`${b.label}${counts}${b.opened === null ? '' : ` (mở lúc ${b.opened})`}`),
    ...b.entries.map((x) => line(entryHeader(round, index, x))),
    {
      kind: 'table', dense: true,
      columns: [col('Phiếu', 6, 'center'), ...b.entries.map((x) => col(`Lần ${n(x.number)}${x.discarded === null ? '' : ' (đã hủy)'}`, width)), col('Kết quả', 32)],
      rows: rows.map((r) => r.cells),
    },
  ];
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
    blocks: [
      p(`Số sự kiện: ${n(input.entries.length)}, trong đó ${n(entered)} lượt nhập phiếu. `,
        'Mỗi dòng là một phiếu trong tập, với nội dung từng lần nhập đã ghi cho phiếu đó; các số là số thứ tự của người ',
        'trong danh sách bầu cử. Phiếu xóa để nhập lại, lần nhập chuyển máy hoặc bị hủy và quyết định của Ban Kiểm phiếu ',
        'là các dòng riêng, ở đúng chỗ chúng xảy ra.'),
      ...group(round, index, h.date, input.entries).flatMap((b) => batchBlocks(round, index, b)),
      { kind: 'signatures', signers: [{ caption: ['TRƯỞNG BAN KIỂM PHIẾU'], name: round.board.head }] },
    ],
  };
};
