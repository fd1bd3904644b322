// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MyDelegateView } from '../../api/me.ts';
import { formatTime } from '../../locale/vi.ts';
import { renderVi } from '../test-support/render.tsx';
import { MyStatus } from './MyStatus.tsx';

const at = '2025-07-15T01:35:00.000Z';
const record: MyDelegateView = {
  id: 7, code: '007', fullName: 'Trần Thị Ánh', seat: 'B-12', organisationName: 'Chi bộ Văn phòng', status: 'summoned',
  sessions: [
    { sessionId: 2, title: 'Phiên chính thức', kind: 'official', position: 2, checkedInAt: null },
    { sessionId: 1, title: 'Phiên trù bị', kind: 'preparatory', position: 1, checkedInAt: at },
  ],
};

describe('the delegate\'s own record on the phone', () => {
  it('says in large type that the current session is checked in, with the time', () => {
    const { getByTestId } = renderVi(<MyStatus record={record} error={null} currentSessionId={1} />);
    const status = getByTestId('my-checkin');
    expect(status.textContent).toBe(`Đồng chí đã điểm danh Phiên trù bị lúc ${formatTime(new Date(at))}.`);
    expect(status.className).toContain('ok');
  });

  it('stays present for the congress when the agenda moves to a session not checked in to', () => {
    const { getByTestId } = renderVi(<MyStatus record={record} error={null} currentSessionId={2} />);
    expect(getByTestId('my-checkin').textContent).toBe(`Đồng chí có mặt tại đại hội từ ${formatTime(new Date(at))} (Phiên trù bị).`);
    expect(getByTestId('my-checkin').className).toContain('ok');
  });

  it('asks to scan the card when the current session requires a fresh check-in not yet made', () => {
    const { getByTestId } = renderVi(<MyStatus record={record} error={null} currentSessionId={2} freshCheckin />);
    expect(getByTestId('my-checkin').textContent).toBe('Đồng chí chưa điểm danh Phiên chính thức: mời quét thẻ tại bàn đón tiếp.');
    expect(getByTestId('my-checkin').className).toContain('pending');
  });

  it('lists number, seat, organisation, status and every session in agenda order', () => {
    const { getByText, getAllByTestId } = renderVi(<MyStatus record={record} error={null} currentSessionId={2} />);
    expect(getByText('007')).toBeTruthy();
    expect(getByText('B-12')).toBeTruthy();
    expect(getByText('Chi bộ Văn phòng')).toBeTruthy();
    expect(getByText('Được triệu tập')).toBeTruthy();
    const rows = getAllByTestId('my-session').map((li) => li.textContent);
    expect(rows).toEqual([`Phiên trù bị đã điểm danh lúc ${formatTime(new Date(at))}`, 'Phiên chính thức chưa điểm danh']);
  });

  it('says "no seat yet" and the status of a delegate not expected to attend', () => {
    const { getByTestId, getByText } = renderVi(<MyStatus record={{ ...record, seat: null, status: 'absent-whole' }} error={null} currentSessionId={1} />);
    expect(getByTestId('my-checkin').textContent).toBe('Tình trạng của đồng chí: Vắng cả đại hội.');
    expect(getByText('Chưa xếp chỗ')).toBeTruthy();
  });

  it('says the status is unknown when the server cannot be asked', () => {
    const error = { code: 'network', message_vi: 'Không kết nối được máy chủ.', message_en: 'Cannot reach the server.' };
    const { getByTestId } = renderVi(<MyStatus record={null} error={error} currentSessionId={null} />);
    expect(getByTestId('my-checkin').textContent).toBe('Chưa xem được tình trạng điểm danh của đồng chí.');
  });
});
