// @vitest-environment jsdom
import { act, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../api/client.ts';
import type { AgendaItem, Session } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { AgendaSetup, movedOrder } from './AgendaSetup.tsx';

const item = (id: number, title: string, position: number): AgendaItem => ({ id, sessionId: 1, position, title, kind: 'other', status: 'pending' });
const session = (items: readonly AgendaItem[]): Session => ({ id: 1, kind: 'official', title: 'Phiên chính thức', position: 1, startsAt: null, freshCheckin: false, items: [...items] });
const items = [item(10, 'Khai mạc', 1), item(11, 'Báo cáo chính trị', 2), item(12, 'Bế mạc', 3)];
const okTrue = (): Promise<ApiResult<true>> => Promise.resolve({ ok: true, value: true });
const noop = okTrue;

describe('moving an agenda item', () => {
  it('swaps the item with its neighbour; nothing at either end', () => {
    expect(movedOrder(items, 11, -1)).toEqual([11, 10, 12]);
    expect(movedOrder(items, 11, 1)).toEqual([10, 12, 11]);
    expect(movedOrder(items, 10, -1)).toBeNull();
    expect(movedOrder(items, 12, 1)).toBeNull();
    expect(movedOrder(items, 99, 1)).toBeNull();
  });

  it('offers ↑/↓ buttons named in Vietnamese, disabled at the ends, and sends the whole new order', async () => {
    const onReorder = vi.fn((_s: number, _ids: readonly number[]) => okTrue());
    const { getByRole } = renderVi(<AgendaSetup sessions={[session(items)]} editable onAddSession={noop} onAddItem={noop} onReorder={onReorder} />);
    expect((getByRole('button', { name: 'Đưa nội dung «Khai mạc» lên trước' }) as HTMLButtonElement).disabled).toBe(true);
    expect((getByRole('button', { name: 'Đưa nội dung «Bế mạc» xuống sau' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(getByRole('button', { name: 'Đưa nội dung «Khai mạc» xuống sau' }));
    await waitFor(() => expect(onReorder).toHaveBeenCalledTimes(1));
    expect(onReorder.mock.calls[0]).toEqual([1, [11, 10, 12]]);
    fireEvent.click(getByRole('button', { name: 'Đưa nội dung «Bế mạc» lên trước' }));
    await waitFor(() => expect(onReorder).toHaveBeenCalledTimes(2));
    expect(onReorder.mock.calls[1]).toEqual([1, [10, 12, 11]]);
  });

  it('keeps the keyboard focus on the moved item once the new order arrives', async () => {
    const sessions = [session(items)];
    const props = { editable: true, onAddSession: noop, onAddItem: noop, onReorder: okTrue };
    const view = renderVi(<AgendaSetup sessions={sessions} {...props} />);
    const down = view.getByRole('button', { name: 'Đưa nội dung «Báo cáo chính trị» xuống sau' });
    down.focus();
    fireEvent.click(down);
    await act(async () => { await Promise.resolve(); });
    // The reloaded list: the report is now last, so its ↓ is disabled and the focus goes to its ↑.
    view.rerender(<AgendaSetup sessions={[session([items[0]!, items[2]!, items[1]!])]} {...props} />);
    await waitFor(() => expect(document.activeElement).toBe(view.getByRole('button', { name: 'Đưa nội dung «Báo cáo chính trị» lên trước' })));
    expect(view.getAllByTestId('agenda-item').map((li) => li.firstChild?.textContent)).toEqual(['Khai mạc', 'Bế mạc', 'Báo cáo chính trị']);
  });

  it('shows the server\'s refusal', async () => {
    const refuse = (): Promise<ApiResult<true>> => Promise.resolve({ ok: false, error: { code: 'agenda.order-missing', message_vi: 'Thứ tự mới thiếu 1 mục của phiên họp.', message_en: 'Missing.' } });
    const { getByRole, findByText } = renderVi(<AgendaSetup sessions={[session(items)]} editable onAddSession={noop} onAddItem={noop} onReorder={refuse} />);
    fireEvent.click(getByRole('button', { name: 'Đưa nội dung «Bế mạc» lên trước' }));
    expect(await findByText(/Thứ tự mới thiếu 1 mục/u)).toBeTruthy();
  });

  it('has no buttons without the role', () => {
    const { queryAllByRole, getAllByTestId } = renderVi(<AgendaSetup sessions={[session(items)]} editable={false} onAddSession={noop} onAddItem={noop} onReorder={okTrue} />);
    expect(getAllByTestId('agenda-item')).toHaveLength(3);
    expect(queryAllByRole('button')).toHaveLength(0);
  });
});
