// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { countBallots, defaultCountSettings, type ElectionCount, type ElectionSpec } from '../../rules/index.ts';
import type { NewRoundBody } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ElectionView, Round } from '../api/types.ts';
import { renderVi } from '../test-support/render.tsx';
import { nextRoundDefaults, RoundFollowUp } from './RoundFollowUp.tsx';

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Gấm'];
const spec = (seats: number, base: number): ElectionSpec => ({
  kind: 'committee', seats, alternateSeats: 0, base, settings: defaultCountSettings,
  candidates: names.slice(0, 4).map((name, i) => ({ id: `c${i + 1}`, name })),
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
  id: 5, kind: 'committee', title: 'Bầu Ban Chấp hành', seats: 2, alternateSeats: 0, maxSurplus: null, countingBoardId: 1, settings: defaultCountSettings,
  approvedAt: null, approvalReference: null, agendaItemId: null, rounds: [], ...over,
});
const round = (count: ElectionCount, status: Round['status'] = 'published', over: Partial<Round> = {}): Round => ({
  id: 9, number: 1, seats: 2, alternateSeats: 0, status, base: count.base, present: count.base, ballotsIssued: 6, ballotsCollected: 6,
  result: { type: 'election', count }, countedBy: 'batches', candidates: [], updatedAt: '2025-07-15T03:00:00.000Z', ...over,
});
const okTrue = (): Promise<ApiResult<true>> => Promise.resolve({ ok: true, value: true });

describe('after a published round: the next round and the approval', () => {
  it('the fixtures count as described', () => {
    expect(tie()).toMatchObject({ outcome: 'tie', elected: [], tie: { seats: 2, candidates: ['c1', 'c2', 'c3'] } });
    expect(shortfall()).toMatchObject({ outcome: 'shortfall', elected: ['c1'], unfilledSeats: 2 });
  });

  it('offers no next round when every seat is filled', () => {
    // 1 seat, N_base 6: An kept on all 6 ballots → elected, complete.
    const complete = counted(spec(1, 6), Array.from({ length: 6 }, () => ['c2', 'c3', 'c4']));
    expect([complete.outcome, complete.elected]).toEqual(['complete', ['c1']]);
    expect(nextRoundDefaults(complete, { id: 9, seats: 1, alternateSeats: 0 }, election({ seats: 1 }))).toBeNull();
    const { queryByTestId } = renderVi(<RoundFollowUp election={election({ seats: 1 })} round={round(complete, 'published', { seats: 1 })}
      canSteer onCreate={okTrue} onApprove={okTrue} />);
    expect(queryByTestId('next-round-situation')).toBeNull();
  });

  it('after a tie: round 2 among the tied names for the remaining seats', async () => {
    const onCreate = vi.fn((_: NewRoundBody) => okTrue());
    const { getByTestId, getByRole, getByLabelText } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={onCreate} onApprove={okTrue} />);
    expect(getByTestId('next-round-situation').textContent).toBe('Còn 2 ghế; bằng phiếu: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường. Đại hội bầu lại trong số những người bằng phiếu.');
    expect((getByLabelText('Những người bằng phiếu') as HTMLInputElement).checked).toBe(true);
    expect((getByLabelText('Số người cần bầu') as HTMLInputElement).value).toBe('2');
    fireEvent.click(getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 2, alternateSeats: 0, candidates: 'tied' }));
  });

  it('after a shortfall: the unfilled seats, among those not elected by default, or a fresh list', async () => {
    const onCreate = vi.fn((_: NewRoundBody) => okTrue());
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
    const { getByRole, getByLabelText, queryByText } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={okTrue} onApprove={onApprove} />);
    const button = getByRole('button', { name: 'Ghi nhận chuẩn y' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const why = 'Ghi số và ngày của quyết định chuẩn y rồi bấm «Ghi nhận chuẩn y».';
    expect(queryByText(why)).not.toBeNull();
    fireEvent.change(getByLabelText('Quyết định chuẩn y của cấp trên (số, ngày)'), { target: { value: ' Quyết định số 123-QĐ/TU ngày 20/7/2025 ' } });
    expect(queryByText(why)).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(onApprove).toHaveBeenCalledWith('Quyết định số 123-QĐ/TU ngày 20/7/2025'));
    const approved = renderVi(<RoundFollowUp election={election({ approvedAt: '2025-07-20T02:00:00.000Z', approvalReference: 'Quyết định số 123-QĐ/TU' })}
      round={round(tie(), 'approved')} canSteer onCreate={okTrue} onApprove={onApprove} />);
    expect(approved.getByTestId('approval').textContent).toBe('Đã được cấp trên chuẩn y: Quyết định số 123-QĐ/TU (ghi nhận ngày 20/7/2025).');
  });
});

