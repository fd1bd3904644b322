// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defaultCountSettings, type ElectionSpec } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import { renderVi } from '../test-support/render.tsx';
import { HandCountForm, type HandTotals } from './HandCount.tsx';

const spec: ElectionSpec = {
  kind: 'committee', seats: 2, alternateSeats: 0, base: 10, settings: defaultCountSettings,
  candidates: [{ id: '11', name: 'Nguyễn Văn An' }, { id: '12', name: 'Trần Thị Bình' }, { id: '13', name: 'Lê Văn Cường' }],
};

describe('the hand count form of the counting board', () => {
  it('says why it cannot be sent yet, asks to confirm, then sends the totals of the paper minutes', async () => {
    const onSend = vi.fn(async (_t: HandTotals): Promise<ApiResult<unknown>> => ({ ok: true, value: null }));
    const { getByLabelText, getByRole, getByText } = renderVi(<HandCountForm spec={spec} collected={9} head="Lê Văn Trưởng" onSend={onSend} />);
    const send = getByRole('button', { name: 'Ghi kết quả kiểm phiếu bằng tay' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    getByText('Còn ô số phiếu thu về hoặc số phiếu của một người chưa ghi.');
    fireEvent.change(getByLabelText('1. Nguyễn Văn An'), { target: { value: '8' } });
    fireEvent.change(getByLabelText('2. Trần Thị Bình'), { target: { value: 'sáu' } });
    getByText('Mỗi ô chỉ ghi một số nguyên không âm.');
    fireEvent.change(getByLabelText('2. Trần Thị Bình'), { target: { value: '6' } });
    fireEvent.change(getByLabelText('3. Lê Văn Cường'), { target: { value: '3' } });
    fireEvent.change(getByLabelText('Phiếu không do Ban Kiểm phiếu phát ra'), { target: { value: '1' } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    expect(onSend).not.toHaveBeenCalled();
    getByText(/Ghi kết quả từ biên bản giấy \(9 phiếu, Trưởng ban Lê Văn Trưởng ký\)/u);
    fireEvent.click(getByRole('button', { name: 'Ghi kết quả' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(onSend.mock.calls[0]![0]).toEqual({
      collected: 9, invalidByReason: { 'not-issued': 1 }, signedBy: 'Lê Văn Trưởng',
      votes: [{ candidateId: '11', votes: 8 }, { candidateId: '12', votes: 6 }, { candidateId: '13', votes: 3 }],
    });
  });
});
