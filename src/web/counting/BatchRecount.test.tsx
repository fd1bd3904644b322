// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BatchView } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { BatchRecount } from './BatchRecount.tsx';
import { EntryPlaces } from './EntryPlaces.tsx';

const batch: BatchView = {
  id: '2', label: 'Hòm phiếu số 2', physicalCount: 6, entriesRequired: 2, status: 'entering', entriesOpened: 1, entriesClosed: 0, myEntry: null,
  entryPlaces: [{ operator: 'an', terminal: 'may-1', terminalLabel: 'Máy 1', ballots: 4, closed: false }],
};

describe('a batch counted again by hand', () => {
  it('sends the new count with its reason, and says the refusal', async () => {
    const onRecount = vi.fn(async () => ({ ok: false as const, error: { code: 'batch.recount-below-entry', message_vi: 'Lần nhập của "an" (4 phiếu) đã nhiều hơn 3 phiếu.', message_en: '' } }));
    const { getByLabelText, getByRole, findByRole } = renderVi(<BatchRecount batch={batch} onRecount={onRecount} />);
    expect(getByRole('heading').textContent).toBe('Đếm lại tập "Hòm phiếu số 2" bằng tay (đang ghi 6 phiếu)');
    fireEvent.change(getByLabelText('Số phiếu đếm lại'), { target: { value: '3' } });
    fireEvent.change(getByLabelText('Lý do (bắt buộc, ví dụ: gõ nhầm khi mở tập)'), { target: { value: ' Hòm có 3 phiếu ' } });
    fireEvent.click(getByRole('button', { name: 'Ghi số phiếu đếm lại' }));
    await waitFor(() => expect(onRecount).toHaveBeenCalledWith(3, 'Hòm có 3 phiếu'));
    expect((await findByRole('alert')).textContent).toContain('đã nhiều hơn 3 phiếu');
  });

  it('says why it cannot be done while an entry closed against the old count stands', () => {
    const { getByRole, getByText } = renderVi(<BatchRecount batch={{ ...batch, entriesClosed: 1 }} onRecount={vi.fn()} />);
    expect(getByRole('button', { name: 'Ghi số phiếu đếm lại' })).toHaveProperty('disabled', true);
    expect(getByText(/1 lượt nhập đã kết thúc theo số cũ: Ban Kiểm phiếu huỷ các lượt đó/u)).toBeTruthy();
  });

  it('the board discards an entry with a reason after confirming; others are told why they cannot', async () => {
    const onDiscard = vi.fn(async () => ({ ok: true as const, value: null }));
    const { getByRole, getByLabelText, getAllByRole } = renderVi(<EntryPlaces batch={batch} board me="chi" onMove={vi.fn()} onDiscard={onDiscard} />);
    fireEvent.click(getByRole('button', { name: 'Huỷ lượt nhập này' }));
    fireEvent.change(getByLabelText('Lý do huỷ (bắt buộc, ví dụ: tập đếm tay sai số phiếu, bỏ sót một phiếu)'), { target: { value: 'Tập đếm tay sai' } });
    fireEvent.click(getAllByRole('button', { name: 'Huỷ lượt nhập' }).at(-1)!);
    await waitFor(() => expect(onDiscard).toHaveBeenCalledWith('an', 'Tập đếm tay sai'));
  });

  it('an operator is not offered the discard', () => {
    const { getByRole, getByText } = renderVi(<EntryPlaces batch={batch} board={false} me="an" onMove={vi.fn()} onDiscard={vi.fn()} />);
    expect(getByRole('button', { name: 'Huỷ lượt nhập này' })).toHaveProperty('disabled', true);
    expect(getByText('Chỉ Ban Kiểm phiếu huỷ được một lượt nhập.')).toBeTruthy();
  });
});
