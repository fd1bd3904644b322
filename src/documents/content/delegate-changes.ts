/** The changes to delegates after the congress opened, as the credentials and attendance reports print them. */
import { formatDateShort, formatTime } from '../../locale/vi.ts';
import type { DelegateChange } from '../model.ts';
import { col, heading, table, type Block } from './blocks.ts';
import { n } from './count-sections.ts';

export const delegateChangesSection = (title: string, changes: readonly DelegateChange[]): Block[] => changes.length === 0 ? [] : [
  heading(title),
  table([col('STT', 6, 'center'), col('Thời điểm', 15), col('Người ghi', 17), col('Họ và tên', 19), col('Thay đổi', 25), col('Lý do', 18)],
    // The instant in Vietnam time: its date is not the first ten characters of the ISO string after 17:00 UTC.
    changes.map((x, k) => [n(k + 1), `${formatTime(new Date(x.at))} ngày ${formatDateShort(new Date(x.at))}`, x.by, x.name, x.change, x.reason ?? ''])),
];
