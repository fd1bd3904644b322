/**
 * The seed congress (`daihoi serve --demo`) over two days in Chromium, as at the rehearsal (issue 15), on one server.
 *
 * At the desks and the doors: three check-in desks — Bàn 1 with a (fake) camera reading the card printed by the server,
 * Bàn 2 and Bàn 3 by search on machines without a camera — each naming the congress's session it checks in for; the
 * same card left in front of the camera is not answered twice (no red flash); an alternate and a delegate absent for
 * the whole congress get their own answers and are not counted; the chair moves the agenda to day 2 and the hall keeps
 * the present count; on day 2 a delegate signs in on the plain /signin page with the QR code printed on their card,
 * another by typing the code printed under it; an account held after wrong passwords is unlocked by the administrator.
 *
 * On the floor: a wrong show of hands voided and shown struck through (an incomplete form refused with its reason
 * first); the hall screen following the agenda at 1920×1080 and 1280×720 with no text clipped; voting refused while
 * the agenda is on another item; an operator whose PC fails mid-entry continuing at another browser after a confirmed
 * take-over, and the board's head moving another operator's open entry to the board's terminal from the list of
 * entries; the minutes of the second day's election dated by its session, listing only the settings of a committee
 * election and the voided nomination struck through; the input log compact. On the chair's console every irreversible
 * step (nominating by clicking a search result, withdrawing, starting voting, publishing) says what will happen,
 * "Huỷ" changes nothing and confirming does it; the hall's operator panel there chooses what the hall shows; the
 * secretary poll has no surplus line; matching entries are "đã khớp" without "totals differ". Screenshots in test-artifacts/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_HEADER } from '../../src/api/counting.ts';
import { printoutPaths } from '../../src/api/printouts.ts';
import { CARDS_PER_PAGE, cardBox } from '../../src/documents/card-layout.ts';
import { pdfPageCount, pdfText, rasterise, readQr } from '../../src/documents/testing/extract.ts';
import { DEMO_CODE } from '../../src/demo/index.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, nameTerminal, screenshot, typeBallots, writeQrY4m } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Delegate {
  readonly id: number; readonly code: string; readonly fullName: string; readonly status: string; readonly standing: string; readonly replacedById: number | null;
}
interface Attendance { readonly present: number; readonly base: number; readonly presentInCongress: number; readonly session: { readonly id: number; readonly title: string } | null }
interface Item { readonly id: number; readonly title: string; readonly kind: string }
interface Session { readonly id: number; readonly title: string; readonly position: number; readonly items: readonly Item[] }
interface Election { readonly id: number; readonly kind: string; readonly title: string; readonly agendaItemId: number | null }
interface Round { readonly status: string; readonly candidates: ReadonlyArray<{ readonly id: number; readonly delegateId: number | null; readonly status: string }> }
interface Account { readonly username: string; readonly password: string }

/** Signs in at `path` (the administrator unless said), then opens `path` with its query (the desk's name). */
const signIn = async (page: Page, server: RunningServer, path: string, as: Account = server.admin): Promise<void> => {
  const bare = path.split('?')[0]!;
  await page.goto(`${server.base}${bare}`);
  await page.getByLabel('Tên đăng nhập').fill(as.username);
  await page.getByLabel('Mật khẩu').fill(as.password);
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

/**
 * Every text on the hall screen, measured in the page: a text box that scrolls (content taller or wider than its box
 * where overflow is not visible), a line of text outside the screen or outside the hall, or a line box too tight for
 * Vietnamese stacked diacritics (line-height under 1.3 × font size). Empty: nothing clipped.
 */
const CLIP_SCRIPT = `(() => {
  const hall = document.querySelector('main.hall');
  if (hall === null) return ['no hall'];
  const box = hall.getBoundingClientRect();
  const problems = [];
  const walker = document.createTreeWalker(hall, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    const el = node.parentElement;
    if (text === '' || el === null || el.closest('svg') !== null) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects())) {
      if (r.width === 0) continue;
      if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5
        || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) problems.push(\`outside: "\${text}"\`);
    }
    // Every ancestor up to the hall that cuts its content off must hold it whole.
    for (let a = el; a !== null && a !== hall.parentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      const cuts = [s.overflowX, s.overflowY].some((o) => o !== 'visible');
      if (cuts && (a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1)) problems.push(\`scrolls: <\${a.tagName.toLowerCase()} class="\${a.className}"> holding "\${text}"\`);
    }
    const size = parseFloat(style.fontSize);
    const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
    if (line < size * 1.3 - 0.01) problems.push(\`tight line (\${line}/\${size}): "\${text}"\`);
  }
  return [...new Set(problems)];
})()`;

const clippedTexts = (page: Page): Promise<string[]> => page.evaluate(CLIP_SCRIPT);

const run = chromiumAvailable();

describe.skipIf(!run)('the seed congress over two days (issue 15): the desks, the doors, the floor, the counting room', () => {
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
  const goTo = async (item: Item): Promise<void> => { await api.call('PUT', `${C}/current-item`, { agendaItemId: item.id }); };

  beforeAll(async () => {
    server = await startServer();
    expect(server.demo, 'serve --demo loads the seed congress').toBe(true);
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    delegates = await api.call<Delegate[]>('GET', `${C}/delegates`);
    sessions = [...await api.call<Session[]>('GET', `${C}/sessions`)].sort((a, b) => a.position - b.position);
    camDir = await mkdtemp(join(tmpdir(), 'daihoi-two-day-'));
    plain = await launch();
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await plain?.close();
    await server?.stop();
    if (camDir !== undefined) await rm(camDir, { recursive: true, force: true });
  });

  describe('the desks and the doors: attendance of the congress, sign-in by the printed card', () => {
    // Day 1 begins: the chair opens the first item of the first official session.
    beforeAll(async () => { await goTo(sessions[1]!.items[0]!); });

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

    it('five wrong passwords hold an account at this machine; the administrator unlocks it from the accounts screen', async () => {
      const account = { username: 'cua.kiemphieu', password: 'mat-khau-cua-kiemphieu-2020' };
      const u = await api.call<{ id: number }>('POST', '/api/users', { username: account.username, displayName: 'Kỹ thuật viên kiểm phiếu', password: account.password });
      await api.call('POST', `${C}/roles`, { userId: u.id, role: 'technician', electionId: null });
      const page = await (await context(plain)).newPage();
      await page.goto(`${server.base}/signin`);
      const attempt = async (password: string): Promise<void> => {
        await page.getByLabel('Tên đăng nhập').fill(account.username);
        await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
      };
      for (let i = 0; i < 5; i++) {
        await attempt(`sai-${i}`);
        await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      }
      await attempt(account.password);
      await page.getByText(/Đăng nhập sai nhiều lần từ máy này\. Hãy thử lại sau \d+ giây\./u).waitFor();
      await screenshot(page, 'two-day-12-signin-held');
      const admin = await (await context(plain)).newPage();
      await signIn(admin, server, '/accounts');
      const row = admin.locator(`tr[data-username="${account.username}"]`);
      await row.getByRole('button', { name: 'Mở khoá' }).click();
      await expect.poll(async () => row.getByRole('button', { name: 'Mở khoá' }).count(), { timeout: 20_000 }).toBe(0);
      await attempt(account.password);
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 20_000 });
    }, 120_000);
  });

  describe('the floor and the counting room: voids, the hall, terminals, the documents of the day', () => {
    let committee: Election;
    /** Every voting delegate present (once for the congress: a delegate already present is answered "already"). */
    const checkInAll = async (): Promise<void> => {
      const all = await api.call<Delegate[]>('GET', `${C}/delegates`);
      const replacing = new Set(all.map((d) => d.replacedById).filter((x) => x !== null));
      for (const d of all.filter((x) => (x.standing === 'official' && x.status === 'summoned') || replacing.has(x.id))) {
        await api.call('POST', `${C}/checkins`, { delegateId: d.id, desk: 'Bàn 1' });
      }
    };

    beforeAll(async () => {
      committee = (await api.call<Election[]>('GET', `${C}/elections`)).find((e) => e.kind === 'committee')!;
      expect(committee.agendaItemId).toBe(sessions[2]!.items[0]!.id);
      await checkInAll();
      await goTo(sessions[0]!.items[1]!);
    }, 240_000);

    it('refuses an incomplete show of hands with its reason; a wrong one is voided with a reason and stays, struck through', async () => {
      const ctx = await context(plain, { viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
      const page = await ctx.newPage();
      await signIn(page, server, '/console/votes');
      const form = page.locator('form.counts-form').last();
      await form.getByLabel('Nội dung biểu quyết').fill('Thông qua Chương trình Đại hội (ghi nhầm)');
      await form.getByLabel('Đồng ý', { exact: true }).fill('10');
      // One count typed: no verdict yet, and the button says why it waits.
      await form.getByText(/Ghi đủ cả ba số/u).waitFor();
      expect(await form.locator('.decision').count()).toBe(0);
      expect(await form.getByRole('button', { name: 'Ghi kết quả' }).isDisabled()).toBe(true);
      await form.getByLabel('Không đồng ý', { exact: true }).fill('200');
      await form.getByLabel('Ý kiến khác', { exact: true }).fill('40');
      await form.getByText(/Không thông qua/u).waitFor();
      await form.getByRole('button', { name: 'Ghi kết quả' }).click();
      const votes = await api.call<Array<{ id: number; subject: string }>>('GET', `${C}/votes`);
      const wrong = votes.find((v) => v.subject === 'Thông qua Chương trình Đại hội (ghi nhầm)')!;
      const row = page.getByTestId(`vote-${wrong.id}`);
      await row.waitFor();
      await row.getByRole('button', { name: 'Hủy biểu quyết' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/Bản ghi vẫn nằm trong biên bản, bị gạch ngang/u).waitFor();
      expect(await dialog.getByRole('button', { name: 'Hủy biểu quyết này' }).isDisabled()).toBe(true);
      await dialog.getByLabel('Lý do hủy (bắt buộc)').fill('Thư ký ghi nhầm số biểu quyết');
      await dialog.getByRole('button', { name: 'Hủy biểu quyết này' }).click();
      await row.getByText('Đã hủy bởi').waitFor();
      expect(await row.getAttribute('class')).toContain('voided');
      const decoration = await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="vote-${wrong.id}"] .record-text')).textDecorationLine`);
      expect(decoration).toContain('line-through');
      await screenshot(page, 'floor-01-vote-voided');
      await ctx.close();
    }, 120_000);

    it('the hall follows the agenda, and nothing is clipped at 1920×1080 and 1280×720', async () => {
      await api.call('POST', `${C}/votes`, { subject: 'Bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu', kind: 'other', agree: 245, disagree: 3, other: 2 });
      // The operator panel of the hall screen, on the chair's console (Biểu quyết): what the hall shows is chosen there.
      const panelCtx = await context(plain, { viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
      const panel = await panelCtx.newPage();
      await signIn(panel, server, '/console/votes');
      await panel.getByRole('heading', { name: 'Điều khiển màn hình hội trường' }).waitFor();
      for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
        const ctx = await context(plain, { viewport: { width, height }, locale: 'vi-VN' });
        const page = await ctx.newPage();
        await signIn(page, server, '/hall');
        const scene = page.locator('main.hall');
        // On the show-of-hands item: its vote (the voided one never).
        await goTo(sessions[0]!.items[1]!);
        await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('vote');
        expect(await page.getByTestId('hall-vote').textContent()).toContain('245');
        expect(await page.getByTestId('hall-vote').textContent()).not.toContain('ghi nhầm');
        expect(await clippedTexts(page)).toEqual([]);
        await screenshot(page, `floor-02-hall-vote-${width}x${height}`);
        // The agenda moves on: the screen follows.
        await goTo(sessions[0]!.items[2]!);
        await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('item');
        await page.getByTestId('current-item').getByText(sessions[0]!.items[2]!.title).waitFor();
        expect(await clippedTexts(page)).toEqual([]);
        await screenshot(page, `floor-03-hall-item-${width}x${height}`);
        // The operator holds the attendance on the hall from the panel; the hall changes, the panel says so.
        await panel.getByTestId('hall-show-attendance').click();
        await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('attendance');
        await expect.poll(() => panel.getByTestId('hall-now').textContent(), { timeout: 20_000 }).toBe('Màn hình đang chiếu: Số đại biểu có mặt. (giữ cố định theo lựa chọn)');
        expect(await clippedTexts(page)).toEqual([]);
        await screenshot(page, `floor-03b-hall-attendance-${width}x${height}`);
        if (width === 1920) await screenshot(panel, 'floor-03c-console-hall-panel');
        // The panel holds the targets: the term reviewed is the one that ends now.
        await panel.getByTestId('hall-show-targets').click();
        await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('targets');
        await page.getByText(/2015–2020/u).first().waitFor();
        expect(await page.getByText(/2020–2025/u).count()).toBe(1); // only the congress's own title
        expect(await clippedTexts(page)).toEqual([]);
        await screenshot(page, `floor-04-hall-targets-${width}x${height}`);
        // "Theo chương trình": the hall follows the agenda again.
        await panel.getByTestId('hall-follow').click();
        await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('item');
        await page.getByTestId('current-item').getByText(sessions[0]!.items[2]!.title).waitFor();
        await expect.poll(() => panel.getByTestId('hall-now').textContent(), { timeout: 20_000 }).toContain('(tự động theo chương trình)');
        await ctx.close();
      }
      await panelCtx.close();
    }, 180_000);

    it("voting opens only on the election's item; an operator whose PC fails continues elsewhere; the board's head moves another entry to its terminal; the documents of the day", async () => {
      // The second day: the committee election under its own agenda item.
      const election = sessions[2]!.items[0]!;
      await checkInAll();
      const bodies = await api.call<Array<{ id: number; kind: string; approvedVoteId: number | null }>>('GET', `${C}/bodies`);
      for (const b of bodies.filter((x) => (x.kind === 'presidium' || x.kind === 'counting-board') && x.approvedVoteId === null)) {
        await api.call('POST', `${C}/bodies/${b.id}/approval`, { agree: 248, disagree: 1, other: 1 });
      }
      const E = `${C}/elections/${committee.id}`;
      const R = `${E}/rounds/1`;
      // A nomination from the floor, voided by the chair with a reason while the list is a draft: it stays in the minutes.
      const nominee = await api.call<{ id: number }>('POST', `${R}/candidates`, { fullName: 'Lò Văn Nhầm', birthDate: null, source: 'nominated' });
      await api.call('POST', `${R}/candidates/${nominee.id}/void`, { reason: 'Giới thiệu nhầm người cùng tên' });
      const roundNow = async (): Promise<Round> => (await api.call<{ rounds: Round[] }>('GET', E)).rounds[0]!;
      // The chair's console, Bầu cử: each irreversible step says what will happen; "Huỷ" changes nothing.
      const chair = await (await context(plain, { viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' })).newPage();
      await signIn(chair, server, '/console/elections');
      const card = chair.locator(`article[aria-labelledby="election-${committee.id}"]`);
      const confirm = chair.getByRole('dialog');
      const cancel = async (): Promise<void> => {
        await confirm.getByRole('button', { name: 'Huỷ', exact: true }).click();
        await confirm.waitFor({ state: 'hidden' });
      };
      await card.getByTestId('surplus').waitFor();
      // The secretary poll has no surplus: no "số dư -1 (tối đa —)" line.
      const secretaryPoll = (await api.call<Election[]>('GET', `${C}/elections`)).find((e) => e.kind === 'secretary-poll')!;
      const pollCard = chair.locator(`article[aria-labelledby="election-${secretaryPoll.id}"]`);
      await pollCard.getByText(/Lần bầu 1 ·/u).waitFor();
      expect(await pollCard.getByTestId('surplus').count()).toBe(0);
      expect(await pollCard.textContent()).not.toMatch(/số dư|tối đa —/u);
      await pollCard.scrollIntoViewIfNeeded();
      await screenshot(chair, 'floor-09-console-secretary-poll-no-surplus');
      // Nominating by clicking a search result: confirmed first.
      const onList = new Set((await roundNow()).candidates.map((c) => c.delegateId));
      const floorNominee = delegates.find((d) => d.standing === 'official' && d.status === 'summoned' && !onList.has(d.id))!;
      await card.getByLabel('Tìm theo tên hoặc mã').fill(floorNominee.code);
      await card.getByLabel('Hình thức').selectOption({ label: 'Được đề cử' });
      const result = card.locator('.search-results button').filter({ hasText: floorNominee.fullName });
      await result.click();
      await confirm.getByText(`Ghi ${floorNominee.fullName} vào danh sách là người được giới thiệu (Được đề cử). Người này sẽ qua phiếu xin ý kiến trước khi vào danh sách bầu cử.`).waitFor();
      await screenshot(chair, 'floor-10-confirm-nominate');
      await cancel();
      expect((await roundNow()).candidates.some((c) => c.delegateId === floorNominee.id)).toBe(false);
      await result.click();
      await confirm.getByRole('button', { name: 'Ghi vào danh sách' }).click();
      await expect.poll(async () => (await roundNow()).candidates.find((c) => c.delegateId === floorNominee.id)?.status, { timeout: 20_000 }).toBe('listed');
      // Withdrawing that nominee: confirmed first; the congress then decides.
      const floorCandidate = (await roundNow()).candidates.find((c) => c.delegateId === floorNominee.id)!;
      const withdraw = card.getByTestId(`candidate-${floorCandidate.id}`).getByRole('button', { name: 'Xin rút', exact: true });
      await withdraw.click();
      await confirm.getByText(`Ghi nhận ${floorNominee.fullName} xin rút khỏi danh sách. Đại hội sẽ biểu quyết việc cho rút; trong lúc chờ, danh sách không được thông qua.`).waitFor();
      await screenshot(chair, 'floor-11-confirm-withdraw');
      await cancel();
      expect((await roundNow()).candidates.find((c) => c.id === floorCandidate.id)?.status).toBe('listed');
      await withdraw.click();
      await confirm.getByRole('button', { name: 'Ghi nhận xin rút' }).click();
      await expect.poll(async () => (await roundNow()).candidates.find((c) => c.id === floorCandidate.id)?.status, { timeout: 20_000 }).toBe('withdrawal-requested');
      await api.call('POST', `${R}/candidates/${floorCandidate.id}/withdrawal-decision`, { agree: 248, disagree: 1, other: 1 });
      expect((await roundNow()).candidates.find((c) => c.id === floorCandidate.id)?.status).toBe('withdrawn');
      await api.call('POST', `${R}/transition`, { to: 'list-approved', agree: 248, disagree: 1, other: 1 });
      // The agenda is still on the preparatory session's item: voting does not open there.
      await expect(api.call('POST', `${R}/transition`, { to: 'voting' })).rejects.toThrow(/voting\.other-item/u);
      await goTo(election);
      // Starting voting from the chair's console: confirmed with what will happen; "Huỷ" leaves the list approved.
      await chair.reload();
      const openVoting = card.getByTestId('open-voting');
      await openVoting.click();
      await confirm.getByText(new RegExp(`^Bắt đầu bỏ phiếu «${committee.title.replace(/[.*+?^$()|[\]\\{}]/gu, '\\$&')}» \\(\\d+ người trong danh sách\\)\\. Số đại biểu làm căn cứ và số có mặt được chốt từ lúc này; danh sách không sửa được nữa\\. Không hoàn tác được\\.$`, 'u')).waitFor();
      await screenshot(chair, 'floor-12-confirm-voting');
      await cancel();
      expect((await roundNow()).status).toBe('list-approved');
      await openVoting.click();
      await confirm.getByRole('button', { name: 'Bắt đầu bỏ phiếu' }).click();
      await expect.poll(async () => (await roundNow()).status, { timeout: 20_000 }).toBe('voting');
      const user = async (username: string, role: string, electionId: number | null): Promise<Account> => {
        const password = `mat-khau-${username}-2020`;
        const u = await api.call<{ id: number }>('POST', '/api/users', { username, displayName: username, password });
        await api.call('POST', `${C}/roles`, { userId: u.id, role, electionId });
        return { username, password };
      };
      const head = await user('san.kiemphieu', 'counting-board', committee.id);
      const op = await user('san.nhap1', 'technician', null);
      const op2 = await user('san.nhap2', 'technician', null);
      const board = await apiAs(server.base, head.username, head.password);
      await api.call('PUT', `${R}/ballots`, { issued: 3, collected: 3 });
      await api.call('POST', `${R}/transition`, { to: 'counting' });
      const label = 'Hòm phiếu số 1 (thử chuyển máy)';
      await board.call('POST', `${R}/batches`, { label, physicalCount: 3 });
      const ballots = ['1 2 3', '4 5 6', '7 8 9'];

      const atTerminal = async (name: string, as: Account = op) => {
        const ctx = await context(plain, { viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
        const page = await ctx.newPage();
        await signIn(page, server, '/counting', as);
        await nameTerminal(page, name);
        await page.getByRole('button', { name: new RegExp(label.replace(/[()]/gu, '\\$&'), 'u') }).click();
        return { context: ctx, page };
      };
      const type = (page: Page, from: number, to: number): Promise<void> => typeBallots(page, ballots.slice(from, to), 3, from);

      // "Máy 3": two ballots typed, then the PC fails (its browser is gone).
      const first = await atTerminal('Máy 3');
      await first.page.getByRole('button', { name: 'Bắt đầu nhập tập này' }).click();
      await type(first.page, 0, 2);
      await first.context.close();

      // "Máy 5", another browser: told where the entry is, takes it over with a reason, continues at ballot 3.
      const second = await atTerminal('Máy 5');
      const elsewhere = second.page.getByTestId('entry-elsewhere');
      await elsewhere.getByText(/đang mở ở Máy 3 \(2 phiếu đã nhập\)/u).waitFor();
      await screenshot(second.page, 'floor-05-entry-elsewhere');
      await elsewhere.getByRole('button', { name: 'Tiếp tục lượt nhập trên máy này' }).click();
      const dialog = second.page.getByRole('dialog');
      await dialog.getByText(/2 phiếu đã nhập được giữ nguyên/u).waitFor();
      await dialog.getByLabel('Lý do (ví dụ: máy kia hỏng)').fill('Máy 3 hỏng nguồn');
      await dialog.getByRole('button', { name: 'Chuyển sang máy này' }).click();
      await expect.poll(() => second.page.getByTestId('running-count').textContent()).toBe('2 / 3 phiếu');
      // A ballot keeping more names than seats: the operator is told before pressing Enter.
      await second.page.getByLabel(/Gõ số thứ tự các tên bị gạch/u).fill('1');
      await second.page.getByTestId('over-seats').getByText(/giữ lại \d+ tên, nhiều hơn \d+ người được bầu/u).waitFor();
      await type(second.page, 2, 3);
      await second.page.getByRole('button', { name: 'Kết thúc lượt nhập tập này' }).click();
      await second.page.getByText('Đã kết thúc lượt nhập').waitFor();
      await screenshot(second.page, 'floor-06-entry-continued');
      await second.context.close();

      // The second entry, at "may-7": one ballot typed, then that PC fails too.
      const login = await apiAs(server.base, op2.username, op2.password);
      const send = async (at: string, method: string, path: string, body: unknown): Promise<Response> =>
        fetch(`${server.base}${path}`, { method, headers: { cookie: login.cookie, 'content-type': 'application/json', [TERMINAL_HEADER]: at }, body: JSON.stringify(body) });
      const B = `${R}/batches/1`;
      expect((await send('may-7', 'POST', `${B}/entries`, {})).status).toBe(201);
      expect((await send('may-7', 'POST', `${B}/ballots`, { position: 1, text: ballots[0] })).status).toBe(201);

      // The board's head, at the board's terminal "Máy 9": the list of the batch's entries; the closed one cannot be
      // moved (and says why); the open one is moved here, confirmed with a reason.
      const desk = await atTerminal('Máy 9', head);
      const closedPlace = desk.page.getByTestId(`entry-place-${op.username}`);
      await closedPlace.getByText('Lượt nhập đã kết thúc: không cần chuyển.').waitFor();
      expect(await closedPlace.getByRole('button', { name: 'Chuyển sang máy này' }).isDisabled()).toBe(true);
      const openPlace = desk.page.getByTestId(`entry-place-${op2.username}`);
      await openPlace.getByText(`${op2.username} — may-7: 1/3 phiếu`).waitFor();
      await openPlace.getByRole('button', { name: 'Chuyển sang máy này' }).click();
      const move = desk.page.getByRole('dialog');
      await move.getByText(new RegExp(`Chuyển lượt nhập của ${op2.username} .* từ may-7 sang máy này`, 'u')).waitFor();
      expect(await move.getByRole('button', { name: 'Chuyển lượt nhập sang máy này' }).isDisabled()).toBe(true);
      await move.getByLabel('Lý do chuyển (bắt buộc, ví dụ: máy kia hỏng)').fill('Máy 7 treo');
      await move.getByRole('button', { name: 'Chuyển lượt nhập sang máy này' }).click();
      await openPlace.getByText(`${op2.username} — Máy 9: 1/3 phiếu`).waitFor();
      await screenshot(desk.page, 'floor-07-board-moved-entry');
      const here = await desk.page.evaluate<string>(`localStorage.getItem('daihoi.terminal')`);
      // The entry now continues at Máy 9 only.
      expect((await send('may-7', 'POST', `${B}/ballots`, { position: 2, text: ballots[1] })).status).toBe(409);
      for (const i of [1, 2]) expect((await send(here, 'POST', `${B}/ballots`, { position: i + 1, text: ballots[i] })).status).toBe(201);
      expect((await send(here, 'POST', `${B}/close`, {})).status).toBe(200);
      // The head finalises the count, confirmed; publishing is the chair's, and the greyed button says so.
      // The entries were closed at other terminals: the console follows live, no reload.
      const finish = desk.page.getByRole('button', { name: 'Chốt kết quả kiểm phiếu' });
      await finish.waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await finish.isEnabled()) || await desk.page.locator('.round-results').textContent(), { timeout: 30_000 }).toBe(true);
      // The two entries match: the batch is "đã khớp", and the entry screen no longer says the totals differ.
      await desk.page.locator('.reconciliation-batch').filter({ hasText: label }).getByText('đã khớp').waitFor({ timeout: 30_000 });
      expect(await desk.page.getByText('Tổng số giữa các lượt nhập khác nhau.').count()).toBe(0);
      await finish.click();
      const finishDialog = desk.page.getByRole('dialog');
      await finishDialog.getByText(/Không hoàn tác được\./u).waitFor();
      await finishDialog.getByRole('button', { name: 'Chốt kết quả' }).click();
      const publish = desk.page.getByRole('button', { name: 'Công bố kết quả' });
      await publish.waitFor({ timeout: 30_000 });
      expect(await publish.isDisabled()).toBe(true);
      await desk.page.getByText('Đoàn Chủ tịch công bố kết quả (bước «Công bố» ở màn hình Điều hành); Ban Kiểm phiếu không công bố.').waitFor();
      await screenshot(desk.page, 'floor-08-board-finished');
      await desk.context.close();
      // Publishing, on the chair's side: confirmed with what will happen; "Huỷ" leaves the result unpublished.
      await chair.reload();
      const publishStep = card.getByRole('button', { name: 'Công bố kết quả', exact: true });
      await publishStep.click();
      await confirm.getByText(`Công bố kết quả «${committee.title}» (vòng 1): kết quả hiện cho mọi đại biểu và trên màn hình hội trường. Không hoàn tác được.`).waitFor();
      await screenshot(chair, 'floor-13-confirm-publish');
      await cancel();
      expect((await roundNow()).status).toBe('counted');
      await publishStep.click();
      await confirm.getByRole('button', { name: 'Công bố kết quả' }).click();
      await expect.poll(async () => (await roundNow()).status, { timeout: 20_000 }).toBe('published');
      // Both moves are in the input log (readable once every entry of the batch is closed), with their reasons.
      const log = await board.call<{ events: Array<{ type: string; terminal: string; from?: string; note?: string }> }>('GET', `${R}/input-log`);
      expect(log.events.filter((e) => e.type === 'entry-moved').map((e) => [e.from, e.note])).toEqual([[expect.any(String), 'Máy 3 hỏng nguồn'], ['may-7', 'Máy 7 treo']]);

      // The minutes of this day-2 election: dated by its session, only the settings of a committee election, the voided nomination struck through.
      const paths = printoutPaths(DEMO_CODE);
      const minutes = await fetch(`${server.base}${paths.minutes(committee.id, 1)}`, { headers: { cookie: board.cookie } });
      expect(minutes.status).toBe(200);
      const text = pdfText(Buffer.from(await minutes.arrayBuffer())).replace(/\s+/gu, ' ');
      expect(text).toMatch(/ngày 16 tháng 7 năm 2020/u);
      expect(text).not.toMatch(/ngày 15 tháng 7 năm 2020/u);
      expect(text).toContain('Lò Văn Nhầm (đã hủy: Giới thiệu nhầm người cùng tên');
      expect(text).toContain('Phiếu ghi thêm tên người ngoài danh sách là phiếu không hợp lệ');
      expect(text).not.toContain('đại biểu dự khuyết theo thứ tự');
      // The input log: a line per ballot, both moves on lines of their own, on one page.
      const printedLog = await fetch(`${server.base}${paths.inputLog(committee.id, 1)}`, { headers: { cookie: board.cookie } });
      const logPdf = Buffer.from(await printedLog.arrayBuffer());
      const logText = pdfText(logPdf).replace(/\s+/gu, ' ');
      for (const w of ['NHẬT KÝ NHẬP PHIẾU', label, 'như lần 1', 'Máy 3 hỏng nguồn', 'Máy 7 treo']) expect(logText).toContain(w);
      expect(pdfPageCount(logPdf)).toBeLessThanOrEqual(2);
    }, 240_000);
  });
});
