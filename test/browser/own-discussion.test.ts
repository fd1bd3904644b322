/**
 * A secretariat runs the discussion of its own congress from the screens alone, from an EMPTY data folder (no demo, no
 * API call): the administrator creates a congress of delegates, types two organisations and eight delegates, an
 * agenda with a discussion item; writes the political report in the app, a "Mật" staffing plan, and uploads the draft
 * resolution as .docx (a file that is not one refused); sets the deadline for comments; forms two groups (a whole
 * delegation, and by hand with a delegate moved from the first); prints the cards, and three delegates sign in on
 * their phones with the code printed on their card, never see the "Mật" document and comment on the same paragraph;
 * a group's secretary is told the groups do not sit until the chair moves the agenda to the discussion item, then
 * records the group's opinion; the secretariat types a paper form; the synthesis groups the near-identical proposals
 * and the drafting committee's answer is printed in the report; the group's minutes print; a delegate's speech with its
 * text reaches the other phones when they take the floor; the hall shows the discussion's numbers; the resolution's
 * new-term targets are typed, the resolution adopted by show of hands and printed with them.
 * Screenshots in test-artifacts/.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/documents/testing/extract.ts';
import { startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, createCongress, launch, screenshot } from './support.ts';

const CODE = 'dang-bo-xa-tan-lien-xxv';
const ORGS = ['Chi bộ thôn Bản Pjạc', 'Chi bộ thôn Nà Chuông'] as const;
/** Number on the card, name, organisation (index in ORGS). */
const DELEGATES: ReadonlyArray<readonly [string, string, 0 | 1]> = [
  ['001', 'Hoàng Văn Bắc', 0], ['002', 'Lành Thị Chuyên', 0], ['003', 'Vy Văn Dũng', 0], ['004', 'Nông Thị Én', 0],
  ['005', 'Lương Văn Giang', 1], ['006', 'Hà Thị Hạnh', 1], ['007', 'Triệu Văn Khoa', 1], ['008', 'Chu Thị Lan', 1],
];
const REPORT = [
  'PHẦN THỨ NHẤT. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020–2025',
  'I. Về phát triển kinh tế',
  'Nhiệm kỳ qua, kinh tế của xã tiếp tục phát triển ổn định; tổng giá trị sản xuất tăng bình quân 7,2% mỗi năm.',
  'Thu ngân sách trên địa bàn hằng năm đều vượt dự toán được giao.',
  'II. Về công tác xây dựng Đảng',
  'Trong nhiệm kỳ đã kết nạp 41 đảng viên mới, vượt chỉ tiêu Nghị quyết đề ra.',
  'PHẦN THỨ HAI. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025–2030',
  'Phát triển nông nghiệp hàng hóa gắn với xây dựng nông thôn mới nâng cao.',
  'Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn.',
].join('\n');
/** Paragraph 4 of the report, which the phones, a group and a paper form propose to reword the same way. */
const PARAGRAPH = 4;
const WORDING = 'Phát triển nông nghiệp hàng hóa, tập trung vào hồi, quế, gắn với xây dựng nông thôn mới nâng cao.';
const SPEECH = 'Kính thưa Đại hội! Trong nhiệm kỳ, chi bộ thôn Bản Pjạc đã lãnh đạo nhân dân trồng mới 45 ha hồi.';

const resolutionDocx = async (): Promise<Buffer> => {
  const p = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, ...(heading === undefined ? {} : { heading }) });
  return Packer.toBuffer(new Document({ sections: [{ children: [
    p('Đại hội đại biểu Đảng bộ xã Tân Liên lần thứ XXV, nhiệm kỳ 2025–2030 quyết nghị:'),
    p('I. Tán thành đánh giá kết quả nhiệm kỳ 2020–2025', HeadingLevel.HEADING_1),
    p('Đại hội cơ bản tán thành những nội dung đánh giá về tình hình thực hiện Nghị quyết Đại hội lần thứ XXIV.'),
    p('II. Nhiệm vụ, giải pháp chủ yếu', HeadingLevel.HEADING_1),
    p('Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đảng viên.'),
  ] }] }));
};

