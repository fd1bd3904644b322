/**
 * Two days on the floor of the seed congress (`daihoi serve --demo`) in Chromium: a wrong show of hands voided
 * and shown struck through (an incomplete form refused with its reason first); the hall screen following the
 * agenda at 1920×1080 and 1280×720 with no text clipped; an operator whose PC fails mid-entry continuing at
 * another browser (another terminal) after a confirmed take-over; and the minutes of the second day's election
 * dated by its session. Screenshots in test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_HEADER } from '../../src/api/counting.ts';
import { DEMO_CODE } from '../../src/demo/index.ts';
import { pdfText } from '../../src/documents/testing/extract.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, nameTerminal, repo, screenshot, typeBallots } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Item { readonly id: number; readonly title: string; readonly kind: string }
interface Session { readonly id: number; readonly position: number; readonly title: string; readonly items: readonly Item[] }
interface Election { readonly id: number; readonly kind: string; readonly agendaItemId: number | null }
interface Account { readonly username: string; readonly password: string }

const signIn = async (page: Page, base: string, path: string, as: Account): Promise<void> => {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(as.username);
  await page.getByLabel('Mật khẩu').fill(as.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}${path}`);
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

describe.skipIf(!run)('two days on the floor of the seed congress in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let C = '';
  let days: Session[] = [];
  let committee: Election;
  const present = new Map<number, Set<number>>();

  const checkInAll = async (session: number): Promise<void> => {
    const delegates = await api.call<Array<{ id: number; status: string; standing: string; replacedById: number | null }>>('GET', `${C}/delegates`);
    const replacing = new Set(delegates.map((d) => d.replacedById).filter((x) => x !== null));
    const voters = delegates.filter((d) => (d.standing === 'official' && d.status === 'summoned') || replacing.has(d.id));
    const seen = present.get(session) ?? new Set((await api.call<Array<{ delegateId: number }>>('GET', `${C}/sessions/${session}/checkins`)).map((c) => c.delegateId));
    for (const d of voters) if (!seen.has(d.id)) { await api.call('POST', `${C}/sessions/${session}/checkins`, { delegateId: d.id, desk: 'Bàn 1' }); seen.add(d.id); }
    present.set(session, seen);
  };
  const goTo = async (item: Item): Promise<void> => { await api.call('PUT', `${C}/current-item`, { agendaItemId: item.id }); };

  beforeAll(async () => {
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent' });
    server = await startServer();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    const congresses = await api.call<Array<{ code: string }>>('GET', '/api/congresses');
    expect(congresses[0]?.code, 'serve --demo loads the seed congress').toBe(DEMO_CODE);
    C = `/api/congresses/${DEMO_CODE}`;
    days = [...await api.call<Session[]>('GET', `${C}/sessions`)].sort((a, b) => a.position - b.position);
    committee = (await api.call<Election[]>('GET', `${C}/elections`)).find((e) => e.kind === 'committee')!;
    expect(committee.agendaItemId).toBe(days[2]!.items[0]!.id);
    await goTo(days[0]!.items[1]!);
    await checkInAll(days[0]!.id);
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses an incomplete show of hands with its reason; a wrong one is voided with a reason and stays, struck through', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, server.base, '/console/votes', server.admin);
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
    await context.close();
  }, 120_000);

  it('the hall follows the agenda, and nothing is clipped at 1920×1080 and 1280×720', async () => {
    await api.call('POST', `${C}/votes`, { subject: 'Bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu', kind: 'other', agree: 245, disagree: 3, other: 2 });
    for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, server.base, '/hall', server.admin);
      const scene = page.locator('main.hall');
      // On the show-of-hands item: its vote (the voided one never).
      await goTo(days[0]!.items[1]!);
      await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('vote');
      expect(await page.getByTestId('hall-vote').textContent()).toContain('245');
      expect(await page.getByTestId('hall-vote').textContent()).not.toContain('ghi nhầm');
      expect(await clippedTexts(page)).toEqual([]);
      await screenshot(page, `floor-02-hall-vote-${width}x${height}`);
      // The agenda moves on: the screen follows.
      await goTo(days[0]!.items[2]!);
      await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('item');
      await page.getByTestId('current-item').getByText(days[0]!.items[2]!.title).waitFor();
      expect(await clippedTexts(page)).toEqual([]);
      await screenshot(page, `floor-03-hall-item-${width}x${height}`);
      // The panel holds the targets: the term reviewed is the one that ends now.
      await api.call('PUT', `${C}/hall-view`, { mode: 'fixed', show: 'targets' });
      await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('targets');
      await page.getByText(/2015–2020/u).first().waitFor();
      expect(await page.getByText(/2020–2025/u).count()).toBe(1); // only the congress's own title
      expect(await clippedTexts(page)).toEqual([]);
      await screenshot(page, `floor-04-hall-targets-${width}x${height}`);
      await api.call('PUT', `${C}/hall-view`, { mode: 'follow' });
      await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 20_000 }).toBe('item');
      await context.close();
    }
  }, 180_000);

  it('an operator whose PC fails mid-entry continues at another browser after a confirmed take-over', async () => {
    // The second day: the committee election under its own agenda item.
    const election = days[2]!.items[0]!;
    await goTo(election);
    await checkInAll(days[2]!.id);
    const bodies = await api.call<Array<{ id: number; kind: string; approvedVoteId: number | null }>>('GET', `${C}/bodies`);
    for (const b of bodies.filter((x) => (x.kind === 'presidium' || x.kind === 'counting-board') && x.approvedVoteId === null)) {
      await api.call('POST', `${C}/bodies/${b.id}/approval`, { agree: 248, disagree: 1, other: 1 });
    }
    const E = `${C}/elections/${committee.id}`;
    const R = `${E}/rounds/1`;
    await api.call('POST', `${R}/transition`, { to: 'list-approved', agree: 248, disagree: 1, other: 1 });
    await api.call('POST', `${R}/transition`, { to: 'voting' });
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

    const atTerminal = async (name: string) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, server.base, '/counting', op);
      await nameTerminal(page, name);
      await page.getByRole('button', { name: new RegExp(label.replace(/[()]/gu, '\\$&'), 'u') }).click();
      return { context, page };
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
    await type(second.page, 2, 3);
    await second.page.getByRole('button', { name: 'Kết thúc lượt nhập tập này' }).click();
    await second.page.getByText('Đã kết thúc lượt nhập').waitFor();
    await screenshot(second.page, 'floor-06-entry-continued');
    await second.context.close();

    // The second entry at another terminal, then the board finishes: the minutes of this day-2 election.
    const login = await apiAs(server.base, op2.username, op2.password);
    const send = async (method: string, path: string, body: unknown): Promise<void> => {
      const r = await fetch(`${server.base}${path}`, { method, headers: { cookie: login.cookie, 'content-type': 'application/json', [TERMINAL_HEADER]: 'may-7' }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    };
    const B = `${R}/batches/1`;
    await send('POST', `${B}/entries`, {});
    for (const [i, text] of ballots.entries()) await send('POST', `${B}/ballots`, { position: i + 1, text });
    await send('POST', `${B}/close`, {});
    await board.call('POST', `${R}/counting/finish`);
    // The move is in the input log (readable once every entry of the batch is closed), with the reason.
    const log = await board.call<{ events: Array<{ type: string; terminal: string; from?: string; note?: string }> }>('GET', `${R}/input-log`);
    const moved = log.events.filter((e) => e.type === 'entry-moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.note).toBe('Máy 3 hỏng nguồn');

    const minutes = await fetch(`${server.base}/api/congresses/${DEMO_CODE}/printouts/elections/${committee.id}/rounds/1/minutes`, { headers: { cookie: board.cookie } });
    expect(minutes.status).toBe(200);
    const text = pdfText(Buffer.from(await minutes.arrayBuffer())).replace(/\s+/gu, ' ');
    expect(text).toMatch(/ngày 16 tháng 7 năm 2020/u);
    expect(text).not.toMatch(/ngày 15 tháng 7 năm 2020/u);
  }, 240_000);
});
