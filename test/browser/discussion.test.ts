/**
 * The congress's discussion in Chromium against the real server with the seed congress (--demo): the draft
 * political report commented from three phones, two groups' secretaries recording opinions, the secretariat's
 * synthesis grouping near-identical proposals, the "Mật" document absent from the phones, and the resolution
 * adopted by show of hands and printed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscussionDocumentView, GroupView } from '../../src/api/discussion.ts';
import { DEMO_CODE } from '../../src/demo/index.ts';
import { DEMO_POLITICAL_REPORT, DEMO_RESOLUTION_TARGETS } from '../../src/demo/seed-discussion.ts';
import { blocksFromText, splitDocument } from '../../src/discussion/structure.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, launch, screenshot } from './support.ts';

const run = chromiumAvailable();
const C = `/api/congresses/${DEMO_CODE}`;
const WORDING = 'Tăng cường giáo dục chính trị, tư tưởng cho cán bộ, đảng viên trẻ trong các cơ quan.';

describe.skipIf(!run)('the discussion in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let groups: GroupView[] = [];
  let docs: DiscussionDocumentView[] = [];

  /** A phone signed in with a delegate's card (the cookie the card sign-in sets). */
  const phone = async (delegateId: number, path: string, options: { javaScriptEnabled?: boolean; beforeLoad?: string } = {}): Promise<Page> => {
    const card = await api.call<{ token: string }>('GET', `${C}/delegates/${delegateId}/card`);
    const r = await fetch(`${server.base}/api/auth/card`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ congress: DEMO_CODE, token: card.token }) });
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', javaScriptEnabled: options.javaScriptEnabled ?? true });
    await context.addCookies([{ name, value, url: server.base }]);
    if (options.beforeLoad !== undefined) await context.addInitScript(options.beforeLoad);
    const page = await context.newPage();
    await page.goto(`${server.base}${path}`);
    return page;
  };
  /** The secretariat's discussion console on a desktop, signed in through the form. */
  const secretariatConsole = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.base}/discussion`);
    await page.getByLabel('Tên đăng nhập').fill(server.admin.username);
    await page.getByLabel('Mật khẩu').fill(server.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.base}/discussion`);
    return { context, page };
  };

  beforeAll(async () => {
    server = await startServer();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    groups = await api.call<GroupView[]>('GET', `${C}/discussion/groups`);
    docs = await api.call<DiscussionDocumentView[]>('GET', `${C}/discussion/documents`);
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('three phones read the report page by page, never see the "Mật" document, and comment on a paragraph', async () => {
    expect(docs.map((d) => d.access)).toContain('secret');
    const people = [groups[0]!.members[2]!, groups[1]!.members[2]!, groups[2]!.members[2]!];
    const texts = [WORDING, WORDING.toLocaleLowerCase('vi'), 'Bổ sung nội dung về học tập lý luận chính trị trực tuyến.'];
    for (const [i, person] of people.entries()) {
      const page = await phone(person.id, '/read');
      await page.getByRole('option', { name: /Dự thảo Báo cáo chính trị/u }).waitFor({ state: 'attached' });
      expect(await page.getByRole('option', { name: /Mật/u }).count()).toBe(0);
      const unit = page.locator('li[data-unit="2"]');
      await unit.getByRole('button', { name: 'Góp ý đoạn này' }).click();
      await unit.getByLabel('Loại ý kiến').selectOption(i === 2 ? 'addition' : 'change');
      await unit.getByLabel('Nội dung ý kiến').fill('Đề nghị viết rõ hơn về đảng viên trẻ');
      await unit.getByLabel('Câu chữ đề nghị').fill(texts[i]!);
      await unit.getByRole('button', { name: 'Gửi góp ý' }).click();
      await unit.getByText('Đã ghi nhận góp ý.').waitFor();
      if (i === 2) {
        // Before the deadline the delegate changes their own comment on the phone.
        await unit.getByRole('button', { name: 'Sửa góp ý' }).click();
        const edit = unit.getByRole('form', { name: 'Sửa góp ý' });
        await edit.getByLabel('Nội dung ý kiến').fill('Đề nghị bổ sung việc học tập trực tuyến của đảng viên trẻ');
        await edit.getByRole('button', { name: 'Lưu góp ý đã sửa' }).click();
        await unit.getByText(/Đề nghị bổ sung việc học tập trực tuyến của đảng viên trẻ/u).waitFor();
        await unit.getByText('(đã sửa)').waitFor();
      }
      await page.getByRole('button', { name: 'Trang sau' }).click();
      await page.getByText(/^Trang 2\/\d+$/u).waitFor();
      if (i === 0) await screenshot(page, 'discussion-01-phone');
      await page.context().close();
    }
  }, 180_000);

  it('the phone shows the report\'s first paragraphs from the HTML alone, and the app replaces them without an empty moment', async () => {
    const report = docs.find((d) => d.title.includes('Báo cáo chính trị'))!;
    const person = groups[0]!.members[3]!;
    // No JavaScript at all: the server's first screen is the page.
    const still = await phone(person.id, `/read?doc=${report.id}`, { javaScriptEnabled: false });
    await still.locator('li.unit.paragraph').first().waitFor({ state: 'visible' });
    expect(await still.locator('#root h1').textContent()).toBe('Văn kiện thảo luận');
    expect(await still.locator('li.unit.paragraph').count()).toBeGreaterThan(0);
    await still.context().close();
    // With JavaScript: from the first paragraph in the HTML to the live page (its comment buttons), never a root
    // without paragraphs in between (a "loading" screen, an empty root).
    const watch = `document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('root');
      window.__emptied = 0;
      new MutationObserver(() => { if (root.querySelector('li.unit.paragraph') === null) window.__emptied += 1; })
        .observe(root, { childList: true, subtree: true });
    });`;
    const live = await phone(person.id, `/read?doc=${report.id}`, { beforeLoad: watch });
    await live.locator('li[data-unit="2"]').getByRole('button', { name: 'Góp ý đoạn này' }).waitFor();
    expect(await live.evaluate("window.__emptied")).toBe(0);
    await live.context().close();
  }, 120_000);

  it('two groups\' secretaries record opinions from the keyboard once the agenda opens the groups', async () => {
    // Before the discussion item is current the groups do not sit: the secretary's screen says so.
    const early = await phone(groups[0]!.secretary!.id, '/group');
    await early.getByText(/^Thảo luận tổ chưa mở/u).waitFor();
    await early.context().close();
    const { context, page: console_ } = await secretariatConsole();
    await console_.goto(`${server.base}/console`);
    const item = console_.locator('li.agenda-item').filter({ hasText: 'Thảo luận, tham luận' });
    await item.getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await item.getByRole('button', { name: 'Đang diễn ra' }).waitFor();
    await context.close();
    for (const g of groups.slice(0, 2)) {
      const page = await phone(g.secretary!.id, '/group');
      await page.getByRole('heading', { name: new RegExp(g.name, 'u') }).waitFor();
      await page.getByLabel('Số đoạn').fill('2');
      await page.getByLabel('Nội dung ý kiến').focus();
      await page.getByText(/Công tác giáo dục chính trị/u).first().waitFor();
      await page.getByLabel('Nội dung ý kiến').fill('Tổ đề nghị nhấn mạnh đảng viên trẻ');
      await page.getByLabel('Câu chữ đề nghị').fill(`${WORDING} `);
      await page.getByLabel('Số tán thành').fill('5');
      await page.getByLabel('Số tán thành').press('Enter');
      await page.locator('ol.opinions li').first().waitFor();
      expect(await page.locator('ol.opinions li').count()).toBe(1);
      await page.context().close();
    }
  }, 180_000);

  it('the secretariat\'s synthesis groups the near-identical proposals and answers them', async () => {
    const { context, page } = await secretariatConsole();
    const unit = page.locator('article.synthesis-unit[data-unit="2"]');
    await unit.waitFor();
    // Two phones and two groups proposed the same wording: one group of opinions; the addition stands apart.
    await expect.poll(() => unit.locator('li.cluster').count()).toBe(2);
    await unit.getByText(/^2\/\d+ tổ, \d+ đại biểu đề nghị sửa$/u).waitFor();
    await unit.getByRole('combobox').selectOption('accepted');
    await unit.getByLabel('Câu chữ mới').fill(WORDING);
    await unit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(/chưa xử lý 0/u).waitFor();
    const report = await page.getByRole('link', { name: 'Word' }).first().getAttribute('href');
    expect((await fetch(`${server.base}${report}`, { headers: { cookie: api.cookie } })).status).toBe(200);
    await screenshot(page, 'discussion-02-synthesis');
    await context.close();
  }, 180_000);

  it('a new version written in the console carries the comments and the groups\' records onto its paragraphs in the synthesis', async () => {
    // Draft 2: paragraph 2, which the phones and the groups commented on, reworded; the rest unchanged.
    const before = splitDocument(blocksFromText(DEMO_POLITICAL_REPORT)).find((u) => u.kind === 'paragraph' && u.number === 2)!.text;
    expect(DEMO_POLITICAL_REPORT).toContain(before);
    const reworded = `${before.replace(/\.$/u, '')}, nhất là đối với đảng viên trẻ.`;
    const { context, page } = await secretariatConsole();
    const unit = page.locator('article.synthesis-unit[data-unit="2"]');
    await unit.getByText(/^2\/\d+ tổ, \d+ đại biểu đề nghị sửa$/u).waitFor();
    expect(await unit.locator('.badge.carried').count()).toBe(0);
    await page.getByLabel('Ghi chú phiên bản').fill('Dự thảo 2, sau góp ý');
    const draft = page.locator('form', { has: page.getByLabel('Phiên bản mới (văn bản)') });
    await draft.getByLabel('Phiên bản mới (văn bản)').fill(DEMO_POLITICAL_REPORT.replace(before, reworded));
    await draft.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByText(/^Phiên bản 2 — \d+ đề mục và đoạn — Dự thảo 2, sau góp ý/u).waitFor();
    // The synthesis of draft 2: paragraph 2 in its new wording, with the same opinions (from phones and groups),
    // marked as carried from the reworded paragraph of draft 1, and not yet answered.
    await unit.locator('blockquote', { hasText: reworded }).waitFor();
    await unit.getByText(/^2\/\d+ tổ, \d+ đại biểu đề nghị sửa$/u).waitFor();
    const cluster = unit.locator('li.cluster', { has: page.getByText(/^2\/\d+ tổ/u) });
    await cluster.getByText('góp ý từ phiên bản trước, đoạn đã sửa').waitFor();
    expect(await unit.locator('li.cluster').count()).toBe(2);
    expect(await unit.getByRole('combobox').inputValue()).toBe('pending');
    await screenshot(page, 'discussion-02b-carried');
    await context.close();
  }, 180_000);

  it('the resolution is adopted by show of hands and printed', async () => {
    const sessions = await api.call<{ id: number }[]>('GET', `${C}/sessions`);
    const delegates = (await api.call<{ id: number; status: string; standing: string }[]>('GET', `${C}/delegates`)).filter((d) => d.status === 'summoned' && d.standing === 'official');
    for (const d of delegates) await api.call('POST', `${C}/sessions/${sessions[sessions.length - 1]!.id}/checkins`, { delegateId: d.id, desk: 'discussion' }).catch(() => undefined);
    const attendance = await api.call<{ base: number; present: number }>('GET', `${C}/attendance`);
    const resolution = docs.find((d) => d.kind === 'draft-resolution')!;
    const { context, page } = await secretariatConsole();
    await page.getByLabel('Chọn văn kiện').selectOption(String(resolution.id));
    await page.getByRole('heading', { name: 'Nghị quyết', exact: true }).waitFor();
    // The new term's targets of the seed's draft resolution, under the congress's term, editable until it is adopted.
    await page.getByRole('heading', { name: 'Các chỉ tiêu chủ yếu nhiệm kỳ 2020 – 2025' }).waitFor();
    expect(await page.getByLabel('Chỉ tiêu 1', { exact: true }).inputValue()).toBe(DEMO_RESOLUTION_TARGETS[0]!.name);
    // The one show-of-hands form of the app (src/web/ui/CountsForm.tsx), with the regulation's words.
    await page.getByLabel('Đồng ý', { exact: true }).fill(String(attendance.present - 1));
    await page.getByLabel('Không đồng ý', { exact: true }).fill('1');
    await page.getByLabel('Ý kiến khác', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await page.getByText('Nghị quyết đã được thông qua.').waitFor();
    await page.getByText('Nghị quyết đã được thông qua: các chỉ tiêu không thay đổi được nữa.').waitFor();
    const printed = await page.getByRole('link', { name: 'PDF' }).last().getAttribute('href');
    const pdf = await fetch(`${server.base}${printed}`, { headers: { cookie: api.cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await screenshot(page, 'discussion-03-resolution');
    await context.close();
  }, 300_000);
});
