// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { countBallots, defaultCountSettings, type ElectionCount, type ElectionSpec } from '../../rules/index.ts';
import type { ApiResult, NewRoundRequest } from '../api/client.ts';
import type { ElectionView, Round } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { nextRoundDefaults, RoundFollowUp } from './RoundFollowUp.tsx';

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
const spec = (seats: number, base: number): ElectionSpec => ({
  kind: 'committee', seats, alternateSeats: 0, base, settings: defaultCountSettings,
  candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })),
});
const counted = (s: ElectionSpec, strikes: ReadonlyArray<readonly string[]>): ElectionCount => {
  const r = countBallots(s, strikes.map((struck) => ({ struck })));
  if (!r.ok || r.value.type !== 'election') throw new Error('fixture');
  return r.value.count;
};
/** 2 seats, N_base 6: A, B and C 4 votes each (all pass), D none → nobody elected, three tied for the 2 seats. */
const tie = (): ElectionCount => counted(spec(2, 6), [['c3', 'c4'], ['c3', 'c4'], ['c2', 'c4'], ['c2', 'c4'], ['c1', 'c4'], ['c1', 'c4']]);
/** 3 seats, N_base 10: only A passes → 2 seats unfilled. */
const shortfall = (): ElectionCount => counted(spec(3, 10), Array.from({ length: 6 }, () => ['c2', 'c3', 'c4']));

const election = (over: Partial<ElectionView> = {}): ElectionView => ({
  id: 5, kind: 'committee', title: 'Bầu Ban Chấp hành', seats: 2, alternateSeats: 0, maxSurplus: null, countingBoardId: 1,
  approvedAt: null, approvalReference: null, rounds: [], ...over,
});
const round = (count: ElectionCount, status: Round['status'] = 'published'): Round => ({
  id: 9, number: 1, seats: 2, alternateSeats: 0, status, base: count.base, present: count.base, ballotsIssued: 6, ballotsCollected: 6,
  result: { type: 'election', count }, candidates: [], updatedAt: '2025-07-15T03:00:00.000Z',
});
const okTrue = (): Promise<ApiResult<true>> => Promise.resolve({ ok: true, value: true });

describe('after a published round: the next round and the approval', () => {
  it('the fixtures count as described', () => {
    expect(tie()).toMatchObject({ outcome: 'tie', elected: [], tie: { seats: 2, candidates: ['c1', 'c2', 'c3'] } });
    expect(shortfall()).toMatchObject({ outcome: 'shortfall', elected: ['c1'], unfilledSeats: 2 });
  });

  it('offers no next round when every seat is filled', () => {
    const complete = counted(spec(1, 6), [['c2', 'c3', 'c4']]);
    expect(nextRoundDefaults({ ...complete, outcome: 'complete', tie: null, unfilledSeats: 0 })).toBeNull();
    const { queryByTestId } = renderVi(<RoundFollowUp election={election()} round={round({ ...complete, outcome: 'complete', tie: null, unfilledSeats: 0 })}
      canSteer onCreate={okTrue} onApprove={okTrue} />);
    expect(queryByTestId('next-round-situation')).toBeNull();
  });

  it('after a tie: round 2 among the tied names for the remaining seats', async () => {
    const onCreate = vi.fn((_: NewRoundRequest) => okTrue());
    const { getByTestId, getByRole, getByLabelText } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={onCreate} onApprove={okTrue} />);
    expect(getByTestId('next-round-situation').textContent).toBe('Còn 2 ghế; bằng phiếu: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường. Đại hội bầu lại trong số những người bằng phiếu.');
    expect((getByLabelText('Những người bằng phiếu') as HTMLInputElement).checked).toBe(true);
    expect((getByLabelText('Số người cần bầu') as HTMLInputElement).value).toBe('2');
    fireEvent.click(getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 2, alternateSeats: 0, candidates: 'tied' }));
  });

  it('after a shortfall: the unfilled seats, among those not elected by default, or a fresh list', async () => {
    const onCreate = vi.fn((_: NewRoundRequest) => okTrue());
    const { getByTestId, getByRole, getByLabelText, queryByLabelText } = renderVi(
      <RoundFollowUp election={election({ seats: 3 })} round={round(shortfall())} canSteer onCreate={onCreate} onApprove={okTrue} />);
    expect(getByTestId('next-round-situation').textContent).toContain('Còn thiếu 2 người');
    expect(queryByLabelText('Những người bằng phiếu')).toBeNull();
    expect((getByLabelText('Những người có tên trong danh sách chưa trúng cử') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(getByLabelText('Danh sách mới (bổ sung tên sau)'));
    fireEvent.click(getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 2, alternateSeats: 0, candidates: 'none' }));
  });

  it('shows the server\'s refusal, and disables both actions without the role', async () => {
    const refuse = (): Promise<ApiResult<true>> => Promise.resolve({ ok: false, error: { code: 'round.previous-open', message_vi: 'Vòng 1 chưa công bố kết quả: chưa mở vòng mới được.', message_en: 'x' } });
    const { getByRole, findByText, unmount } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={refuse} onApprove={okTrue} />);
    fireEvent.click(getByRole('button', { name: 'Mở vòng 2' }));
    expect(await findByText(/chưa mở vòng mới được/u)).toBeTruthy();
    unmount();
    const view = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer={false} onCreate={okTrue} onApprove={okTrue} />);
    expect((view.getByRole('button', { name: 'Mở vòng 2' }) as HTMLButtonElement).disabled).toBe(true);
    expect((view.getByRole('button', { name: 'Ghi nhận chuẩn y' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('records the higher committee\'s approval with its reference, then shows it', async () => {
    const onApprove = vi.fn((_: string) => okTrue());
    const { getByRole, getByLabelText } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={okTrue} onApprove={onApprove} />);
    const button = getByRole('button', { name: 'Ghi nhận chuẩn y' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(getByLabelText('Quyết định chuẩn y của cấp trên (số, ngày)'), { target: { value: ' Quyết định số 123-QĐ/TU ngày 20/7/2025 ' } });
    fireEvent.click(button);
    await waitFor(() => expect(onApprove).toHaveBeenCalledWith('Quyết định số 123-QĐ/TU ngày 20/7/2025'));
    const approved = renderVi(<RoundFollowUp election={election({ approvedAt: '2025-07-20T02:00:00.000Z', approvalReference: 'Quyết định số 123-QĐ/TU' })}
      round={round(tie(), 'approved')} canSteer onCreate={okTrue} onApprove={onApprove} />);
    expect(approved.getByTestId('approval').textContent).toBe('Đã được cấp trên chuẩn y: Quyết định số 123-QĐ/TU (ghi nhận ngày 20/7/2025).');
  });
});
