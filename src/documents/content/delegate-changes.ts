/** The changes to delegates after the congress opened, as the credentials and attendance reports print them. */
import { formatDateShort, formatTime } from '../../locale/vi.ts';
import type { DelegateChange } from '../model.ts';
import { col, heading, table, type Block } from './blocks.ts';
import { n } from './count-sections.ts';

export const delegateChangesSection = (title: string, changes: readonly DelegateChange[]): Block[] => changes.length === 0 ? [] : [
  heading(title),
  table([col('STT', 8, 'center'), col('Thời điểm', 18), col('Họ và tên', 26), col('Thay đổi', 26), col('Lý do', 22)],
    changes.map((x, k) => [n(k + 1), `${formatTime(new Date(x.at))} ${formatDateShort(x.at.slice(0, 10))}`, x.name, x.change, x.reason ?? ''])),
];
