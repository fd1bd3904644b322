/**
 * The organisations of a congress imported from a file through the screens, from an EMPTY server (no demo, no API
 * call): the first administrator signs in, creates a congress of delegates, downloads the organisations template from
 * the setup screen, imports a file with a bad row (refused whole, the row and the column named, nothing listed), then
 * the corrected file, and sees the organisations listed and the checklist's item done. Screenshots in test-artifacts/.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATION_COLUMNS } from '../../src/import/columns.ts';
import { startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, createCongress, launch, screenshot } from './support.ts';

const CODE = 'dang-bo-phuong-xv';
const HOST = 'Đảng bộ Phường Hòa Bình';
const ORGANISATIONS = [['1', 'Chi bộ Khu phố 1', '42'], ['2', 'Chi bộ Khu phố 2', '37'], ['3', 'Chi bộ Trường Tiểu học Hòa Bình', '15']] as const;

/** The template as downloaded from the screen, its example row replaced by `rows`. */
const filled = async (template: Buffer, rows: readonly (readonly string[])[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  sheet.spliceRows(2, sheet.rowCount - 1);
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!chromiumAvailable())('organisations imported from a file through the screens, from an empty server', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ demo: false, keepPrintedPassword: true });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    page = await context.newPage();
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs in, creates a congress of delegates, imports its organisations from the template and sees them listed', async () => {
    const base = server.base;
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(server.admin.username);
    await page.getByLabel('Mật khẩu').fill(server.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(server.admin.password);
    await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('phuong-mat-khau-moi');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('phuong-mat-khau-moi');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    const form = page.locator('form[aria-labelledby="new-congress"]');
    await form.waitFor();
    await createCongress(form, {
      code: CODE, parent: 'Đảng bộ Quận Hai Bà Trưng', host: HOST, kind: 'delegates', ordinal: 'xv', termFrom: '2025', termTo: '2030',
      opens: '2025-06-10', closes: '2025-06-11', venue: 'Hội trường Ủy ban nhân dân phường', place: 'Hà Nội',
    });
    await page.waitForURL(`${base}/console?congress=${CODE}`);
    // A congress of delegates needs its member organisations: the checklist says so and leads to them.
    expect(await page.getByTestId('checklist-organisations').getAttribute('data-done')).toBe('false');
    await page.getByTestId('checklist-organisations').getByRole('link').click();
    await page.waitForURL(`${base}/console/setup#organisations`);
    const section = page.locator('#organisations');
    await expect.poll(() => section.getByTestId('organisation-row').count()).toBe(1);

    const download = page.waitForEvent('download');
    await section.getByRole('link', { name: 'Tải tệp mẫu danh sách tổ chức đảng (.xlsx)' }).click();
    const template = await readFile((await (await download).path()));
    const file = section.getByLabel('Nhập danh sách tổ chức đảng từ tệp .xlsx hoặc .csv');

    // A row without a name and a number in words: refused whole, each named by row and column; nothing listed.
    await file.setInputFiles({ name: 'to-chuc-dang.xlsx', mimeType: XLSX,
      buffer: await filled(template, [...ORGANISATIONS, ['4', '', '9'], ['5', 'Chi bộ Khu phố 5', 'ba mươi']]) });
    await section.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await section.getByText('Tệp có 2 lỗi; không tổ chức đảng nào được nhập.').waitFor();
    const issues = section.locator('table.issues tbody tr');
    expect(await issues.allTextContents()).toEqual([
      `5${ORGANISATION_COLUMNS[1].header}Không được để trống.`,
      `6${ORGANISATION_COLUMNS[2].header}Phải là một số nguyên không âm (ví dụ 15), hoặc để trống.`,
    ]);
    expect(await section.getByTestId('organisation-row').count()).toBe(1);
    await screenshot(page, 'org-import-01-refused');

    await file.setInputFiles({ name: 'to-chuc-dang.xlsx', mimeType: XLSX, buffer: await filled(template, ORGANISATIONS) });
    await section.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await section.getByText('Đã nhập 3 tổ chức đảng.').waitFor();
    await expect.poll(() => section.getByTestId('organisation-row').allTextContents()).toEqual([
      `${HOST}Tổ chức triệu tập`, ...ORGANISATIONS.map(([, name, members]) => `${name}${members}`),
    ].map((t) => expect.stringContaining(t)));
    await screenshot(page, 'org-import-02-listed');

    await page.goto(`${base}/console`);
    await expect.poll(() => page.getByTestId('checklist-organisations').getAttribute('data-done')).toBe('true');
  }, 120_000);
});
