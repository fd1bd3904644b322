// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../api/client.ts';
import type { TargetInput } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { swapWithNeighbour } from './speaker-order.ts';
import { TargetsEditor } from './TargetsEditor.tsx';

const targets: TargetInput[] = [
  { name: 'Tăng trưởng kinh tế', target: '7%/năm', result: '7,5%/năm', assessment: 'exceeded' },
  { name: 'Tỷ lệ tổ chức đảng HTTNV', target: '85%', result: '86%', assessment: 'met' },
  { name: 'Kết nạp đảng viên mới', target: '500', result: '450', assessment: 'not-met' },
];
const okSave = (): Promise<ApiResult<unknown>> => Promise.resolve({ ok: true, value: null });

describe('the resolution targets editor', () => {
  it('shows each target with its assessment and the tally the hall screen will show', () => {
    const { getAllByTestId, getByTestId, getByLabelText } = renderVi(<TargetsEditor targets={targets} editable onSave={okSave} />);
    expect(getAllByTestId('target-row')).toHaveLength(3);
    expect((getByLabelText('Chỉ tiêu 1') as HTMLInputElement).value).toBe('Tăng trưởng kinh tế');
    expect(getByTestId('targets-tally').textContent).toBe('2/3 chỉ tiêu đạt và vượt, trong đó 1 chỉ tiêu vượt');
  });

  it('edits, moves, removes and adds rows, then saves the whole list in order', async () => {
    const onSave = vi.fn((_: readonly TargetInput[]) => okSave());
    const { getByLabelText, getByRole, getByTestId, getAllByTestId, findByText } = renderVi(<TargetsEditor targets={targets} editable onSave={onSave} />);
    const save = getByRole('button', { name: 'Lưu các chỉ tiêu' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(getByRole('button', { name: 'Đưa chỉ tiêu 3 lên trước' }));
    fireEvent.click(getByRole('button', { name: 'Xóa chỉ tiêu 1' }));
    fireEvent.click(getByRole('button', { name: 'Thêm chỉ tiêu' }));
    fireEvent.change(getByLabelText('Chỉ tiêu 3'), { target: { value: ' Xây dựng nông thôn mới ' } });
    const added = within(getAllByTestId('target-row')[2]!);
    fireEvent.change(added.getByLabelText('Mục tiêu'), { target: { value: '10 xã' } });
    fireEvent.change(added.getByLabelText('Kết quả thực hiện'), { target: { value: '12 xã' } });
    fireEvent.change(added.getByLabelText('Đánh giá'), { target: { value: 'exceeded' } });
    expect(getByTestId('targets-tally').textContent).toBe('2/3 chỉ tiêu đạt và vượt, trong đó 1 chỉ tiêu vượt');
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual([
      { name: 'Kết nạp đảng viên mới', target: '500', result: '450', assessment: 'not-met' },
      { name: 'Tỷ lệ tổ chức đảng HTTNV', target: '85%', result: '86%', assessment: 'met' },
      { name: 'Xây dựng nông thôn mới', target: '10 xã', result: '12 xã', assessment: 'exceeded' },
    ]);
    expect(await findByText('Đã lưu các chỉ tiêu.')).toBeTruthy();
  });

  it('is read-only without the role', () => {
    const { queryByRole, getByRole, getByLabelText } = renderVi(<TargetsEditor targets={targets} editable={false} onSave={okSave} />);
    expect(queryByRole('button', { name: 'Thêm chỉ tiêu' })).toBeNull();
    expect((getByRole('button', { name: 'Lưu các chỉ tiêu' }) as HTMLButtonElement).disabled).toBe(true);
    expect((getByLabelText('Chỉ tiêu 1') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('moving a speaker in the queue', () => {
  const queue = [{ id: 11, position: 3 }, { id: 10, position: 1 }, { id: 12, position: 7 }];
  it('swaps places with the neighbour in queue order', () => {
    expect(swapWithNeighbour(queue, 11, -1)).toEqual([{ id: 11, position: 1 }, { id: 10, position: 3 }]);
    expect(swapWithNeighbour(queue, 11, 1)).toEqual([{ id: 11, position: 7 }, { id: 12, position: 3 }]);
  });
  it('does nothing past either end or for an unknown speaker', () => {
    expect(swapWithNeighbour(queue, 10, -1)).toEqual([]);
    expect(swapWithNeighbour(queue, 12, 1)).toEqual([]);
    expect(swapWithNeighbour(queue, 99, 1)).toEqual([]);
  });
  it('still orders two speakers that share a position', () => {
    expect(swapWithNeighbour([{ id: 1, position: 2 }, { id: 2, position: 2 }], 2, -1)).toEqual([{ id: 2, position: 2 }, { id: 1, position: 3 }]);
  });
});