/** Each card's delegate and the code printed under its QR code, from the printed cards' text (two cards a row). */
const cardCodes = (text: string): Map<string, string> => {
  const lines = text.split('\n');
  const names: string[] = [];
  const codes: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.includes('THẺ ĐẠI BIỂU')) names.push(...(lines[i + 1] ?? '').trim().split(/\s{3,}/u));
    for (const m of line.matchAll(/Mã: ([A-Z0-9]{5}-[A-Z0-9]{5})/gu)) codes.push(m[1]!);
  }
  return new Map(names.map((n, i) => [n, codes[i] ?? '']));
};

const run = chromiumAvailable();

describe.skipIf(!run)('the discussion of a congress prepared from an empty server, through the screens alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let base = '';
  let codes = new Map<string, string>();
  const phones = new Map<string, Page>();

  /** A delegate's phone, signed in by typing the code printed on their card. */
  const phoneOf = async (name: string, path = '/read'): Promise<Page> => {
    const known = phones.get(name);
    if (known !== undefined) {
      await known.goto(`${base}${path}`);
      return known;
    }
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const phone = await context.newPage();
    await phone.goto(`${base}${path}`);
    await phone.getByRole('tab', { name: /Đại biểu/u }).click();
    await phone.getByLabel('Mã in trên thẻ đại biểu').fill(codes.get(name)!);
    await phone.locator('form.card-code-form button[type=submit]').click();
    await phone.getByText(name).first().waitFor();
    phones.set(name, phone);
    return phone;
  };
  const get = async (href: string | null): Promise<Buffer> => {
    const r = await page.request.get(`${base}${href ?? ''}`);
    expect(r.status()).toBe(200);
    return Buffer.from(await r.body());
  };
  const groupForm = (): Locator => page.locator('form', { has: page.getByRole('heading', { name: 'Lập tổ mới' }) });
  const chooseDocument = async (p: Page, title: string): Promise<void> => {
    await p.getByLabel('Chọn văn kiện').selectOption({ label: title });
  };

  beforeAll(async () => {
    server = await startServer({ demo: false });
    base = server.base;
    browser = await launch();
    office = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    page = await office.newPage();
  }, 240_000);
  afterAll(async () => {
    for (const p of phones.values()) await p.context().close().catch(() => undefined);
    await office?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the congress, its organisations, delegates and an agenda with a discussion item, typed in', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(server.admin.username);
    await page.getByLabel('Mật khẩu').fill(server.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await createCongress(page.locator('form[aria-labelledby="new-congress"]'), {
      code: CODE, parent: 'Đảng bộ huyện Cao Lộc', host: 'Đảng bộ xã Tân Liên', kind: 'delegates', ordinal: 'xxv', termFrom: '2025', termTo: '2030',
      opens: '2025-06-10', closes: '2025-06-11', venue: 'Hội trường Ủy ban nhân dân xã', place: 'Tân Liên',
    });
    await page.waitForURL(`${base}/console?congress=${CODE}`);
    await page.goto(`${base}/console/setup#organisations`);
    const orgs = page.locator('#organisations');
    for (const name of ORGS) {
      await orgs.getByLabel('Tên tổ chức đảng', { exact: true }).fill(name);
      await orgs.getByLabel('Số đảng viên', { exact: true }).fill('30');
      await orgs.getByRole('button', { name: 'Thêm tổ chức đảng' }).click();
      await orgs.getByTestId('organisation-row').filter({ hasText: name }).waitFor();
    }
    const agenda = page.locator('#agenda');
    await agenda.getByLabel('Thêm phiên chính thức').fill('Phiên thứ nhất');
    await agenda.locator('form', { has: page.getByLabel('Thêm phiên chính thức') }).getByRole('button', { name: 'Thêm' }).click();
    await agenda.getByRole('heading', { name: /Phiên thứ nhất/u }).waitFor();
    for (const [title, kind] of [['Khai mạc Đại hội', 'opening'], ['Thảo luận tổ về các dự thảo văn kiện', 'discussion'], ['Thông qua Nghị quyết Đại hội', 'vote']] as const) {
      await agenda.getByLabel('Nội dung', { exact: true }).fill(title);
      await agenda.getByLabel('Loại', { exact: true }).selectOption(kind);
      await agenda.locator('form', { has: page.getByLabel('Nội dung', { exact: true }) }).getByRole('button', { name: 'Thêm' }).click();
      await agenda.getByTestId('agenda-item').filter({ hasText: title }).waitFor();
    }
    await page.goto(`${base}/console/delegates`);
    const form = page.locator('form[aria-labelledby="new-delegate"]');
    for (const [code, fullName, org] of DELEGATES) {
      await form.getByLabel('Số thẻ', { exact: true }).fill(code);
      await form.getByLabel('Họ và tên', { exact: true }).fill(fullName);
      await form.getByLabel('Giới tính', { exact: true }).selectOption(fullName.includes(' Thị ') ? 'female' : 'male');
      await form.getByLabel('Ngày sinh', { exact: true }).fill(`198${code.at(-1)!}-03-15`);
      await form.getByLabel('Ngày vào Đảng', { exact: true }).fill('2008-05-19');
      await form.getByLabel('Đơn vị', { exact: true }).selectOption({ label: ORGS[org] });
      await form.getByRole('button', { name: /^Thêm (đại biểu|đảng viên)$/u }).click();
      await form.getByText(`Đã thêm ${fullName}.`).waitFor();
    }
    // The opening is current: the desk checks everyone in.
    await page.goto(`${base}/console`);
    const opening = page.locator('li.agenda-item').filter({ hasText: 'Khai mạc Đại hội' });
    await opening.getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await opening.getByRole('button', { name: 'Đang diễn ra' }).waitFor();
    await page.goto(`${base}/checkin`);
    const search = page.getByLabel('Hoặc tìm theo họ tên, mã đại biểu');
    for (const [code, fullName] of DELEGATES) {
      await search.fill(code);
      await page.getByRole('button', { name: new RegExp(fullName, 'u') }).click();
      await page.getByTestId('confirmation').filter({ hasText: fullName }).waitFor();
    }
  }, 240_000);

  it('the drafts: written in the app, a "Mật" one, one uploaded as Word; the deadline; the split checked', async () => {
    await page.goto(`${base}/discussion`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Văn kiện mới' }) });
    expect(await form.getByRole('button', { name: 'Tạo văn kiện' }).isDisabled()).toBe(true);
    await form.getByText('Chưa có tên văn kiện.').waitFor();
    await form.getByLabel('Tên văn kiện').fill('Dự thảo Báo cáo chính trị');
    await form.getByLabel('Loại văn kiện').selectOption({ label: 'Báo cáo chính trị' });
    await form.getByLabel(/^Nội dung/u).fill(REPORT);
    await form.getByRole('button', { name: 'Tạo văn kiện' }).click();
    await page.getByText(/^Phiên bản 1 — 9 đề mục và đoạn/u).waitFor();
    await form.getByLabel('Tên văn kiện').fill('Phương án nhân sự Ban Chấp hành khóa XXV');
    await form.getByLabel('Loại văn kiện').selectOption({ label: 'Văn kiện khác' });
    await form.getByLabel('Ai được xem').selectOption({ label: 'Mật' });
    await form.getByLabel(/^Nội dung/u).fill('Dự kiến 15 đồng chí.\nCơ cấu: 3 nữ, 2 cán bộ trẻ.');
    await form.getByRole('button', { name: 'Tạo văn kiện' }).click();
    await page.getByText(/không gửi đến điện thoại, chỉ phát bản in/u).waitFor();
    await form.getByLabel('Tên văn kiện').fill('Dự thảo Nghị quyết Đại hội');
    await form.getByLabel('Loại văn kiện').selectOption({ label: 'Dự thảo nghị quyết' });
    await form.getByLabel('Ai được xem').selectOption({ label: 'Đại biểu' });
    await form.getByRole('button', { name: 'Tạo văn kiện' }).click();
    await page.getByText(/^Văn kiện chưa có nội dung/u).waitFor();
    await page.getByLabel('Tải phiên bản mới (.docx)').setInputFiles({ name: 'nghi-quyet.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải tệp Word') });
    await page.getByRole('button', { name: 'Tải lên' }).first().click();
    await page.getByText('Chỉ nhận tệp Word (.docx).').waitFor();
    await page.getByLabel('Ghi chú phiên bản').fill('Dự thảo 1');
    await page.getByLabel('Tải phiên bản mới (.docx)').setInputFiles({ name: 'du-thao-nghi-quyet.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await resolutionDocx() });
    await page.getByRole('button', { name: 'Tải lên' }).first().click();
    await page.getByText('Phiên bản 1 — 5 đề mục và đoạn (du-thao-nghi-quyet.docx) — Dự thảo 1').waitFor();

    await chooseDocument(page, 'Dự thảo Báo cáo chính trị (Đại biểu)');
    await page.getByText('Xem văn kiện đã chia đề mục, đánh số đoạn (như đại biểu thấy)').click();
    await page.locator('.document-outline li[data-unit="5"]').getByText('Giữ vững quốc phòng').waitFor();
    expect(await page.locator('.document-outline li.heading').count()).toBe(4);
    // The deadline, typed as Vietnam time, said in words.
    await page.getByLabel('Hạn góp ý').fill('2099-12-31T17:00');
    await page.getByRole('button', { name: 'Lưu', exact: true }).first().click();
    await page.getByText('Đang nhận góp ý — hạn góp ý 17 giờ 00, ngày 31 tháng 12 năm 2099').waitFor();
    await page.reload();
    await chooseDocument(page, 'Dự thảo Báo cáo chính trị (Đại biểu)');
    await expect.poll(() => page.getByLabel('Hạn góp ý').inputValue()).toBe('2099-12-31T17:00');
    await screenshot(page, 'own-discussion-01-drafts');
  }, 180_000);

  it('two groups: a whole delegation, and one by hand that takes a delegate from the first after a confirmation', async () => {
    const g = groupForm();
    await g.getByLabel('Tên tổ').fill('Tổ 1');
    await g.getByLabel('Thêm cả đoàn đại biểu của một đơn vị').selectOption({ label: `${ORGS[0]} (4 đại biểu)` });
    await g.getByRole('button', { name: 'Thêm cả đơn vị' }).click();
    await g.getByText('Thành viên của tổ: 4').waitFor();
    await g.getByLabel('Tổ trưởng').selectOption({ label: 'Hoàng Văn Bắc' });
    await g.getByLabel('Thư ký tổ').selectOption({ label: 'Lành Thị Chuyên' });
    await g.getByRole('button', { name: 'Lập tổ' }).click();
    await page.getByTestId('discussion-group').filter({ hasText: 'Tổ 1' }).waitFor();
    await g.getByLabel('Tên tổ').fill('Tổ 2');
    for (const [, name] of [...DELEGATES.slice(4), DELEGATES[3]!]) {
      await g.getByLabel(/Thêm đại biểu/u).fill(name);
      await g.getByRole('button', { name: new RegExp(name, 'u') }).first().click();
    }
    await g.getByLabel('Tổ trưởng').selectOption({ label: 'Lương Văn Giang' });
    await g.getByLabel('Thư ký tổ').selectOption({ label: 'Hà Thị Hạnh' });
    await g.getByText(/Nông Thị Én \(Tổ 1\)/u).waitFor();
    await g.getByRole('button', { name: 'Lập tổ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chuyển sang tổ này và lưu' }).click();
    const rows = page.getByTestId('discussion-group');
    await expect.poll(async () => (await rows.allInnerTexts()).map((r) => r.split('\t').slice(0, 4).join(' | ')))
      .toEqual(['Tổ 1 | 3 | Hoàng Văn Bắc | Lành Thị Chuyên', 'Tổ 2 | 5 | Lương Văn Giang | Hà Thị Hạnh']);
    await page.getByText('Mọi đại biểu được triệu tập đã vào tổ.').waitFor();
  }, 120_000);

  it('three phones signed in with their cards\' codes comment on one paragraph and never see the "Mật" document', async () => {
    await page.goto(`${base}/console/delegates`);
    const download = page.waitForEvent('download');
    await page.getByTestId('print-cards').click();
    codes = cardCodes(pdfText(await readFile((await (await download).path()))));
    expect([...codes.keys()].sort()).toEqual(DELEGATES.map(([, n]) => n).sort());
    const texts = [WORDING, WORDING.replace('hồi, quế', 'hồi và quế').replace('hóa', 'hoá'), 'Phát triển du lịch cộng đồng gắn với bản sắc dân tộc Tày, Nùng.'];
    for (const [i, name] of ['Hoàng Văn Bắc', 'Vy Văn Dũng', 'Chu Thị Lan'].entries()) {
      const phone = await phoneOf(name);
      await chooseDocument(phone, 'Dự thảo Báo cáo chính trị (Đại biểu)');
      expect(await phone.getByLabel('Chọn văn kiện').locator('option', { hasText: 'Phương án nhân sự' }).count()).toBe(0);
      await phone.getByText('Đang nhận góp ý — hạn góp ý 17 giờ 00, ngày 31 tháng 12 năm 2099').waitFor();
      await phone.getByText('Trang 1/1').waitFor();
      const unit = phone.locator(`li[data-unit="${PARAGRAPH}"]`);
      await unit.getByRole('button', { name: 'Góp ý đoạn này' }).click();
      await unit.getByLabel('Loại ý kiến').selectOption(i === 2 ? 'addition' : 'change');
      await unit.getByLabel('Nội dung ý kiến').fill(i === 2 ? 'Bổ sung phát triển du lịch' : 'Đề nghị nêu rõ sản phẩm chủ lực');
      await unit.getByLabel('Câu chữ đề nghị').fill(texts[i]!);
      await unit.getByRole('button', { name: 'Gửi góp ý' }).click();
      await unit.getByText('Đã ghi nhận góp ý.').waitFor();
      if (i === 0) await screenshot(phone, 'own-discussion-02-phone');
    }
  }, 180_000);

  it('a group\'s secretary records once the chair opens the groups; the secretariat types a paper form', async () => {
    const secretary = await phoneOf('Hà Thị Hạnh', '/group');
    await secretary.getByText(/^Thảo luận tổ chưa mở/u).waitFor();
    await page.goto(`${base}/console`);
    const item = page.locator('li.agenda-item').filter({ hasText: 'Thảo luận tổ về các dự thảo văn kiện' });
    await item.getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await item.getByRole('button', { name: 'Đang diễn ra' }).waitFor();
    // The live channel opens the group's screen: no reload.
    await expect.poll(() => secretary.getByText(/^Thảo luận tổ chưa mở/u).count(), { timeout: 20_000 }).toBe(0);
    await chooseDocument(secretary, 'Dự thảo Báo cáo chính trị (Đại biểu)');
    await secretary.getByLabel('Số đoạn').fill(String(PARAGRAPH));
    await secretary.getByLabel('Nội dung ý kiến').focus();
    await secretary.locator('.unit-preview', { hasText: 'Phát triển nông nghiệp hàng hóa gắn với' }).waitFor();
    await secretary.getByLabel('Nội dung ý kiến').fill('Tổ đề nghị nêu rõ cây hồi, cây quế');
    await secretary.getByLabel('Câu chữ đề nghị').fill(WORDING);
    await secretary.getByLabel('Mã người phát biểu').fill('007');
    await secretary.getByLabel('Số tán thành').fill('9');
    await secretary.getByLabel('Số tán thành').press('Enter');
    await secretary.getByText('Số tán thành (9) vượt số thành viên của tổ (5).').waitFor();
    await secretary.getByLabel('Số tán thành').fill('5');
    await secretary.getByLabel('Số tán thành').press('Enter');
    await secretary.locator('ol.opinions li').filter({ hasText: 'Triệu Văn Khoa' }).waitFor();
    const minutes = pdfText(await get(await secretary.getByRole('link', { name: 'PDF' }).getAttribute('href')));
    expect(minutes).toContain('BIÊN BẢN');
    expect(minutes).toContain('Tổ đề nghị nêu rõ cây hồi, cây quế');
    await screenshot(secretary, 'own-discussion-03-group');

    await page.goto(`${base}/discussion`);
    await chooseDocument(page, 'Dự thảo Báo cáo chính trị (Đại biểu)');
    const paper = page.getByRole('form', { name: 'Nhập phiếu góp ý bằng giấy' });
    await paper.getByLabel('Số đoạn').fill(String(PARAGRAPH));
    await paper.getByLabel('Mã đại biểu ghi trên phiếu (để trống nếu phiếu không ký tên)').fill('099');
    await paper.getByLabel('Nội dung ý kiến').fill('Nêu rõ hồi, quế');
    await paper.getByLabel('Câu chữ đề nghị').fill(`${WORDING} `);
    await paper.getByRole('button', { name: 'Ghi phiếu (Enter)' }).click();
    await page.getByText('Không có đại biểu mã 099.').waitFor();
    await paper.getByLabel('Mã đại biểu ghi trên phiếu (để trống nếu phiếu không ký tên)').fill('002');
    await paper.getByRole('button', { name: 'Ghi phiếu (Enter)' }).click();
    await page.locator('section.paper-comments li').filter({ hasText: 'Lành Thị Chuyên' }).waitFor();
  }, 180_000);

  it('the synthesis groups the near-identical proposals; the answer is printed in the report; the hall shows the numbers', async () => {
    const unit = page.locator(`article.synthesis-unit[data-unit="${PARAGRAPH}"]`);
    // Two phones, the group and the paper form proposed the same wording: one group of opinions; the addition apart.
    await expect.poll(() => unit.locator('li.cluster').count()).toBe(2);
    await unit.getByText(/^1\/2 tổ, \d+ đại biểu đề nghị sửa/u).waitFor();
    await unit.getByRole('combobox').selectOption('accepted');
    await unit.getByLabel('Câu chữ mới').fill(WORDING);
    await unit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(/chưa xử lý 0/u).waitFor();
    await screenshot(page, 'own-discussion-04-synthesis');
    const report = pdfText(await get(await page.getByRole('link', { name: 'PDF' }).first().getAttribute('href'))).replace(/\s+/gu, ' ');
    expect(report).toContain('Tổng hợp, tiếp thu, giải trình ý kiến góp ý vào Dự thảo Báo cáo chính trị');
    expect(report).toContain('4 ý kiến của đại biểu (trong đó 1 phiếu góp ý bằng giấy) và 1 ý kiến của 1/2 tổ thảo luận');
    expect(report).toMatch(/1\/2 tổ, \d+ đại biểu đề nghị sửa: /u);
    expect(report).not.toContain('(sửa đổi)');
    expect(report).toContain('Tiếp thu. Đề nghị sửa thành:');

    const hall = await office.newPage();
    await hall.goto(`${base}/hall`);
    const numbers = hall.getByTestId('hall-discussion-document').filter({ hasText: 'Dự thảo Báo cáo chính trị' });
    await numbers.waitFor({ timeout: 20_000 });
    expect(await hall.getByText('Phương án nhân sự').count()).toBe(0);
    expect(await numbers.innerText()).toContain('1/2');
    await screenshot(hall, 'own-discussion-05-hall');
    await hall.close();
  }, 180_000);

  it('a delegate\'s speech sent with its text reaches the other phones when they take the floor', async () => {
    const speaker = await phoneOf('Hoàng Văn Bắc', '/delegate');
    await speaker.getByLabel('Tên bài tham luận').fill('Phát triển cây hồi ở thôn Bản Pjạc');
    await speaker.getByLabel('Nội dung bài tham luận (có thể gửi sau)').fill(SPEECH);
    await speaker.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await speaker.getByText(/^Đã đăng ký, số thứ tự 1/u).waitFor();
    await page.goto(`${base}/console/speakers`);
    await page.locator('li.speaker').filter({ hasText: 'Hoàng Văn Bắc' }).getByRole('button', { name: 'Mời phát biểu' }).click();
    await page.locator('li.speaker').filter({ hasText: 'Đang phát biểu' }).waitFor();
    const listener = await phoneOf('Chu Thị Lan', '/delegate');
    await listener.getByText(SPEECH).waitFor({ timeout: 20_000 });
    await screenshot(listener, 'own-discussion-06-speech');
  }, 120_000);

  it('the resolution\'s new-term targets typed, the resolution adopted by show of hands and printed with them', async () => {
    await page.goto(`${base}/console`);
    const item = page.locator('li.agenda-item').filter({ hasText: 'Thông qua Nghị quyết Đại hội' });
    await item.getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await item.getByRole('button', { name: 'Đang diễn ra' }).waitFor();
    await page.goto(`${base}/discussion`);
    await chooseDocument(page, 'Dự thảo Nghị quyết Đại hội (Đại biểu)');
    const panel = page.locator('section.resolution');
    await panel.getByRole('heading', { name: 'Nghị quyết', exact: true }).waitFor();
    for (const [name, target] of [['Thu nhập bình quân đầu người đến năm 2030', 'khoảng 65 triệu đồng/người/năm'], ['Kết nạp đảng viên mới', 'hằng năm']] as const) {
      await panel.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
      const row = panel.getByTestId('resolution-target-row').last();
      await row.getByLabel(/^Chỉ tiêu \d+$/u).fill(name);
      await row.getByLabel('Mục tiêu (có con số)').fill(target);
    }
    // "hằng năm" has no number: refused before it is sent, and the button says why.
    expect(await panel.getByRole('button', { name: 'Lưu các chỉ tiêu' }).isDisabled()).toBe(true);
    await panel.getByText(/Chỉ tiêu 2: mục tiêu phải có con số/u).waitFor();
    await panel.getByLabel('Mục tiêu (có con số)').last().fill('ít nhất 8 đảng viên mỗi năm');
    await panel.getByRole('button', { name: 'Lưu các chỉ tiêu' }).click();
    await panel.getByText('Đã lưu các chỉ tiêu.').waitFor();
    await panel.getByLabel('Đồng ý', { exact: true }).fill('8');
    await panel.getByLabel('Không đồng ý', { exact: true }).fill('0');
    await panel.getByLabel('Ý kiến khác', { exact: true }).fill('0');
    await panel.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await panel.getByText('Nghị quyết đã được thông qua.').waitFor();
    const printed = pdfText(await get(await panel.getByRole('link', { name: 'PDF' }).getAttribute('href'))).replace(/\s+/gu, ' ');
    expect(printed).toContain('NGHỊ QUYẾT');
    expect(printed).toContain('Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng');
    expect(printed).toContain('khoảng 65 triệu đồng/người/năm');
    expect(printed).toContain('ít nhất 8 đảng viên mỗi năm');
    await screenshot(page, 'own-discussion-07-resolution');
  }, 180_000);
});
