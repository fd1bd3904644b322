/**
 * Accounts from the screens, in Chromium, against the real server started on an EMPTY data folder (no --demo):
 * the administrator signs in with the password printed at first start and is made to change it; creates an
 * account on the accounts screen (the password shown once); gives it the secretariat role at the congress on the
 * roles screen; that user signs in with the shown password, is made to change it, and sees the congress.
 *
 * The congress itself is created through the API right after the administrator's password change: this branch
 * has no congress-creation screen (another branch builds it).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, screenshot } from './support.ts';

const run = chromiumAvailable();
const CODE = 'tai-khoan-thu';

const signIn = async (page: Page, username: string, password: string): Promise<void> => {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

const choosePassword = async (page: Page, current: string, next: string): Promise<void> => {
  await page.getByLabel('Mật khẩu hiện tại').fill(current);
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
};

describe.skipIf(!run)('accounts from the screens, from an empty data folder', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demo: false, keepPrintedPassword: true });
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('first sign-in with the printed password, forced change, an account and a role given, that user signs in and sees the congress', async () => {
    expect(server.output()).toMatch(/mật khẩu \/ password: \S+/u);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();

    // The administrator, with the printed password: made to choose another before anything else.
    await page.goto(`${server.base}/`);
    await page.waitForURL(/\/signin/u);
    await signIn(page, 'admin', server.admin.password);
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await screenshot(page, 'accounts-1-forced-change');
    // The server refuses the rest meanwhile.
    const refused = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(refused).toBe(403);
    await choosePassword(page, server.admin.password, server.admin.password);
    await page.getByText('Mật khẩu mới phải khác mật khẩu hiện tại.').waitFor();
    const adminPassword = 'quan-tri-he-thong-2025';
    await choosePassword(page, server.admin.password, adminPassword);
    // No congress yet: the server administrator lands on the congresses screen (create the first one).
    await page.getByRole('heading', { name: 'Tạo đại hội mới' }).waitFor();
    await screenshot(page, 'accounts-2-no-congress');

    // Setup only: the congress through the API (its creation from the screen is test/browser/own-congress.test.ts).
    const api = await apiAs(server.base, 'admin', adminPassword);
    await api.call('POST', '/api/congresses', {
      code: CODE, higherOrganisationName: 'Đảng bộ tỉnh Lạng Sơn', organisationName: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
      kind: 'delegates', ordinal: 'XIV', termStartYear: 2020, termEndYear: 2025, startDate: '2020-07-15', endDate: '2020-07-16',
      venue: 'Hội trường Tỉnh ủy', place: 'Lạng Sơn',
    });

    // The accounts screen, from the menu: a new account, its password shown once.
    await page.goto(`${server.base}/console`);
    await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.waitForURL(`${server.base}/accounts`);
    await page.getByRole('heading', { name: 'Tài khoản người dùng' }).waitFor();
    await page.getByLabel(/^Tên đăng nhập \(/u).fill('thu.ky');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Thư Ký');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const shown = page.locator('output.new-password');
    await shown.waitFor();
    const given = (await shown.textContent()) ?? '';
    expect(given).toMatch(/^[A-Za-z2-9]{20}$/u);
    const row = page.locator('tr[data-username="thu.ky"]');
    await expect.poll(async () => row.textContent()).toContain('Chưa đổi mật khẩu được cấp');
    expect(await page.locator('tr[data-username="admin"]').textContent()).toMatch(/Có.*Đang hoạt động/u);
    await screenshot(page, 'accounts-3-created');
    await page.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
    expect(await page.locator('output.new-password').count()).toBe(0);

    // The roles screen: the secretariat role at the congress.
    await page.getByRole('link', { name: 'Phân công' }).click();
    await page.waitForURL(`${server.base}/roles`);
    await page.getByRole('heading', { name: 'Phân công vai trò ở đại hội' }).waitFor();
    const roleOptions = await page.locator('select[name="role"]').locator('option').allTextContents();
    expect(roleOptions).toEqual(['Quản trị đại hội', 'Văn phòng, Đoàn Thư ký', 'Đoàn Chủ tịch', 'Ban Kiểm phiếu', 'Kỹ thuật viên', 'Bàn điểm danh', 'Màn hình hội trường']);
    await page.locator('select[name="userId"]').selectOption({ label: 'Nguyễn Thị Thư Ký (thu.ky)' });
    await page.locator('select[name="role"]').selectOption({ label: 'Văn phòng, Đoàn Thư ký' });
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.locator('table.roles-table').getByText('Nguyễn Thị Thư Ký (thu.ky)').waitFor();
    await screenshot(page, 'accounts-4-role-granted');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/signin/u);

    // The new user: the shown password, a forced change, then the congress.
    await signIn(page, 'thu.ky', given);
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByText('Nguyễn Thị Thư Ký').waitFor();
    const own = 'thu-ky-rieng-2025';
    await choosePassword(page, given, own);
    await page.waitForURL(`${server.base}/console`);
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.getByText('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn').first().waitFor();
    expect(await page.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(0);
    await screenshot(page, 'accounts-5-user-sees-congress');

    // Their own password again, from the menu.
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(`${server.base}/account/password`);
    await choosePassword(page, own, 'thu-ky-lan-hai-2025');
    await page.getByText('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.').waitFor();
    await screenshot(page, 'accounts-6-own-password');
    await context.close();

    // What the screens did, as the server has it.
    const accounts = await api.call<Array<{ username: string; mustChangePassword: boolean; lastSignInAt: string | null }>>('GET', '/api/users');
    expect(accounts.find((a) => a.username === 'thu.ky')).toMatchObject({ mustChangePassword: false });
    expect(accounts.find((a) => a.username === 'thu.ky')?.lastSignInAt).not.toBeNull();
    const roles = await api.call<Array<{ username: string; role: string }>>('GET', `/api/congresses/${CODE}/roles`);
    expect(roles.map((r) => [r.username, r.role])).toEqual([['thu.ky', 'secretariat']]);
  }, 240_000);

  it('the server administrator unlocks a held account and disables it from the screen: its open session ends', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const userContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const admin = await adminContext.newPage();
    admin.on('dialog', (d) => void d.accept());
    const user = await userContext.newPage();

    // Five wrong passwords from this machine: the account waits here.
    await user.goto(`${server.base}/signin`);
    for (let i = 0; i < 5; i++) {
      await signIn(user, 'thu.ky', `sai-${i}`);
      await user.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    }
    await signIn(user, 'thu.ky', 'thu-ky-lan-hai-2025');
    await user.getByText(/Đăng nhập sai nhiều lần từ máy này\. Hãy thử lại sau \d+ giây\./u).waitFor();
    await screenshot(user, 'accounts-7-held');

    await admin.goto(`${server.base}/signin`);
    await signIn(admin, 'admin', 'quan-tri-he-thong-2025');
    await admin.waitForURL(`${server.base}/console`);
    await admin.goto(`${server.base}/accounts`);
    const row = admin.locator('tr[data-username="thu.ky"]');
    await row.getByText(/Tạm khoá đến \d\d:\d\d ngày/u).waitFor();
    await screenshot(admin, 'accounts-8-held-on-list');
    await row.getByRole('button', { name: 'Mở khoá' }).click();
    await expect.poll(async () => row.getByRole('button', { name: 'Mở khoá' }).count()).toBe(0);

    await signIn(user, 'thu.ky', 'thu-ky-lan-hai-2025');
    await user.waitForURL(`${server.base}/console`);
    await user.getByRole('heading', { name: 'Tổng quan' }).waitFor();

    await row.getByRole('button', { name: 'Vô hiệu hoá' }).click();
    await row.getByText('Đã vô hiệu hoá').waitFor();
    await screenshot(admin, 'accounts-9-disabled');
    // Its session ended at once: the next page load is the sign-in page.
    await user.reload();
    await user.waitForURL(/\/signin/u);
    await signIn(user, 'thu.ky', 'thu-ky-lan-hai-2025');
    await user.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await adminContext.close();
    await userContext.close();
  }, 240_000);
});
