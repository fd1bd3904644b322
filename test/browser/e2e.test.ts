/**
 * End to end in Chromium against the real server (`daihoi serve --demo`, temp data, random port): sign-in,
 * check-in by QR from a fake camera, the hall screen following attendance live and surviving a server
 * restart, and — when the server offers batch entry — the committee election counted with two entries and a
 * ruled disagreement, its results on the hall screen. Uses the seed congress when --demo loads one, otherwise
 * sets up a small congress through the API (and says so).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELEGATE_COLUMNS } from '../../src/import/columns.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, repo, screenshot, writeQrY4m } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Congress { readonly code: string }
interface Delegate { readonly id: number; readonly code: string; readonly fullName: string; readonly status: string }

const SMALL = 'e2e-thu-nghiem';

/** The session check-ins go to (as the web client chooses it): the current one, else the first of the agenda. */
const checkinSession = async (api: Api, code: string): Promise<number> => {
  const a = await api.call<{ sessionId: number | null }>('GET', `/api/congresses/${code}/attendance`);
  if (a.sessionId !== null) return a.sessionId;
  const sessions = await api.call<Array<{ id: number; position: number }>>('GET', `/api/congresses/${code}/sessions`);
  return [...sessions].sort((x, y) => x.position - y.position)[0]!.id;
};

/** A congress with one official session in progress and five delegates, when no seed congress is loaded. */
const setUpSmallCongress = async (api: Api): Promise<string> => {
  await api.call('POST', '/api/congresses', {
    code: SMALL, higherOrganisationName: 'Đảng bộ tỉnh Lạng Sơn', organisationName: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
    kind: 'delegates', ordinal: 'XIV', termStartYear: 2020, termEndYear: 2025, startDate: '2020-07-15', endDate: '2020-07-16',
    venue: 'Hội trường Tỉnh ủy', place: 'Lạng Sơn',
  });
  const C = `/api/congresses/${SMALL}`;
  const session = await api.call<{ id: number }>('POST', `${C}/sessions`, { kind: 'official', title: 'Phiên chính thức' });
  const item = await api.call<{ id: number }>('POST', `${C}/sessions/${session.id}/items`, { title: 'Khai mạc Đại hội', kind: 'opening' });
  await api.call('PUT', `${C}/current-item`, { agendaItemId: item.id });
  const names = ['Nguyễn Văn An', 'Trần Thị Ánh', 'Lê Văn Bình', 'Phạm Thị Đào', 'Hoàng Đức Cường', 'Vi Thị Hằng', 'Lương Văn Khánh'];
  for (const [i, fullName] of names.entries()) {
    await api.call('POST', `${C}/delegates`, { code: `DB${i + 1}`, fullName, gender: i % 2 === 0 ? 'male' : 'female', category: 'elected' });
  }
  return SMALL;
};

