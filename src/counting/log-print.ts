/**
 * The input log as printed and exported (nhật ký nhập phiếu): one line per event, Vietnamese first, the time
 * in Vietnam. The board signs the printout; the export is the same lines as data.
 */
import { formatDateShort, formatTime } from '../locale/vi.ts';
import type { CountingContext } from './context.ts';
import type { CountingEvent } from './input-log.ts';
import { formatEntry } from './keyboard-entry.ts';
import { RULING_REASON_LABELS } from './ruling.ts';

export interface LogLine {
  readonly seq: number;
  /** Date (`formatDateShort`) and time to the second, in Vietnam time: "15/7/2020 08:05:07". */
  readonly time: string;
  readonly batchId: string;
  readonly operator: string;
  readonly terminal: string;
  readonly position: number | null;
  readonly action_vi: string;
  readonly action_en: string;
  /** What was entered or ruled, as keystrokes; the reason of a ruling. */
  readonly detail: string;
}

/** Vietnam is a whole number of hours from UTC: the seconds are the same. */
const seconds = (d: Date): string => String(d.getUTCSeconds()).padStart(2, '0');

const describe = (ctx: CountingContext, e: CountingEvent): Pick<LogLine, 'position' | 'action_vi' | 'action_en' | 'detail'> => {
  switch (e.type) {
    case 'batch-opened':
      return { position: null, action_vi: 'Mở tập phiếu', action_en: 'Batch opened',
        detail: `${e.batch.label}: ${e.batch.physicalCount} phiếu, nhập ${e.batch.entriesRequired} lần` };
    case 'batch-recounted':
      return { position: null, action_vi: 'Đếm lại tập phiếu bằng tay', action_en: 'Batch counted again by hand',
        detail: `${e.from} → ${e.physicalCount} phiếu: ${e.note}` };
    case 'entry-opened':
      return { position: null, action_vi: 'Bắt đầu lần nhập', action_en: 'Entry opened', detail: '' };
    case 'ballot-entered':
      return { position: e.position, action_vi: 'Nhập phiếu', action_en: 'Ballot entered', detail: e.text ?? formatEntry(ctx, e.ballot) };
    case 'ballot-undone':
      return { position: e.position, action_vi: 'Xóa phiếu vừa nhập', action_en: 'Ballot undone', detail: '' };
    case 'entry-closed':
      return { position: null, action_vi: 'Kết thúc lần nhập', action_en: 'Entry closed', detail: `${e.ballots} phiếu` };
    case 'entry-discarded':
      return { position: null, action_vi: `Hủy lần nhập của ${e.discarded}`, action_en: `Entry of ${e.discarded} discarded`, detail: e.note };
    case 'entry-moved':
      return { position: null, action_vi: `Chuyển lần nhập của ${e.moved} từ máy ${e.from} sang máy ${e.terminal}`,
        action_en: `Entry of ${e.moved} moved from terminal ${e.from} to ${e.terminal}`, detail: e.note };
    case 'ruling': {
      const label = RULING_REASON_LABELS[e.reason];
      return { position: e.position, action_vi: 'Ban Kiểm phiếu phán quyết', action_en: 'Board ruling',
        detail: `${formatEntry(ctx, e.ballot)} — ${label.vi}${e.note.trim() === '' ? '' : `: ${e.note}`}` };
    }
  }
};

export const logLines = (ctx: CountingContext, events: readonly CountingEvent[]): readonly LogLine[] =>
  events.map((e, i) => {
    const at = new Date(e.at);
    return {
      seq: i + 1,
      time: `${formatDateShort(at)} ${formatTime(at)}:${seconds(at)}`,
      batchId: e.batchId,
      operator: e.operator,
      terminal: e.terminal,
      ...describe(ctx, e),
    };
  });