describe('the next round of a delegation: official and alternate seats', () => {
  const delegation = (seats: number, alternateSeats: number, n: number): ElectionSpec => ({
    kind: 'delegates', seats, alternateSeats, base: 10, settings: defaultCountSettings,
    candidates: names.slice(0, n).map((name, i) => ({ id: `c${i + 1}`, name })),
  });
  const keep = (s: ElectionSpec, ...kept: string[]): readonly string[] => s.candidates.map((c) => c.id).filter((id) => !kept.includes(id));
  const times = <T,>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
  /** 2 + 2, N_base 10: An 10; Bình = Cường 8 for the last official seat; Dung = Em 7 for the one alternate place left. */
  const twoTies = delegation(2, 2, 6);
  const bothTied = (): ElectionCount => counted(twoTies, [
    ...times(2, keep(twoTies, 'c1', 'c3', 'c4', 'c5')), ...times(2, keep(twoTies, 'c1', 'c2', 'c4', 'c5')),
    ...times(3, keep(twoTies, 'c1', 'c2', 'c3', 'c5')), ...times(3, keep(twoTies, 'c1', 'c2', 'c3', 'c4')),
  ]);
  const delegationView = (seats: number, alternateSeats: number, count: ElectionCount): ElectionView =>
    election({ kind: 'delegates', title: 'Bầu đoàn đại biểu', seats, alternateSeats, rounds: [round(count, 'published', { seats, alternateSeats })] });
  const render = (seats: number, alternateSeats: number, count: ElectionCount, onCreate = vi.fn((_: NewRoundBody) => okTrue())) => ({
    onCreate,
    view: renderVi(<RoundFollowUp election={delegationView(seats, alternateSeats, count)} round={round(count, 'published', { seats, alternateSeats })}
      canSteer onCreate={onCreate} onApprove={okTrue} />),
  });
  const valueOf = (el: HTMLElement): string => (el as HTMLInputElement).value;

  it('both ties are told; round 2 among the officially tied for 1 official seat and the alternate place its loser keeps', async () => {
    const { onCreate, view } = render(2, 2, bothTied());
    expect(view.getByTestId('next-round-situation').textContent).toBe('Còn 1 chỗ đại biểu chính thức; bằng phiếu: Trần Thị Bình, Lê Văn Cường. '
      + 'Còn 1 chỗ đại biểu dự khuyết; bằng phiếu: Phạm Thị Dung, Hoàng Văn Em. Đại hội bầu lại trong số những người bằng phiếu. '
      + 'Bằng phiếu ở cả chỗ chính thức và chỗ dự khuyết: vòng sau bầu trong số những người bằng phiếu ở chỗ chính thức (người không trúng chính thức được bầu vào chỗ dự khuyết dành cho họ); chỗ dự khuyết còn lại bầu ở vòng tiếp theo.');
    expect((view.getByLabelText('Những người bằng phiếu') as HTMLInputElement).checked).toBe(true);
    expect([valueOf(view.getByLabelText('Số đại biểu chính thức cần bầu')), valueOf(view.getByLabelText('Số đại biểu dự khuyết cần bầu'))]).toEqual(['1', '1']);
    fireEvent.click(view.getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 1, alternateSeats: 1, candidates: 'tied' }));
  });

  it('a tie at the alternate cut only: 0 officials, the tied alternate seat', async () => {
    const s = delegation(1, 1, 4);
    const count = counted(s, [...times(4, keep(s, 'c1', 'c2')), ...times(4, keep(s, 'c1', 'c3')), ...times(2, keep(s, 'c2', 'c3'))]);
    const { onCreate, view } = render(1, 1, count);
    expect(view.getByTestId('next-round-situation').textContent).toBe('Còn 1 chỗ đại biểu dự khuyết; bằng phiếu: Trần Thị Bình, Lê Văn Cường. Đại hội bầu lại trong số những người bằng phiếu.');
    expect([valueOf(view.getByLabelText('Số đại biểu chính thức cần bầu')), valueOf(view.getByLabelText('Số đại biểu dự khuyết cần bầu'))]).toEqual(['0', '1']);
    fireEvent.click(view.getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 0, alternateSeats: 1, candidates: 'tied' }));
  });

  it('a shortfall: every official and alternate seat left, both editable by the presidium', async () => {
    const s = delegation(2, 2, 5);
    const count = counted(s, times(10, keep(s, 'c1')));
    const { onCreate, view } = render(2, 2, count);
    expect(view.getByTestId('next-round-situation').textContent).toBe('Còn thiếu 1 đại biểu chính thức và 2 đại biểu dự khuyết: Đại hội quyết định có bầu tiếp hay không, và bầu trong danh sách nào.');
    expect((view.getByLabelText('Những người có tên trong danh sách chưa trúng cử') as HTMLInputElement).checked).toBe(true);
    expect([valueOf(view.getByLabelText('Số đại biểu chính thức cần bầu')), valueOf(view.getByLabelText('Số đại biểu dự khuyết cần bầu'))]).toEqual(['1', '2']);
    fireEvent.change(view.getByLabelText('Số đại biểu dự khuyết cần bầu'), { target: { value: '1' } });
    fireEvent.click(view.getByRole('button', { name: 'Mở vòng 2' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 1, alternateSeats: 1, candidates: 'not-elected' }));
  });

  it('after the official tie is settled, the alternate seat still left from round 1 is proposed, on a new list', async () => {
    // Round 2 among Bình and Cường for 1 official + 1 alternate: Bình official, Cường alternate; round 1's tied alternate place remains.
    const r2spec: ElectionSpec = { ...delegation(1, 1, 3), candidates: [{ id: 'c2', name: names[1]! }, { id: 'c3', name: names[2]! }] };
    const marked = countBallots(r2spec, [...times(6, { marks: { c2: 'agree' as const, c3: 'agree' as const } }), ...times(4, { marks: { c2: 'agree' as const, c3: 'disagree' as const } })]);
    if (!marked.ok || marked.value.type !== 'election') throw new Error('fixture');
    const second = marked.value.count;
    expect([second.outcome, second.elected, second.alternates]).toEqual(['complete', ['c2'], ['c3']]);
    const first = round(bothTied(), 'published', { id: 8, seats: 2, alternateSeats: 2 });
    const r2 = round(second, 'published', { id: 9, number: 2, seats: 1, alternateSeats: 1 });
    const onCreate = vi.fn((_: NewRoundBody) => okTrue());
    const view = renderVi(<RoundFollowUp election={election({ kind: 'delegates', seats: 2, alternateSeats: 2, rounds: [first, r2] })} round={r2}
      canSteer onCreate={onCreate} onApprove={okTrue} />);
    expect(view.getByTestId('next-round-situation').textContent).toBe('Cuộc bầu cử còn 0 đại biểu chính thức và 1 đại biểu dự khuyết chưa bầu đủ.');
    expect((view.getByLabelText('Danh sách mới (bổ sung tên sau)') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(view.getByRole('button', { name: 'Mở vòng 3' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ seats: 0, alternateSeats: 1, candidates: 'none' }));
  });

  it('a result stored before both cuts were recorded: its one tie, read at the right cut', () => {
    const { remaining: _, ...legacy } = bothTied();
    expect(nextRoundDefaults(legacy, { id: 9, seats: 2, alternateSeats: 2 }, delegationView(2, 2, legacy))).toEqual({ candidates: 'tied', seats: { official: 1, alternate: 1 } });
  });

  it('alternates elected on a ballot of their own (the election\'s settings): no further round for them once the officials are in', () => {
    const settings = { ...defaultCountSettings, alternatesFromSameBallot: false };
    const s: ElectionSpec = { ...delegation(2, 2, 3), settings };
    const count = counted(s, times(10, keep(s, 'c1', 'c2')));
    expect([count.outcome, count.elected, count.alternates]).toEqual(['complete', ['c1', 'c2'], []]);
    const own = election({ kind: 'delegates', seats: 2, alternateSeats: 2, settings, rounds: [round(count, 'published', { seats: 2, alternateSeats: 2 })] });
    expect(nextRoundDefaults(count, { id: 9, seats: 2, alternateSeats: 2 }, own)).toBeNull();
    const view = renderVi(<RoundFollowUp election={own} round={round(count, 'published', { seats: 2, alternateSeats: 2 })} canSteer onCreate={okTrue} onApprove={okTrue} />);
    expect(view.queryByTestId('next-round-situation')).toBeNull();
    // The same round under the default settings leaves the 2 alternate seats to elect.
    expect(nextRoundDefaults(count, { id: 9, seats: 2, alternateSeats: 2 }, { ...own, settings: defaultCountSettings }))
      .toEqual({ candidates: 'none', seats: { official: 0, alternate: 2 } });
  });

  it('a committee has no alternate field', () => {
    const { queryByLabelText } = renderVi(<RoundFollowUp election={election()} round={round(tie())} canSteer onCreate={okTrue} onApprove={okTrue} />);
    expect(queryByLabelText('Số đại biểu dự khuyết cần bầu')).toBeNull();
    expect(queryByLabelText('Số người cần bầu')).not.toBeNull();
  });
});