const signIn = async (page: Page, base: string, server: RunningServer, path: string, as = server.admin): Promise<void> => {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(as.username);
  await page.getByLabel('Mật khẩu').fill(as.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}${path}`);
};

const run = chromiumAvailable();

describe.skipIf(!run)('end to end in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let code: string;
  let delegates: Delegate[];
  let camDir: string;

  beforeAll(async () => {
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent' });
    server = await startServer();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    const existing = await api.call<Congress[]>('GET', '/api/congresses');
    if (existing[0] === undefined) {
      console.warn('\n=== e2e: the server loaded no seed congress (--demo); setting up a small congress through the API ===\n');
      code = await setUpSmallCongress(api);
    } else code = existing[0].code;
    delegates = (await api.call<Delegate[]>('GET', `/api/congresses/${code}/delegates`)).filter((d) => d.status === 'summoned');
    camDir = await mkdtemp(join(tmpdir(), 'daihoi-e2e-cam-'));
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (camDir !== undefined) await rm(camDir, { recursive: true, force: true });
  });

  it('signs in with the administrator account and opens the console', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, server, '/console');
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.getByTestId('present').waitFor();
    await screenshot(page, 'e2e-01-console');
    await context.close();
  });

  it('checks a delegate in by the QR code of the card, shown to a fake camera', async () => {
    const target = delegates[1]!;
    const card = await api.call<{ payload: string }>('GET', `/api/congresses/${code}/delegates/${target.id}/card`);
    const video = join(camDir, 'card.y4m');
    await writeQrY4m(card.payload, video);
    const cam = await launch(video);
    try {
      const context = await cam.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      await context.grantPermissions(['camera'], { origin: server.base });
      const page = await context.newPage();
      await signIn(page, server.base, server, '/checkin');
      const confirmation = page.getByTestId('confirmation');
      await confirmation.waitFor({ timeout: 30_000 });
      expect(await confirmation.getAttribute('data-ok')).toBe('true');
      expect(await confirmation.textContent()).toContain(target.fullName);
      await screenshot(page, 'e2e-02-checkin-qr');
      await context.close();
    } finally {
      await cam.close();
    }
  });

  it('a delegate signs in on a phone by showing the card to its camera, sees the agenda and registers to speak', async () => {
    const target = delegates[4]!;
    const card = await api.call<{ payload: string }>('GET', `/api/congresses/${code}/delegates/${target.id}/card`);
    const video = join(camDir, 'phone.y4m');
    await writeQrY4m(card.payload, video);
    const phone = await launch(video);
    try {
      const context = await phone.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
      await context.grantPermissions(['camera'], { origin: server.base });
      const page = await context.newPage();
      await page.goto(`${server.base}/`);
      await page.getByRole('tab', { name: 'Đại biểu (quét thẻ)' }).click();
      await page.waitForURL(`${server.base}/delegate`, { timeout: 30_000 });
      await page.getByText(`Xin chào đồng chí ${target.fullName}`).waitFor();
      // The delegate's own record (GET …/me): their number, and their check-in per session.
      await page.getByRole('heading', { name: 'Thông tin của đồng chí' }).waitFor();
      await page.getByText(target.code, { exact: true }).waitFor();
      await page.getByTestId('my-checkin').waitFor();
      await page.getByRole('heading', { name: 'Chương trình đại hội' }).waitFor();
      await page.getByLabel('Tên bài tham luận').fill('Nâng cao chất lượng sinh hoạt chi bộ');
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.getByText(/Đã đăng ký, số thứ tự/u).waitFor();
      await screenshot(page, 'e2e-09-delegate-phone');
      await context.close();
    } finally {
      await phone.close();
    }
  });

  it('the hall screen follows attendance live and survives a server restart', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, server, '/hall');
    const present = async (): Promise<number> => Number((await page.getByTestId('present').textContent())?.replace(/\./gu, ''));
    await page.getByTestId('present').waitFor();
    await expect.poll(async () => Number.isNaN(await present())).toBe(false);
    const before = await present();
    await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 7; });
    const session = await checkinSession(api, code);
    const checkIn = (d: Delegate) => api.call('POST', `/api/congresses/${code}/sessions/${session}/checkins`, { delegateId: d.id, desk: 'e2e' });

    await checkIn(delegates[2]!);
    await expect.poll(present).toBe(before + 1);
    await screenshot(page, 'e2e-03-hall-live');

    await server.restart();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    await checkIn(delegates[3]!);
    await expect.poll(present, { timeout: 30_000 }).toBe(before + 2);
    await expect.poll(() => page.getByText('Mất kết nối máy chủ').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(7);
    await screenshot(page, 'e2e-04-hall-after-restart');

    // The term's resolution targets as a slide (key 3 at the hall computer), when the congress has entered them.
    const targets = await api.call<{ targets: unknown[]; summary: { total: number; metOrExceeded: number; exceeded: number } }>('GET', `/api/congresses/${code}/targets`);
    if (targets.targets.length > 0) {
      await page.keyboard.press('3');
      const s = targets.summary;
      await page.getByText(`${s.metOrExceeded}/${s.total} chỉ tiêu đạt và vượt, trong đó ${s.exceeded} chỉ tiêu vượt`).waitFor();
      await screenshot(page, 'e2e-10-hall-targets');
      await page.keyboard.press('1');
    }
    await context.close();
  }, 120_000);

  it('counts an election with two independent entries and one ruled disagreement; the result reaches the hall screen', async () => {
    const C = `/api/congresses/${code}`;
    // Everyone present, so that show-of-hands votes can pass.
    const session = await checkinSession(api, code);
    const present = new Set((await api.call<Array<{ delegateId: number }>>('GET', `${C}/sessions/${session}/checkins`)).map((c) => c.delegateId));
    for (const d of delegates) if (!present.has(d.id)) await api.call('POST', `${C}/sessions/${session}/checkins`, { delegateId: d.id, desk: 'e2e' });
    const all = (await api.call<{ present: number }>('GET', `${C}/attendance`)).present;

    const election = await api.call<{ id: number }>('POST', `${C}/elections`, { kind: 'committee', title: 'Bầu thử Ban Chấp hành (kiểm thử đầu cuối)', seats: 3 });
    const E = `${C}/elections/${election.id}`;
    const R = `${E}/rounds/1`;
    const list = delegates.slice(0, 4);
    for (const d of list) await api.call('POST', `${R}/candidates`, { delegateId: d.id, source: 'committee-list' });
    // In the console: the counting board is set up and approved by show of hands, assigned to the election,
    // the list approved, voting opened — each step decided by the rules core against N_base.
    {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, server.base, server, '/console/bodies');
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Lập ban mới' }) });
      await form.getByLabel('Loại').selectOption('counting-board');
      await form.getByLabel('Tên gọi').fill('Ban Kiểm phiếu (kiểm thử)');
      for (const d of [delegates[5]!, delegates[6]!]) {
        await form.getByLabel(/Thêm thành viên/u).fill(d.fullName);
        await form.getByRole('button', { name: new RegExp(`^${d.fullName}`, 'u') }).first().click();
      }
      await form.getByRole('button', { name: 'Lập ban' }).click();
      const card = page.locator('section.body-card', { has: page.getByRole('heading', { name: 'Ban Kiểm phiếu (kiểm thử)' }) });
      await card.waitFor();
      await card.getByLabel('Tán thành', { exact: true }).fill(String(all));
      await card.getByText('Thông qua: đạt quá một nửa').waitFor();
      await card.getByRole('button', { name: 'Biểu quyết thông qua' }).click();
      await card.getByText('Đại hội đã biểu quyết thông qua').waitFor();

      await page.goto(`${server.base}/console/elections`);
      const ecard = page.locator('article.election-card', { has: page.getByRole('heading', { name: 'Bầu thử Ban Chấp hành (kiểm thử đầu cuối)' }) });
      await ecard.getByText('Cần bầu 3, danh sách 4, số dư 1 (tối đa 1).').waitFor();
      await ecard.getByLabel('Ban Kiểm phiếu').selectOption({ label: 'Ban Kiểm phiếu (kiểm thử)' });
      await ecard.getByLabel('Tán thành', { exact: true }).fill(String(all));
      await ecard.getByRole('button', { name: 'Biểu quyết thông qua danh sách bầu cử' }).click();
      await ecard.getByText('Lần bầu 1 · 3 người · Đã thông qua danh sách').waitFor();
      await screenshot(page, 'e2e-13-console-election');
      await ecard.getByRole('button', { name: 'Bắt đầu bỏ phiếu' }).click();
      await ecard.getByText('Lần bầu 1 · 3 người · Đang bỏ phiếu').waitFor();
      await context.close();
    }

    const user = async (username: string, role: string, electionId: number | null) => {
      const password = `mat-khau-${username}-2020`;
      const u = await api.call<{ id: number }>('POST', '/api/users', { username, displayName: username, password });
      await api.call('POST', `${C}/roles`, { userId: u.id, role, electionId });
      return { username, password };
    };
    const head = await user('e2e.kiemphieu', 'counting-board', election.id);
    const op1 = await user('e2e.nhap1', 'technician', null);
    const op2 = await user('e2e.nhap2', 'technician', null);
    const boardApi = await apiAs(server.base, head.username, head.password);
    await boardApi.call('POST', `${R}/counting`, { issued: 5, collected: 5 });
    await boardApi.call('POST', `${R}/batches`, { label: 'Hòm phiếu số 1', physicalCount: 5 });

    // Two operators at two browsers type the same stack; the second misreads ballot 3.
    const enter = async (as: { username: string; password: string }, lines: readonly string[], shot: string | null): Promise<void> => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, server.base, server, '/counting', as);
      await page.getByRole('button', { name: /Hòm phiếu số 1/u }).click();
      await page.getByRole('button', { name: 'Bắt đầu nhập tập này' }).click();
      const line = page.getByLabel(/Gõ số thứ tự các tên bị gạch/u);
      for (const [i, text] of lines.entries()) {
        await line.fill(text);
        await line.press('Enter');
        await expect.poll(() => page.getByTestId('running-count').textContent()).toBe(`${i + 1} / 5 phiếu`);
      }
      // Backspace on the empty line takes the last ballot back; typing it again restores the count.
      await line.press('Backspace');
      await expect.poll(() => page.getByTestId('running-count').textContent()).toBe('4 / 5 phiếu');
      await line.fill(lines[4]!);
      await line.press('Enter');
      await expect.poll(() => page.getByTestId('running-count').textContent()).toBe('5 / 5 phiếu');
      if (shot !== null) await screenshot(page, shot);
      await page.getByRole('button', { name: 'Kết thúc lượt nhập tập này' }).click();
      await page.getByText('Đã kết thúc lượt nhập').waitFor();
      await context.close();
    };
    await enter(op1, ['4', '4', '3', '2', '1'], 'e2e-05-entry-operator-1');
    await enter(op2, ['4', '4', '2', '2', '1'], null);

    // The board sees the one disagreement, looks at the paper ballot and rules; then finishes the count.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, server, '/counting', head);
    const disagreement = page.getByTestId('disagreement');
    await disagreement.waitFor();
    expect(await page.getByTestId('disagreement').count()).toBe(1);
    expect(await disagreement.textContent()).toContain('Phiếu thứ 3 trong tập');
    await screenshot(page, 'e2e-06-reconciliation');
    await disagreement.getByLabel('Lá phiếu thực tế (cú pháp nhập phiếu)').fill('3');
    await disagreement.getByLabel('Lý do').selectOption('unclear-mark');
    await disagreement.getByRole('button', { name: 'Ghi phán quyết' }).click();
    await page.getByText(/Đã phán quyết/u).waitFor();
    await page.getByRole('button', { name: 'Chốt kết quả kiểm phiếu' }).click();
    await page.getByText('Kết quả kiểm phiếu', { exact: true }).waitFor();
    await screenshot(page, 'e2e-07-count-result');
    await context.close();

    // Published, it goes on the hall screen: bars for the four names, the elected highlighted.
    const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
    const hallPage = await hall.newPage();
    await signIn(hallPage, server.base, server, '/hall');
    await hallPage.getByTestId('present').waitFor();
    await api.call('POST', `${R}/transition`, { to: 'published' });
    await hallPage.locator('svg.results-chart').waitFor({ timeout: 20_000 });
    expect(await hallPage.getByTestId('bar').count()).toBe(4);
    const stored = await api.call<Array<{ id: number; rounds: Array<{ result: { count: { elected: string[] } } }> }>>('GET', `${C}/elections`);
    const elected = stored.find((e) => e.id === election.id)!.rounds[0]!.result.count.elected;
    expect(await hallPage.locator('[data-testid="bar"][data-elected="true"]').count()).toBe(elected.length);
    expect(await hallPage.getByTestId('outcome').textContent()).toContain(`Trúng cử ${elected.length}/3`);
    await screenshot(hallPage, 'e2e-08-hall-results');
    await hall.close();
  }, 240_000);

  it('imports delegates from a file: every bad row reported by row and column, then a good file imported', async () => {
    const C = `/api/congresses/${code}`;
    let orgs = await api.call<Array<{ name: string }>>('GET', `${C}/organisations`);
    if (orgs.length === 0) {
      await api.call('POST', `${C}/organisations`, { name: 'Đảng bộ Sở Tài chính' });
      orgs = await api.call<Array<{ name: string }>>('GET', `${C}/organisations`);
    }
    const org = orgs[0]!.name;
    const csv = (rows: ReadonlyArray<Readonly<Record<string, string>>>): Buffer => {
      const cell = (v: string): string => (/[",\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
      const lines = [DELEGATE_COLUMNS.map((c) => c.header).join(','), ...rows.map((r) => DELEGATE_COLUMNS.map((c) => cell(r[c.key] ?? '')).join(','))];
      return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    };
    const good = { gender: 'Nam', organisation: org, category: 'Bầu', birthDate: '15/03/1970' };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, server, '/console/delegates');
    const file = page.getByLabel('Nhập danh sách đại biểu từ tệp .xlsx hoặc .csv');

    await file.setInputFiles({ name: 'danh-sach-loi.csv', mimeType: 'text/csv', buffer: csv([
      { ...good, code: 'E2E01', fullName: 'Đinh Thị Mai' },
      { ...good, code: 'E2E02', fullName: '', organisation: 'Đơn vị không có' },
    ]) });
    await page.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await page.getByText(/không đại biểu nào được nhập/u).waitFor();
    const issues = page.locator('table.issues tbody tr');
    expect(await issues.count()).toBeGreaterThanOrEqual(2);
    expect(await issues.first().textContent()).toMatch(/^3/u);
    await screenshot(page, 'e2e-11-import-errors');

    await file.setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: csv([
      { ...good, code: 'E2E01', fullName: 'Đinh Thị Mai' },
      { ...good, code: 'E2E02', fullName: 'Sầm Văn Quý' },
    ]) });
    await page.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await page.getByText('Đã nhập 2 đại biểu.').waitFor();
    await page.getByLabel('Tìm theo tên hoặc mã').fill('sam van quy');
    await page.getByRole('cell', { name: 'Sầm Văn Quý' }).waitFor();
    await screenshot(page, 'e2e-12-import-done');
    await context.close();
  });
});
