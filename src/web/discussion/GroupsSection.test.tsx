// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GroupBody, GroupView } from '../../api/index.ts';
import type { z } from 'zod';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen } from '../test-support/render.tsx';
import { delegateView, userWith } from '../test-support/views.ts';
import { GroupsSection } from './GroupsSection.tsx';

type Body = z.input<typeof GroupBody>;

const delegates = [
  delegateView(1, 'Hoàng Văn An', { organisationId: 10 }),
  delegateView(2, 'Lường Thị Bình', { organisationId: 10 }),
  delegateView(3, 'Nông Văn Cường', { organisationId: 20 }),
  delegateView(4, 'Vi Thị Dung', { organisationId: 20, status: 'absent-whole' }),
  delegateView(5, 'Đinh Văn Em', { organisationId: 20 }),
];
const organisations = [
  { id: 10, name: 'Đảng bộ Sở Y tế', role: 'member' as const, partyMembers: 80, position: 1, active: true },
  { id: 20, name: 'Chi bộ Ban Dân vận', role: 'member' as const, partyMembers: 20, position: 2, active: true },
];
const group1: GroupView = {
  id: 7, name: 'Tổ 1', leader: { id: 3, fullName: 'Nông Văn Cường' }, secretary: null, sitting: false, members: [{ id: 3, fullName: 'Nông Văn Cường', code: '003' }],
};

const render = (sent: Array<{ id: number | null; body: Body }>) => renderScreen(<GroupsSection />, fakeApi({
  me: () => answer(userWith('secretariat')),
  listDiscussionGroups: () => answer([group1]),
  listDelegates: () => answer(delegates),
  listOrganisations: () => answer(organisations),
  createDiscussionGroup: ({ body }) => { sent.push({ id: null, body }); return answer({ ...group1, id: 8 }); },
  updateDiscussionGroup: ({ params, body }) => { sent.push({ id: params.id, body }); return answer(group1); },
}));

describe('the secretariat forms discussion groups on the screen', () => {
  it('lists the groups and who is in none (summoned delegates only), and says why the group cannot be formed yet', async () => {
    const view = render([]);
    const row = await view.findByTestId('discussion-group');
    expect([...row.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)).toEqual(['Tổ 1', '1', 'Nông Văn Cường', '—']);
    await view.findByText('Chưa vào tổ nào: 3 đại biểu được triệu tập: Hoàng Văn An, Lường Thị Bình, Đinh Văn Em');
    expect((view.getByRole('button', { name: 'Lập tổ' }) as HTMLButtonElement).disabled).toBe(true);
    view.getByText('Chưa có tên tổ.');
    fireEvent.change(view.getByLabelText('Tên tổ'), { target: { value: 'Tổ 2' } });
    view.getByText('Tổ chưa có đại biểu nào.');
  });

  it('adds a whole delegation, picks the secretary among the members, and sends the delegates by id', async () => {
    const sent: Array<{ id: number | null; body: Body }> = [];
    const view = render(sent);
    const orgSelect = await view.findByLabelText('Thêm cả đoàn đại biểu của một đơn vị');
    // Organisations in Vietnamese order; only summoned delegates counted.
    expect([...orgSelect.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— chọn đơn vị —', 'Chi bộ Ban Dân vận (2 đại biểu)', 'Đảng bộ Sở Y tế (2 đại biểu)']);
    fireEvent.change(view.getByLabelText('Tên tổ'), { target: { value: 'Tổ 2' } });
    fireEvent.change(orgSelect, { target: { value: '10' } });
    fireEvent.click(view.getByRole('button', { name: 'Thêm cả đơn vị' }));
    view.getByText('Thành viên của tổ: 2');
    fireEvent.change(view.getByLabelText('Thư ký tổ'), { target: { value: '2' } });
    fireEvent.click(view.getByRole('button', { name: 'Lập tổ' }));
    await waitFor(() => expect(sent).toEqual([{ id: null, body: { name: 'Tổ 2', organisationIds: [], delegateIds: [1, 2], leaderId: null, secretaryId: 2 } }]));
  });

  it('names the delegates who would leave another group and saves only once that is confirmed', async () => {
    const sent: Array<{ id: number | null; body: Body }> = [];
    const view = render(sent);
    fireEvent.change(await view.findByLabelText('Tên tổ'), { target: { value: 'Tổ 2' } });
    fireEvent.change(view.getByLabelText('Thêm cả đoàn đại biểu của một đơn vị'), { target: { value: '20' } });
    fireEvent.click(view.getByRole('button', { name: 'Thêm cả đơn vị' }));
    view.getByText('1 đại biểu đang ở tổ khác sẽ chuyển sang tổ này: Nông Văn Cường (Tổ 1).');
    fireEvent.click(view.getByRole('button', { name: 'Lập tổ' }));
    expect(sent).toEqual([]);
    fireEvent.click(await view.findByRole('button', { name: 'Chuyển sang tổ này và lưu' }));
    await waitFor(() => expect(sent.map((s) => s.body.delegateIds)).toEqual([[3, 5]]));
  });

  it('changes an existing group: the form starts from its members, leader and secretary', async () => {
    const sent: Array<{ id: number | null; body: Body }> = [];
    const view = render(sent);
    fireEvent.click(await view.findByRole('button', { name: 'Sửa' }));
    view.getByText('Sửa tổ: Tổ 1');
    expect((view.getByLabelText('Tổ trưởng') as HTMLSelectElement).value).toBe('3');
    fireEvent.change(view.getByLabelText('Tên tổ'), { target: { value: 'Tổ 1 (Dân vận)' } });
    fireEvent.click(view.getByRole('button', { name: 'Lưu tổ' }));
    await waitFor(() => expect(sent).toEqual([{ id: 7, body: { name: 'Tổ 1 (Dân vận)', organisationIds: [], delegateIds: [3], leaderId: 3, secretaryId: null } }]));
  });
});
