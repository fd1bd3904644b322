// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultCongressSettings } from '../../rules/index.ts';
import type { ElectionView, Principal } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { candidate, congressView, electionView, roundView, userWith } from '../test-support/views.ts';
import { ElectionsSection } from './ElectionsSection.tsx';

/** A delegation to the higher congress: 2 to elect, 4 on the list (surplus 2). */
const delegation: ElectionView = electionView({
  kind: 'delegates', title: 'Bầu đoàn đại biểu đi dự Đại hội cấp trên', seats: 2,
  rounds: [roundView({
    seats: 2,
    candidates: [candidate(1, 'Nguyễn Văn An'), candidate(2, 'Trần Thị Bình'), candidate(3, 'Lê Văn Cường'),
      candidate(4, 'Phạm Thị Dung', { source: 'nominated', pollAgree: 40 })],
  })],
});

const render = (delegationMaxSurplus: number | null, me: Principal = userWith('secretariat'), election = delegation) =>
  renderScreen(<ElectionsSection />, fakeApi({
    me: () => answer(me),
    getCongress: () => answer(congressView({ settings: { ...defaultCongressSettings, delegationMaxSurplus } })),
    listElections: () => answer([election]),
  }));

describe('the surplus of an election list, as the server checks it', () => {
  it('a delegation whose list exceeds the congress\'s maximum surplus for delegations shows the error', async () => {
    const view = render(1);
    const line = await view.findByTestId('surplus');
    expect(line.textContent).toBe('Cần bầu 2, danh sách 4, số dư 2 (tối đa 1). Số dư vượt mức Đại hội đã biểu quyết.');
    expect(line.className).toBe('warning-text');
  });

  it('within the maximum, or with none set, the list is lawful', async () => {
    const within = render(2);
    expect((await within.findByTestId('surplus')).textContent?.trim()).toBe('Cần bầu 2, danh sách 4, số dư 2 (tối đa 2).');
    within.unmount();
    const none = render(null);
    const line = await none.findByTestId('surplus');
    expect(line.textContent?.trim()).toBe('Cần bầu 2, danh sách 4, số dư 2.');
    expect(line.className).toBe('ok-text');
  });

  it('the committee\'s own list (10–15% over the seats) counts only the names still on it', async () => {
    // 10 seats; the convening committee listed 12, one of whom withdrew: 11 on the list, 1 over the seats (10%).
    const names = Array.from({ length: 12 }, (_, i) => candidate(i + 1, `Ứng cử viên ${i + 1}`, i === 11 ? { status: 'withdrawn' } : {}));
    const committee = electionView({ seats: 10, rounds: [roundView({ seats: 10, candidates: names })] });
    const line = await render(null, userWith('secretariat'), committee).findByTestId('surplus');
    expect(line.textContent?.trim()).toBe('Cần bầu 10, danh sách 11, số dư 1 (tối đa 3).');
  });
});

describe('what the list offers, by who is signed in', () => {
  it('the secretariat (the office) may take a withdrawal request and nominate from the floor', async () => {
    const view = render(null);
    await view.findByTestId('surplus');
    expect(view.getAllByRole('button', { name: 'Xin rút' })).toHaveLength(4);
    expect(view.getByRole('heading', { name: 'Đề cử, ứng cử tại đại hội' })).toBeTruthy();
  });

  it('the presidium steers the vote but does not edit the list', async () => {
    const view = render(null, userWith('presidium'));
    await view.findByTestId('surplus');
    expect(view.queryAllByRole('button', { name: 'Xin rút' })).toHaveLength(0);
    expect(view.queryByRole('heading', { name: 'Đề cử, ứng cử tại đại hội' })).toBeNull();
  });
});

describe('the seats and count settings of an election, saved on its card', () => {
  it('saving touches the round on the server: the form stays, with the saved values and its "saved" line', async () => {
    let current = electionView({ seats: 5, rounds: [roundView({ seats: 5 })] });
    const sent: unknown[] = [];
    const view = renderScreen(<ElectionsSection />, fakeApi({
      me: () => answer(userWith('secretariat')),
      getCongress: () => answer(congressView({})),
      listElections: () => answer([current]),
      updateElection: ({ body }) => {
        sent.push(body);
        // The server sets the round's updatedAt along with its seats.
        current = { ...current, seats: body.seats ?? current.seats, rounds: [{ ...current.rounds[0]!, seats: body.seats ?? 5, updatedAt: '2025-07-15T03:00:00.000Z' }] };
        return answer(current);
      },
    }));
    const form = within(await view.findByRole('form', { name: `Số lượng và các thiết lập kiểm phiếu — ${current.title}` }));
    fireEvent.change(form.getByLabelText('Số lượng được bầu'), { target: { value: '3' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu số lượng và thiết lập' }));
    await form.findByText('Đã lưu.');
    expect(sent).toEqual([{ seats: 3 }]);
    await waitFor(() => expect(view.getAllByText(/Cần bầu 3/u).length).toBeGreaterThan(0));
    const after = within(view.getByRole('form', { name: `Số lượng và các thiết lập kiểm phiếu — ${current.title}` }));
    expect(after.getByText('Đã lưu.')).toBeTruthy();
    expect(after.getByLabelText<HTMLInputElement>('Số lượng được bầu').value).toBe('3');
  });
});
