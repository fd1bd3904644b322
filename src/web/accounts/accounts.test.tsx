// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../api/access.ts';
import type { AccountView } from '../../api/auth.ts';
import type { Principal } from '../api/types.ts';
import { answer, fakeApi } from '../test-support/fake-api.ts';
import { renderScreen, renderVi } from '../test-support/render.tsx';
import AccountsScreen from './AccountsScreen.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import RolesScreen from './RolesScreen.tsx';

const root: Principal = {
  kind: 'user', id: 1, username: 'admin', displayName: 'Quản trị hệ thống', isServerAdmin: true, mustChangePassword: false,
  roles: [{ congress: 'ls', role: 'admin', electionId: null }],
};
const account = (id: number, username: string, over: Partial<AccountView> = {}): AccountView => ({
  id, username, displayName: username, isServerAdmin: false, disabledAt: null, lockedUntil: null, lastSignInAt: null,
  mustChangePassword: false, createdAt: '2025-07-01T00:00:00.000Z', ...over,
});
const fill = (label: string | RegExp, value: string, view: ReturnType<typeof renderVi>): void => {
  fireEvent.change(view.getByLabelText(label), { target: { value } });
};

describe('changing one\'s password', () => {
  it('refuses a short, repeated-wrong or unchanged password without asking the server, then sends a good one', async () => {
    const changePassword = vi.fn(() => answer({ ok: true as const }));
    const onDone = vi.fn();
    const view = renderScreen(<ChangePasswordForm onDone={onDone} />, fakeApi({ me: () => answer(root), changePassword }));
    await view.findByLabelText('Mật khẩu hiện tại');
    const submit = (): void => { fireEvent.click(view.getByRole('button', { name: 'Đổi mật khẩu' })); };
    fill('Mật khẩu hiện tại', 'mat-khau-cu-123', view);
    fill('Mật khẩu mới (ít nhất 10 ký tự)', 'ngan', view);
    fill('Nhập lại mật khẩu mới', 'ngan', view);
    submit();
    await view.findByText('Mật khẩu mới cần ít nhất 10 ký tự.');
    fill('Mật khẩu mới (ít nhất 10 ký tự)', 'mat-khau-moi-123', view);
    fill('Nhập lại mật khẩu mới', 'mat-khau-moi-124', view);
    submit();
    await view.findByText('Hai lần nhập mật khẩu mới không giống nhau.');
    fill('Mật khẩu mới (ít nhất 10 ký tự)', 'mat-khau-cu-123', view);
    fill('Nhập lại mật khẩu mới', 'mat-khau-cu-123', view);
    submit();
    await view.findByText('Mật khẩu mới phải khác mật khẩu hiện tại.');
    expect(changePassword).not.toHaveBeenCalled();
    fill('Mật khẩu mới (ít nhất 10 ký tự)', 'mat-khau-moi-123', view);
    fill('Nhập lại mật khẩu mới', 'mat-khau-moi-123', view);
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(changePassword).toHaveBeenCalledWith({ body: { currentPassword: 'mat-khau-cu-123', newPassword: 'mat-khau-moi-123' } });
  });
});

describe('the accounts screen', () => {
  it('shows each account\'s state, the password made once, and offers nothing against one\'s own account', async () => {
    const accounts = [
      account(1, 'admin', { isServerAdmin: true, lastSignInAt: '2025-07-15T01:05:00.000Z' }),
      account(2, 'bi.khoa', { lockedUntil: '2025-07-15T02:30:00.000Z' }),
      account(3, 'da.nghi', { disabledAt: '2025-07-14T00:00:00.000Z', mustChangePassword: true }),
    ];
    const createUser = vi.fn(() => answer({ id: 4, username: 'moi', displayName: 'Mới', isServerAdmin: false, mustChangePassword: true, password: 'MatKhauTamThoi23456' }));
    const setUserDisabled = vi.fn(() => answer(accounts[1]!));
    vi.stubGlobal('confirm', vi.fn(() => true));
    const view = renderScreen(<AccountsScreen />, fakeApi({
      me: () => answer(root), listUsers: () => answer(accounts), createUser, setUserDisabled,
    }));
    await view.findByRole('table');
    const rowOf = (name: string): HTMLElement => view.container.querySelector<HTMLElement>(`tr[data-username="${name}"]`)!;
    expect(rowOf('admin').textContent).toContain('08:05 15/7/2025');
    expect(rowOf('bi.khoa').textContent).toContain('Tạm khoá đến 09:30 ngày 15/7/2025');
    expect(rowOf('da.nghi').textContent).toContain('Đã vô hiệu hoá');
    expect(rowOf('da.nghi').textContent).toContain('Chưa đổi mật khẩu được cấp');
    expect(rowOf('admin').querySelectorAll('button')).toHaveLength(0);
    expect([...rowOf('bi.khoa').querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Vô hiệu hoá', 'Cấp mật khẩu mới', 'Mở khoá']);
    expect([...rowOf('da.nghi').querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Cho hoạt động lại', 'Cấp mật khẩu mới']);

    fireEvent.click(rowOf('bi.khoa').querySelector('button')!);
    await waitFor(() => expect(setUserDisabled).toHaveBeenCalledWith({ params: { id: 2 }, body: { disabled: true } }));

    fill(/^Tên đăng nhập/u, 'moi', view);
    fill('Họ và tên', 'Mới', view);
    fireEvent.click(view.getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await view.findByText('MatKhauTamThoi23456')).toBeTruthy();
    expect(createUser).toHaveBeenCalledWith({ body: { username: 'moi', displayName: 'Mới', isServerAdmin: false } });
    fireEvent.click(view.getByRole('button', { name: 'Đã ghi lại, đóng' }));
    expect(view.queryByText('MatKhauTamThoi23456')).toBeNull();
  });
});

describe('the roles screen', () => {
  it('offers every role of the list, asks for an election only for the counting board, and grants it', async () => {
    const grantRole = vi.fn(() => answer({ id: 9, userId: 5, username: 'kiem.phieu', displayName: 'Kiểm Phiếu', role: 'counting-board' as const, electionId: 7 }));
    const view = renderScreen(<RolesScreen />, fakeApi({
      me: () => answer(root),
      listRoles: () => answer([]),
      listAssignableUsers: () => answer([{ id: 5, username: 'kiem.phieu', displayName: 'Kiểm Phiếu' }]),
      listElections: () => answer([{ id: 7, title: 'Bầu Ban Chấp hành' } as never]),
      grantRole,
    }));
    await view.findByText('Kiểm Phiếu (kiem.phieu)');
    const role = view.container.querySelector<HTMLSelectElement>('select[name="role"]')!;
    expect([...role.options].map((o) => o.value)).toEqual([...ROLES]);
    expect(view.container.querySelector('select[name="electionId"]')).toBeNull();
    fireEvent.change(view.container.querySelector('select[name="userId"]')!, { target: { value: '5' } });
    fireEvent.change(role, { target: { value: 'counting-board' } });
    fireEvent.change(view.container.querySelector('select[name="electionId"]')!, { target: { value: '7' } });
    fireEvent.click(view.getByRole('button', { name: 'Phân công' }));
    await waitFor(() => expect(grantRole).toHaveBeenCalledWith({ params: { code: 'ls' }, body: { userId: 5, role: 'counting-board', electionId: 7 } }));
  });
});
