/**
 * The seed congress (`daihoi serve --demo`) over two days in Chromium, as at the rehearsal: three check-in desks — Bàn 1
 * with a (fake) camera reading the card printed by the server, Bàn 2 and Bàn 3 by search on machines without a camera —
 * each naming the congress's session it checks in for; the same card left in front of the camera is not answered twice
 * (no red flash); an alternate and a delegate absent for the whole congress get their own answers and are not counted;
 * the chair moves the agenda to day 2 and the hall keeps the present count; on day 2 a delegate signs in on the plain
 * /signin page with the QR code printed on their card, another by typing the code printed under it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS_PER_PAGE, cardBox } from '../../src/documents/card-layout.ts';
import { pdfText, rasterise, readQr } from '../../src/documents/testing/extract.ts';
import { DEMO_CODE } from '../../src/demo/index.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, repo, screenshot, writeQrY4m } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Delegate {
  readonly id: number; readonly code: string; readonly fullName: string; readonly status: string; readonly standing: string; readonly replacedById: number | null;
}
interface Attendance { readonly present: number; readonly base: number; readonly presentInCongress: number; readonly session: { readonly id: number; readonly title: string } | null }
interface Session { readonly id: number; readonly title: string; readonly position: number; readonly items: readonly { readonly id: number }[] }

/** Signs the administrator in at `path`, then opens `path` with its query (the desk's name). */
const signIn = async (page: Page, server: RunningServer, path: string): Promise<void> => {
  const bare = path.split('?')[0]!;
  await page.goto(`${server.base}${bare}`);
  await page.getByLabel('Tên đăng nhập').fill(server.admin.username);
  await page.getByLabel('Mật khẩu').fill(server.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${server.base}${bare}`);
  if (bare !== path) await page.goto(`${server.base}${path}`);
};

/** The delegate's card as the server prints it (one card on its sheet): what its QR code holds and the code printed under it. */
const printedCard = async (server: RunningServer, api: Api, delegateId: number): Promise<{ qr: string; code: string }> => {
  const r = await fetch(`${server.base}/api/congresses/${DEMO_CODE}/printouts/delegate-cards?ids=${delegateId}`, { headers: { cookie: api.cookie } });
  expect(r.status).toBe(200);
  const pdf = Buffer.from(await r.arrayBuffer());
  const b = cardBox(0);
  const qr = readQr(rasterise(pdf, 1), { x: b.x + b.width - 95, y: b.y + b.height - 105, width: 90, height: 100 }, 150, 2);
  const code = /Mã: ([A-Z0-9]{5}-[A-Z0-9]{5})/u.exec(pdfText(pdf))?.[1];
  expect(CARDS_PER_PAGE).toBeGreaterThan(0);
  if (qr === null || code === undefined) throw new Error('the printed card has no readable QR code or no code');
  return { qr, code };
};

const run = chromiumAvailable();

describe.skipIf(!run)('the seed congress over two days: three desks, the agenda moved to day 2, sign-in by the printed card', () => {
  let server: RunningServer;
  let api: Api;
  let plain: Browser;
  let camDir: string;
  let delegates: Delegate[];
  let sessions: Session[];
  const C = `/api/congresses/${DEMO_CODE}`;
  const attendance = () => api.call<Attendance>('GET', `${C}/attendance`);
  const contexts: BrowserContext[] = [];
  const context = async (browser: Browser, o: Parameters<Browser['newContext']>[0] = {}) => {
    const c = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', ...o });
    contexts.push(c);
    return c;
  };
  const pick = (f: (d: Delegate) => boolean, skip = 0): Delegate => {
    const d = delegates.filter(f)[skip];
    if (d === undefined) throw new Error('the seed congress lacks a delegate for this test');
    return d;
  };

  beforeAll(async () => {
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent' });
    server = await startServer();
    expect(server.demo, 'serve --demo loads the seed congress').toBe(true);
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    delegates = await api.call<Delegate[]>('GET', `${C}/delegates`);
    sessions = [...await api.call<Session[]>('GET', `${C}/sessions`)].sort((a, b) => a.position - b.position);
    camDir = await mkdtemp(join(tmpdir(), 'daihoi-two-day-'));
    plain = await launch();
    // Day 1 begins: the chair opens the first item of the first official session.
    await api.call('PUT', `${C}/current-item`, { agendaItemId: sessions[1]!.items[0]!.id });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await plain?.close();
    await server?.stop();
    if (camDir !== undefined) await rm(camDir, { recursive: true, force: true });
  });

  const official = (d: Delegate) => d.standing === 'official' && d.status === 'summoned';

  it('Bàn 1 reads the printed card with its camera once, names the session, and does not flash red while the card stays in view', async () => {
    const a = pick(official, 0);
    const card = await printedCard(server, api, a.id);
    const video = join(camDir, 'desk1.y4m');
    await writeQrY4m(card.qr, video);
    const cam = await launch(video);
    try {
      const ctx = await context(cam);
      await ctx.grantPermissions(['camera'], { origin: server.base });
      const page = await ctx.newPage();
      await signIn(page, server, '/checkin?desk=B%C3%A0n%201');
      await expect.poll(() => page.getByTestId('desk-heading').textContent(), { timeout: 20_000 }).toBe(`Bàn 1 · điểm danh vào đại hội · ${sessions[1]!.title}`);
      const confirmation = page.getByTestId('confirmation');
      await confirmation.waitFor({ timeout: 30_000 });
      expect(await confirmation.getAttribute('data-kind')).toBe('accepted');
      expect(await confirmation.textContent()).toContain(a.fullName);
      await page.getByRole('button', { name: 'Tắt camera' }).waitFor();
      // The card stays in front of the camera (the video loops): the answer stays green, and one check-in is recorded.
      await page.waitForTimeout(7_000);
      expect(await confirmation.getAttribute('data-kind')).toBe('accepted');
      const rows = await api.call<Array<{ delegateId: number; method: string; desk: string }>>('GET', `${C}/checkins`);
      expect(rows.filter((r) => r.delegateId === a.id)).toEqual([expect.objectContaining({ method: 'qr', desk: 'Bàn 1' })]);
      await screenshot(page, 'two-day-01-desk1-camera');
    } finally {
      await cam.close();
    }
  }, 120_000);

  it('Bàn 2 and Bàn 3, without a camera, check in by search; an alternate and a delegate absent for the whole congress get their own answer', async () => {
    const b = pick(official, 1);
    const alternate = pick((d) => d.standing === 'alternate' && !delegates.some((o) => o.replacedById === d.id));
    const absent = pick((d) => d.status === 'absent-whole');
    const before = await attendance();
    const desk = async (name: string) => {
      const page = await (await context(plain)).newPage();
      await signIn(page, server, `/checkin?desk=${encodeURIComponent(name)}`);
      await page.getByTestId('no-camera').waitFor();
      expect(await page.getByRole('button', { name: 'Tắt camera' }).count()).toBe(0);
      await expect.poll(() => page.getByTestId('desk-heading').textContent(), { timeout: 20_000 }).toContain(name);
      return page;
    };
    const find = async (page: Page, d: Delegate) => {
      await page.getByRole('searchbox').fill(d.fullName);
      await page.getByRole('button', { name: new RegExp(d.code) }).first().click();
      return page.getByTestId('confirmation');
    };
    const desk2 = await desk('Bàn 2');
    const desk3 = await desk('Bàn 3');

    const first = await find(desk2, b);
    await expect.poll(() => first.getAttribute('data-kind'), { timeout: 20_000 }).toBe('accepted');
    const alt = await find(desk2, alternate);
    await expect.poll(() => alt.getAttribute('data-kind'), { timeout: 20_000 }).toBe('not-voting');
    expect(await alt.textContent()).toContain('Đại biểu dự khuyết: đã ghi có mặt, KHÔNG biểu quyết, bầu cử.');
    await screenshot(desk2, 'two-day-02-desk2-alternate');

    const away = await find(desk3, absent);
    await expect.poll(() => away.getAttribute('data-kind'), { timeout: 20_000 }).toBe('not-admitted');
    expect(await away.textContent()).toContain('vắng mặt cả đại hội');
    await screenshot(desk3, 'two-day-03-desk3-absent-whole');
    // The delegate Bàn 1 checked in: present already, with where and how.
    const a = pick(official, 0);
    const again = await find(desk3, a);
    await expect.poll(() => again.getAttribute('data-kind'), { timeout: 20_000 }).toBe('already');
    expect(await again.textContent()).toContain('Bàn 1, quét thẻ');
    await screenshot(desk3, 'two-day-04-desk3-already');

    const after = await attendance();
    // Only B counted: not the alternate, not the absent delegate (N_base unchanged).
    expect([after.present - before.present, after.base]).toEqual([1, before.base]);
  }, 120_000);

  it('the chair moves the agenda to day 2: the hall keeps the present count and names the session', async () => {
    // The rest of the hall arrives on day 1 (through the desk's API, as the desks would).
    for (const d of delegates.filter(official).slice(2, 200)) await api.call('POST', `${C}/checkins`, { delegateId: d.id, desk: 'Bàn 2' });
    const day1 = await attendance();
    expect(day1.present).toBe(200);
    const page = await (await context(plain, { viewport: { width: 1920, height: 1080 } })).newPage();
    await signIn(page, server, '/hall');
    const present = async () => Number((await page.getByTestId('present').first().textContent())?.replace(/\./gu, ''));
    await expect.poll(present, { timeout: 20_000 }).toBe(200);
    await api.call('PUT', `${C}/current-item`, { agendaItemId: sessions[2]!.items[0]!.id });
    const day2 = await attendance();
    expect([day2.session?.title, day2.present, day2.base]).toEqual([sessions[2]!.title, 200, day1.base]);
    await expect.poll(() => page.getByTestId('attendance-session').first().textContent(), { timeout: 20_000 }).toContain(sessions[2]!.title);
    expect(await present()).toBe(200);
    expect(await page.getByText('không biểu quyết, bầu cử được').count()).toBe(0);
    await screenshot(page, 'two-day-05-hall-day2');
  }, 180_000);

  it('on day 2 a delegate signs in on the plain /signin page with the QR code printed on the card', async () => {
    const d = pick(official, 210);
    const card = await printedCard(server, api, d.id);
    const video = join(camDir, 'phone.y4m');
    await writeQrY4m(card.qr, video);
    const phone = await launch(video);
    try {
      const ctx = await context(phone, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await ctx.grantPermissions(['camera'], { origin: server.base });
      const page = await ctx.newPage();
      await page.goto(`${server.base}/signin`);
      await page.getByRole('tab', { name: 'Đại biểu (quét thẻ)' }).click();
      await page.waitForURL(`${server.base}/delegate`, { timeout: 30_000 });
      await page.getByText(`Xin chào đồng chí ${d.fullName}`).waitFor();
      await screenshot(page, 'two-day-06-signin-qr');
    } finally {
      await phone.close();
    }
  }, 120_000);

  it('another signs in by typing the code printed on the card, in lower case without the dash', async () => {
    const d = pick(official, 211);
    const card = await printedCard(server, api, d.id);
    const page = await (await context(plain, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(`${server.base}/signin`);
    await page.getByRole('tab', { name: 'Đại biểu (quét thẻ)' }).click();
    await page.getByText('Cách 2 — gõ mã').waitFor();
    await page.getByLabel('Mã in trên thẻ đại biểu').fill('ZZZZZ-ZZZZZ');
    await page.getByRole('button', { name: 'Đăng nhập bằng mã trên thẻ' }).click();
    await page.getByText('Mã thẻ không đúng').waitFor();
    await screenshot(page, 'two-day-07-signin-code-wrong');
    await page.getByLabel('Mã in trên thẻ đại biểu').fill(card.code.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: 'Đăng nhập bằng mã trên thẻ' }).click();
    await page.waitForURL(`${server.base}/delegate`, { timeout: 30_000 });
    await page.getByText(`Xin chào đồng chí ${d.fullName}`).waitFor();
    await page.getByTestId('published-results').waitFor();
    await screenshot(page, 'two-day-08-signin-code');
    // From the phone: one contribution; a second is refused with a message naming the first.
    await page.getByLabel('Tên bài tham luận').fill('Chuyển đổi số trong cơ quan Đảng');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByText(/Đã đăng ký, số thứ tự/u).waitFor();
    await page.getByTestId('my-speeches').getByText('Chuyển đổi số trong cơ quan Đảng').waitFor();
    await page.getByLabel('Tên bài tham luận').fill('Một bài nữa');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByText('Đồng chí đã đăng ký tham luận "Chuyển đổi số trong cơ quan Đảng"', { exact: false }).waitFor();
    await screenshot(page, 'two-day-10-phone-second-registration');
  }, 120_000);

  it('a session requiring a fresh check-in: the hall says how many came back, the congress count is kept', async () => {
    const page = await (await context(plain, { viewport: { width: 1920, height: 1080 } })).newPage();
    await signIn(page, server, '/hall');
    await api.call('PUT', `${C}/sessions/${sessions[2]!.id}/checkin-policy`, { freshCheckin: true });
    const a = await attendance();
    expect([a.present, a.presentInCongress]).toEqual([0, 200]);
    await api.call('POST', `${C}/checkins`, { delegateId: pick(official, 0).id, desk: 'Bàn 1' });
    await expect.poll(() => page.getByTestId('attendance-session').first().textContent(), { timeout: 20_000 })
      .toContain('yêu cầu điểm danh lại: 1/200');
    await screenshot(page, 'two-day-09-hall-fresh-checkin');
    await api.call('PUT', `${C}/sessions/${sessions[2]!.id}/checkin-policy`, { freshCheckin: false });
    expect((await attendance()).present).toBe(200);
  }, 120_000);

  it('the chair voids a mistaken check-in on the console with a reason: it stays, struck through, and is no longer counted', async () => {
    const victim = pick(official, 199);
    const before = await attendance();
    const page = await (await context(plain, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, server, '/console');
    const row = page.getByTestId('checkin-row').filter({ hasText: victim.fullName });
    await row.getByRole('button', { name: 'Huỷ lượt này' }).click();
    await page.getByTestId('void-reason').fill('Bàn 2 chọn nhầm người trùng tên');
    await page.getByRole('button', { name: 'Huỷ lượt điểm danh' }).click();
    await expect.poll(() => row.getAttribute('class'), { timeout: 20_000 }).toContain('voided');
    expect(await row.textContent()).toContain('Đã huỷ — Bàn 2 chọn nhầm người trùng tên');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'two-day-11-console-void');
    const after = await attendance();
    expect([after.present, after.base]).toEqual([before.present - 1, before.base]);
  }, 120_000);
});
