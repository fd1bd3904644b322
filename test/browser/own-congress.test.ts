/**
 * A convening committee prepares its own congress from the screens alone, from an EMPTY data folder (no demo, no
 * API call): the first administrator (the printed password) creates a congress of the 15 members of a Party branch,
 * types ten members one by one and imports five from an .xlsx, sets up one session, the bodies, a secretary election
 * (1 seat, 2 names) and a committee election (3 seats, 4 names) with a count setting changed; then runs it: check-in
 * at the desk, the presidium approved by show of hands, the lists approved, the counting board assigned, ballots
 * issued and voting opened, the committee's ballot printed from its card; two members of the counting board get
 * accounts (accounts screen) and the board's role for both elections (roles screen); voting closes, each of them
 * enters every paper ballot at their own machine in the counting console (two independent entries): both type the
 * secretary's ballots; the committee's box, opened with one ballot too few, is counted again by hand and corrected
 * with a reason from the console; for the committee one types and the other scans the marked stack of the printed paper
 * (strokes of every shape and pen, marks that keep a name, one partial strike the board rules on from its crop, a
 * scanner's skew and noise) from a folder in the scan panel; the board finishes the count, the chair publishes, and the
 * minutes downloaded from each election's card name the elected in vote order and are dated in words. After the
 * opening one member's status changes: the credentials history on the delegates page (who, when, before → after,
 * why) and the attendance report list it (a congress of members has no credentials committee: docs/rules.md §2).
 * Screenshots in test-artifacts/.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELEGATE_COLUMNS } from '../../src/import/columns.ts';
import { docxText, pdfText } from '../../src/documents/testing/extract.ts';
import type { Candidate } from '../../src/rules/index.ts';
import { greyPngFile } from '../../src/scan/testing/png-file.ts';
import { generateBallot, type GeneratedBallot, type Generator, type RowPlan } from '../../src/scan/testing/generate.ts';
import { generatePhoto } from '../../src/scan/testing/photo.ts';
import { NON_STRIKES, PENS, STRIKE_SHAPES } from '../../src/scan/testing/human.ts';
import { generatorOnPaper, openReview, printedBallot, ruleAsOnPaper, writePhotoY4m } from './scan-scene.ts';
import { startServer, type RunningServer } from './server.ts';
import { chromiumAvailable, createCongress, launch, nameTerminal, screenshot, typeBallots } from './support.ts';

const CODE = 'chi-bo-van-phong-xii';
const BRANCH = 'Chi bộ Văn phòng Sở Tài chính';

interface Member {
  readonly code: string;
  readonly fullName: string;
  readonly gender: 'Nam' | 'Nữ';
  readonly birthDate: string;
  readonly partyJoinDate: string;
}
const member = (i: number, fullName: string, gender: 'Nam' | 'Nữ'): Member => ({
  code: String(i).padStart(3, '0'), fullName, gender,
  birthDate: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`, partyJoinDate: `20${String(i).padStart(2, '0')}-0${(i % 9) + 1}-0${(i % 9) + 1}`,
});
const TYPED: readonly Member[] = [
  member(1, 'Nguyễn Văn An', 'Nam'), member(2, 'Trần Thị Ánh', 'Nữ'), member(3, 'Lê Văn Bình', 'Nam'), member(4, 'Phạm Thị Đào', 'Nữ'),
  member(5, 'Hoàng Đức Cường', 'Nam'), member(6, 'Vi Thị Hằng', 'Nữ'), member(7, 'Lương Văn Khánh', 'Nam'), member(8, 'Đinh Thị Mai', 'Nữ'),
  member(9, 'Sầm Văn Quý', 'Nam'), member(10, 'Hà Thị Thu', 'Nữ'),
];
const IMPORTED: readonly Member[] = [
  member(11, 'Nông Văn Tài', 'Nam'), member(12, 'Lò Thị Uyên', 'Nữ'), member(13, 'Mai Văn Vinh', 'Nam'), member(14, 'Đặng Thị Xuân', 'Nữ'),
  member(15, 'Bế Văn Yên', 'Nam'),
];
const EVERYONE = [...TYPED, ...IMPORTED];
const ABSENT = IMPORTED[4]!;

const ELECTIONS = ['Bầu Bí thư', 'Bầu Chi ủy nhiệm kỳ 2025–2030'] as const;
const BALLOTS = 14;
/** The paper ballots of each election: the names struck on each (14 ballots, one for each member present). */
const repeat = (n: number, struck: readonly Member[]): Array<readonly Member[]> => Array.from({ length: n }, () => struck);
const PILES: ReadonlyArray<readonly [string, ReadonlyArray<readonly Member[]>]> = [
  ['Bầu Bí thư', [...repeat(11, [TYPED[2]!]), ...repeat(3, [TYPED[0]!])]],
  ['Bầu Chi ủy nhiệm kỳ 2025–2030', [...repeat(10, [TYPED[3]!]), ...repeat(4, [TYPED[4]!])]],
];
/** Who the count elects, in vote order: An 11 of 14; An and Bình 14, Cường 10 (Đào 4). */
const WINNERS = new Map<string, readonly Member[]>([
  ['Bầu Bí thư', [TYPED[0]!]],
  ['Bầu Chi ủy nhiệm kỳ 2025–2030', [TYPED[0]!, TYPED[2]!, TYPED[4]!]],
]);
/** The election whose paper ballots the second member of the board scans instead of typing. */
const SCANNED = ELECTIONS[1];
/**
 * The committee's paper stack as people mark it: ballot j strikes the names of its pile with the j-th shape and pen;
 * every third ballot also marks a kept name without striking it (underline, tick, circle, dot…); on the third ballot
 * the stroke through Đào's name leaves her family name clear — a partial strike, which the board rules struck.
 */
const markedStack = async (paper: Uint8Array, server: RunningServer): Promise<{ stack: GeneratedBallot[]; names: readonly Candidate[]; g: Generator }> => {
  const input = await printedBallot(server, CODE, { title: SCANNED });
  const g = await generatorOnPaper(input, paper);
  const pile = PILES.find(([title]) => title === SCANNED)![1];
  const stack = await Promise.all(pile.map((struck, j) => generateBallot(g, {
    seed: 9_000 + j, degrade: 'normal', stamped: true, writingOutside: false,
    plan: (i): RowPlan => {
      const name = input.round.candidates[i]!.name;
      const pen = PENS[j % PENS.length]!;
      if (!struck.some((m) => m.fullName === name)) {
        return j % 3 === 0 && i === j % input.round.candidates.length ? { kind: 'non-strike', mark: NON_STRIKES[j % NON_STRIKES.length]!, pen } : { kind: 'none' };
      }
      return j === 2 ? { kind: 'partial', part: 'all-but-family', pen } : { kind: 'strike', shape: STRIKE_SHAPES[j % STRIKE_SHAPES.length]!, pen };
    },
  })));
  return { stack, names: input.round.candidates, g };
};

/** The counting board's two members, each with an account, entering the ballots at their own machine. */
const OPERATORS = [
  { username: 'kp.mai', member: TYPED[7]!, terminal: 'Máy 1' },
  { username: 'kp.quy', member: TYPED[8]!, terminal: 'Máy 2' },
] as const;

/** The five imported members as the template's .xlsx (headers of src/import/columns.ts). */
const importFile = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(DELEGATE_COLUMNS.map((c) => c.header));
  const dmy = (iso: string): string => iso.split('-').reverse().join('/');
  for (const m of IMPORTED) {
    const cells: Record<string, string> = {
      code: m.code, fullName: m.fullName, gender: m.gender, birthDate: dmy(m.birthDate), ethnicity: 'Tày', education: 'Đại học',
      politicalTheory: 'Trung cấp', partyJoinDate: dmy(m.partyJoinDate), position: 'Chuyên viên', organisation: BRANCH, category: 'Bầu',
      standing: 'Chính thức', isConveningMember: 'Không', seat: '',
    };
    ws.addRow(DELEGATE_COLUMNS.map((c) => cells[c.key] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/**
 * Signing in with a username and password. The first administrator signs in with the password the server printed;
 * when the server asks for a new password at the first sign-in (branch `accounts`), this is the one place to add it.
 */
const signIn = async (page: Page, base: string, as: { readonly username: string; readonly password: string }, path = '/'): Promise<void> => {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(as.username);
  await page.getByLabel('Mật khẩu').fill(as.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

const electionCard = (page: Page, title: string): Locator =>
  page.locator('article.election-card', { has: page.getByRole('heading', { name: title, exact: true }) });

const section = (page: Page, heading: string): Locator =>
  page.locator('section, form, article').filter({ has: page.getByRole('heading', { name: heading, exact: true }) }).first();

const run = chromiumAvailable();

describe.skipIf(!run)('a congress prepared and run from the screens alone, from an empty server', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  const extra: BrowserContext[] = [];
  const given = new Map<string, string>();
  /** The committee's ballot as downloaded from its card, and the folder its marked, scanned stack is written to. */
  let committeePaper: Buffer | null = null;
  let scans = '';

  beforeAll(async () => {
    server = await startServer({ demo: false, keepPrintedPassword: true });
    base = server.base;
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  }, 240_000);
  afterAll(async () => {
    for (const c of extra) await c.close().catch(() => undefined);
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (scans !== '') await rm(scans, { recursive: true, force: true });
  });

  it('the first administrator creates the congress of members by a form checked as they type', async () => {
    await signIn(page, base, server.admin);
    // The password printed at first start must be replaced before anything else.
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(server.admin.password);
    await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('chi-bo-mat-khau-moi');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('chi-bo-mat-khau-moi');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Tạo đại hội mới' }).waitFor();
    await page.getByText('Máy chủ chưa có đại hội nào').waitFor();
    const form = page.locator('form[aria-labelledby="new-congress"]');
    await form.getByLabel('Mã đại hội (dùng trong đường dẫn, trên thẻ)').fill('Chi Bộ');
    await form.getByText('Sai định dạng.').waitFor();
    expect(await form.getByRole('button', { name: 'Tạo đại hội' }).isDisabled()).toBe(true);
    expect(await form.getByTestId('why-disabled').textContent()).toContain('Mã đại hội');
    await screenshot(page, 'own-01-new-congress-invalid');
    await form.getByLabel('Mã đại hội (dùng trong đường dẫn, trên thẻ)').fill(CODE);
    await form.getByLabel('Cấp ủy cấp trên').fill('Đảng bộ Sở Tài chính tỉnh Lạng Sơn');
    await form.getByLabel('Tổ chức đảng tiến hành đại hội').fill(BRANCH);
    await form.getByLabel('Hình thức đại hội').selectOption('members');
    await form.getByLabel('Lần thứ (số La Mã)').fill('xii');
    await form.getByLabel('Nhiệm kỳ từ năm').fill('2025');
    await form.getByLabel('Nhiệm kỳ đến năm').fill('2024');
    await form.getByText('Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.').waitFor();
    await form.getByLabel('Nhiệm kỳ đến năm').fill('2030');
    await form.getByLabel('Ngày khai mạc').fill('2025-07-20');
    await form.getByLabel('Ngày bế mạc').fill('2025-07-20');
    await form.getByLabel('Nơi họp').fill('Phòng họp tầng 3, Sở Tài chính');
    await form.getByLabel('Địa danh ghi trên văn bản').fill('Lạng Sơn');
    await form.getByRole('button', { name: 'Tạo đại hội' }).click();
    await page.waitForURL(`${base}/console?congress=${CODE}`);
    await page.getByRole('heading', { name: 'Việc cần làm trước ngày khai mạc' }).waitFor();
    expect(await page.getByTestId('checklist-delegates').getAttribute('data-done')).toBe('false');
    expect(await page.getByTestId('checklist-organisations').getAttribute('data-done')).toBe('true');
    await screenshot(page, 'own-02-checklist-empty');
  }, 60_000);

  it('ten members typed one by one, five imported from an .xlsx', async () => {
    await page.getByTestId('checklist-delegates').getByRole('link').click();
    await page.waitForURL(`${base}/console/delegates`);
    const form = page.locator('form[aria-labelledby="new-delegate"]');
    await form.getByRole('heading', { name: 'Thêm đảng viên' }).waitFor();
    for (const m of TYPED) {
      await form.getByLabel('Số thẻ', { exact: true }).fill(m.code);
      await form.getByLabel('Họ và tên', { exact: true }).fill(m.fullName);
      await form.getByLabel('Giới tính', { exact: true }).selectOption(m.gender === 'Nam' ? 'male' : 'female');
      await form.getByLabel('Ngày sinh', { exact: true }).fill(m.birthDate);
      await form.getByLabel('Trình độ chuyên môn', { exact: true }).fill('Đại học');
      await form.getByLabel('Lý luận chính trị', { exact: true }).fill('Trung cấp');
      await form.getByLabel('Ngày vào Đảng', { exact: true }).fill(m.partyJoinDate);
      await form.getByLabel('Đơn vị', { exact: true }).selectOption({ label: BRANCH });
      await form.getByRole('button', { name: 'Thêm đảng viên' }).click();
      await form.getByText(`Đã thêm ${m.fullName}.`).waitFor();
    }
    // A duplicate card number: the server's refusal shown at the field, nothing added.
    await form.getByLabel('Số thẻ', { exact: true }).fill('001');
    await form.getByLabel('Họ và tên', { exact: true }).fill('Người Trùng Số');
    await form.getByRole('button', { name: 'Thêm đảng viên' }).click();
    await form.getByText('Số thẻ "001" đã có trong đại hội.').waitFor();
    await screenshot(page, 'own-03-member-form');

    await page.getByLabel('Nhập danh sách đại biểu từ tệp .xlsx hoặc .csv').setInputFiles({
      name: 'danh-sach-bo-sung.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await importFile(),
    });
    await page.getByText('danh-sach-bo-sung.xlsx').waitFor();
    await page.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await page.getByText('Đã nhập 5 đại biểu.').waitFor();
    await expect.poll(() => page.getByTestId('delegate-row').count()).toBe(15);
    await screenshot(page, 'own-04-members-listed');
  }, 120_000);

  it('one session with its agenda, dated; the bodies; both elections with their seats and a count setting', async () => {
    await page.goto(`${base}/console/setup`);
    const agenda = page.locator('#agenda');
    await agenda.getByLabel('Thêm phiên chính thức').fill('Phiên chính thức');
    await agenda.locator('form', { has: page.getByLabel('Thêm phiên chính thức') }).getByRole('button', { name: 'Thêm' }).click();
    await agenda.getByRole('heading', { name: /Phiên chính thức/u }).waitFor();
    for (const [title, kind] of [['Khai mạc Đại hội', 'opening'], ['Bầu cử', 'election'], ['Mục sẽ xóa', 'other']] as const) {
      await agenda.getByLabel('Nội dung', { exact: true }).fill(title);
      await agenda.getByLabel('Loại', { exact: true }).selectOption(kind);
      await agenda.locator('form', { has: page.getByLabel('Nội dung', { exact: true }) }).getByRole('button', { name: 'Thêm' }).click();
      await agenda.getByTestId('agenda-item').filter({ hasText: title }).waitFor();
    }
    await agenda.getByRole('button', { name: 'Xóa nội dung «Mục sẽ xóa»' }).click();
    await expect.poll(() => agenda.getByTestId('agenda-item').filter({ hasText: 'Mục sẽ xóa' }).count()).toBe(0);
    await agenda.getByRole('button', { name: 'Sửa Phiên chính thức' }).click();
    await agenda.getByLabel('Ngày giờ bắt đầu').fill('2025-07-20T07:30');
    await agenda.getByRole('button', { name: 'Lưu' }).click();
    await agenda.getByText(/07:30/u).waitFor();
    await screenshot(page, 'own-05-agenda');

    // Make the opening current: check-ins go to its session.
    await page.goto(`${base}/console`);
    await page.getByRole('listitem').filter({ hasText: 'Khai mạc Đại hội' }).getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Khai mạc Đại hội' }).getByRole('button', { name: 'Đang diễn ra' }).waitFor();

    await page.goto(`${base}/console/bodies`);
    const bodies: ReadonlyArray<readonly [string, readonly Member[]]> = [
      ['presidium', [TYPED[0]!]], ['secretariat', [TYPED[1]!]], ['counting-board', [TYPED[7]!, TYPED[8]!]],
    ];
    for (const [kind, people] of bodies) {
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Lập ban mới' }) });
      await form.getByLabel('Loại', { exact: true }).selectOption(kind);
      for (const m of people) {
        await form.getByLabel(/Thêm thành viên/u).fill(m.fullName);
        await form.getByRole('button', { name: new RegExp(m.fullName, 'u') }).click();
      }
      await form.getByRole('button', { name: 'Lập ban' }).click();
      await page.getByRole('heading', { name: { presidium: 'Đoàn Chủ tịch', secretariat: 'Đoàn Thư ký', 'counting-board': 'Ban Kiểm phiếu' }[kind]!, exact: true }).waitFor();
    }

    await page.goto(`${base}/console/elections`);
    const newElection = page.locator('form[aria-labelledby="new-election"]');
    await newElection.getByLabel('Loại bầu cử').selectOption('secretary');
    expect(await newElection.getByLabel('Số lượng được bầu').inputValue()).toBe('1');
    await newElection.getByRole('button', { name: 'Tạo' }).click();
    await page.getByRole('heading', { name: 'Bầu Bí thư', exact: true }).waitFor();
    await newElection.getByLabel('Loại bầu cử').selectOption('committee');
    await newElection.getByLabel('Tên cuộc bầu cử').fill('Bầu Chi ủy nhiệm kỳ 2025–2030');
    await newElection.getByLabel('Số lượng được bầu').fill('3');
    await newElection.getByRole('button', { name: 'Tạo' }).click();
    const committee = page.locator('article.election-card', { has: page.getByRole('heading', { name: 'Bầu Chi ủy nhiệm kỳ 2025–2030' }) });
    await committee.waitFor();
    // Voting on an election opens only while its agenda item is current: each is linked to the item 'Bầu cử'.
    for (const title of ['Bầu Bí thư', 'Bầu Chi ủy nhiệm kỳ 2025–2030']) {
      const card = page.locator('article.election-card', { has: page.getByRole('heading', { name: title, exact: true }) });
      const field = card.getByTestId('election-agenda-item');
      await field.getByText('Chưa gắn với mục chương trình', { exact: false }).waitFor();
      expect(await field.getByLabel('Mục chương trình bầu cử').inputValue()).toBe('');
      await field.getByLabel('Mục chương trình bầu cử').selectOption({ label: 'Phiên chính thức — Bầu cử' });
      await field.getByText('Đã lưu.').waitFor();
      await expect.poll(() => field.getByText('Chưa gắn với mục chương trình', { exact: false }).count()).toBe(0);
    }
    await page.reload();
    const linked = page.locator('article.election-card', { has: page.getByRole('heading', { name: 'Bầu Bí thư', exact: true }) }).getByLabel('Mục chương trình bầu cử');
    await expect.poll(() => linked.locator('option:checked').textContent()).toBe('Phiên chính thức — Bầu cử');
    await screenshot(page, 'own-06b-election-agenda-item');

    await committee.getByText('Số lượng và các thiết lập kiểm phiếu').click();
    const writeIn = committee.getByLabel('Phiếu ghi thêm tên người ngoài danh sách là phiếu không hợp lệ');
    expect(await writeIn.isChecked()).toBe(true);
    await writeIn.uncheck();
    await committee.getByRole('button', { name: 'Lưu số lượng và thiết lập' }).click();
    await committee.getByText('Đã lưu.').waitFor();
    await screenshot(page, 'own-06-election-settings');
  }, 120_000);

  it('runs it: check-in at the desk, the presidium by show of hands, both lists approved, voting opened', async () => {
    await page.goto(`${base}/checkin`);
    const search = page.getByLabel('Hoặc tìm theo họ tên, mã đại biểu');
    for (const m of EVERYONE.filter((x) => x !== ABSENT)) {
      await search.fill(m.code);
      await page.getByRole('button', { name: new RegExp(m.fullName, 'u') }).click();
      await page.getByTestId('confirmation').filter({ hasText: m.fullName }).waitFor();
    }
    await screenshot(page, 'own-07-checkin');

    await page.goto(`${base}/console/bodies`);
    const presidium = section(page, 'Đoàn Chủ tịch');
    await presidium.getByLabel('Đồng ý', { exact: true }).fill('14');
    await presidium.getByLabel('Không đồng ý', { exact: true }).fill('0');
    await presidium.getByLabel('Ý kiến khác', { exact: true }).fill('0');
    await presidium.getByRole('button', { name: 'Biểu quyết thông qua' }).click();
    await presidium.getByText('Đại hội đã biểu quyết thông qua').waitFor();
    const board = section(page, 'Ban Kiểm phiếu');
    await board.getByLabel('Đồng ý', { exact: true }).fill('14');
    await board.getByLabel('Không đồng ý', { exact: true }).fill('0');
    await board.getByLabel('Ý kiến khác', { exact: true }).fill('0');
    await board.getByRole('button', { name: 'Biểu quyết thông qua' }).click();
    await board.getByText('Đại hội đã biểu quyết thông qua').waitFor();
    await screenshot(page, 'own-08-presidium-approved');

    // The agenda moves to the elections: voting opens on their item without an override.
    await page.goto(`${base}/console`);
    await page.locator('li.agenda-item').filter({ hasText: 'Bầu cử' }).getByRole('button', { name: 'Chuyển sang nội dung này' }).click();
    await page.locator('li.agenda-item').filter({ hasText: 'Bầu cử' }).getByRole('button', { name: 'Đang diễn ra' }).waitFor();

    await page.goto(`${base}/console/elections`);
    const lists: ReadonlyArray<readonly [string, readonly Member[]]> = [
      ['Bầu Bí thư', [TYPED[0]!, TYPED[2]!]],
      ['Bầu Chi ủy nhiệm kỳ 2025–2030', [TYPED[0]!, TYPED[2]!, TYPED[3]!, TYPED[4]!]],
    ];
    for (const [title, names] of lists) {
      const card = page.locator('article.election-card', { has: page.getByRole('heading', { name: title, exact: true }) });
      for (const m of names) {
        await card.getByLabel('Tìm theo tên hoặc mã').fill(m.fullName);
        await card.getByRole('button', { name: new RegExp(m.fullName, 'u') }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Ghi vào danh sách', exact: true }).click();
        await card.locator('ol.candidate-list').getByText(m.fullName, { exact: true }).waitFor();
      }
      // A list with a surplus: the congress first votes its maximum surplus (never above the rules' 1 for 3 seats).
      const surplus = card.locator('section.max-surplus');
      if (await surplus.count() > 0) {
        await expect.poll(() => surplus.getByTestId('max-surplus-now').textContent()).toBe('Đại hội chưa biểu quyết số dư tối đa của cuộc bầu cử này.');
        await surplus.getByLabel(/^Số dư tối đa/u).fill('2');
        await surplus.getByLabel('Đồng ý', { exact: true }).fill('14');
        await surplus.getByLabel('Không đồng ý', { exact: true }).fill('0');
        await surplus.getByLabel('Ý kiến khác', { exact: true }).fill('0');
        await surplus.getByText('Quy chế chỉ cho phép số dư tối đa 1 người khi bầu 3 người.').waitFor();
        await surplus.getByLabel(/^Số dư tối đa/u).fill('1');
        await surplus.getByRole('button', { name: 'Ghi kết quả biểu quyết số dư tối đa' }).click();
        await expect.poll(() => surplus.getByTestId('max-surplus-now').textContent()).toBe('Số dư tối đa Đại hội đã thông qua: 1 người.');
      }
      const approval = card.locator('form', { has: page.getByRole('button', { name: 'Biểu quyết thông qua danh sách bầu cử' }) });
      await approval.getByLabel('Đồng ý', { exact: true }).fill('14');
      await approval.getByLabel('Không đồng ý', { exact: true }).fill('0');
      await approval.getByLabel('Ý kiến khác', { exact: true }).fill('0');
      await approval.getByRole('button', { name: 'Biểu quyết thông qua danh sách bầu cử' }).click();
      await card.getByText(/Đã thông qua danh sách/u).waitFor();
      // The settings are frozen now, shown read-only.
      await card.getByTestId('election-settings-frozen').waitFor();
      await card.getByLabel('Ban Kiểm phiếu').selectOption({ label: 'Ban Kiểm phiếu' });
      await card.getByRole('button', { name: 'Bắt đầu bỏ phiếu' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu bỏ phiếu' }).click();
      await card.getByText(/Đang bỏ phiếu/u).waitFor();
      expect(await card.getByRole('button', { name: 'Mở bỏ phiếu ngoài mục chương trình…' }).count()).toBe(0);
      await card.getByLabel('Số phiếu phát ra').fill('14');
      await card.getByRole('button', { name: 'Ghi số phiếu' }).click();
    }
    // The secretariat prints the committee's ballot from its card: the paper the board will scan.
    const [ballots] = await Promise.all([
      page.waitForEvent('download'),
      electionCard(page, SCANNED).locator('p.print-links > span', { hasText: 'Phiếu bầu' }).getByRole('link', { name: 'PDF' }).click(),
    ]);
    committeePaper = await readFile(await ballots.path());
    const printed = pdfText(committeePaper);
    for (const m of [TYPED[0]!, TYPED[2]!, TYPED[3]!, TYPED[4]!]) expect(printed).toContain(m.fullName);
    await screenshot(page, 'own-09-voting');
  }, 120_000);

  it('two members of the counting board get accounts and the board\'s role for both elections, on the accounts and roles screens', async () => {
    await page.goto(`${base}/accounts`);
    for (const op of OPERATORS) {
      await page.getByLabel(/^Tên đăng nhập \(/u).fill(op.username);
      await page.getByLabel('Họ và tên').fill(op.member.fullName);
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const shown = page.locator('output.new-password');
      await shown.waitFor();
      given.set(op.username, (await shown.textContent()) ?? '');
      await page.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
    }
    await page.getByRole('link', { name: 'Phân công' }).click();
    await page.waitForURL(`${base}/roles`);
    for (const op of OPERATORS) {
      for (const title of ELECTIONS) {
        await page.locator('select[name="userId"]').selectOption({ label: `${op.member.fullName} (${op.username})` });
        await page.locator('select[name="role"]').selectOption({ label: 'Ban Kiểm phiếu' });
        await page.locator('select[name="electionId"]').selectOption({ label: title });
        await page.getByRole('button', { name: 'Phân công', exact: true }).click();
        await page.locator('table.roles-table tr').filter({ hasText: op.username }).filter({ hasText: title }).waitFor();
      }
    }
    await screenshot(page, 'own-10a-counting-roles');
  }, 60_000);

  it('voting closes; the board enters every paper ballot twice at two machines — typed, or the committee stack scanned from a folder (a blurred camera shot refused at once first) and its unsure sheets ruled on; the board finishes; the chair publishes', async () => {
    await page.goto(`${base}/console/elections`);
    for (const title of ELECTIONS) {
      const card = electionCard(page, title);
      await card.getByLabel('Số phiếu thu về', { exact: true }).fill(String(BALLOTS));
      await card.getByRole('button', { name: 'Ghi số phiếu' }).click();
      await card.getByRole('button', { name: 'Bắt đầu kiểm phiếu' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Chuyển sang kiểm phiếu' }).click();
      await card.getByText(/Đang kiểm phiếu/u).first().waitFor();
    }

    const operators: Page[] = [];
    for (const op of OPERATORS) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      extra.push(ctx);
      const p = await ctx.newPage();
      await signIn(p, base, { username: op.username, password: given.get(op.username)! });
      await p.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
      await p.getByLabel('Mật khẩu hiện tại').fill(given.get(op.username)!);
      await p.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill(`${op.username}-rieng-2025`);
      await p.getByLabel('Nhập lại mật khẩu mới').fill(`${op.username}-rieng-2025`);
      await p.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await p.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor({ state: 'detached' });
      await p.goto(`${base}/counting`);
      await nameTerminal(p, op.terminal);
      operators.push(p);
    }
    const first = operators[0]!;

    /** The board's member scans the committee's stack from a folder and rules on each sheet the reader leaves to a person. */
    const scanStack = async (p: Page, batch: string): Promise<void> => {
      const { stack, names, g } = await markedStack(committeePaper!, server);
      // First the member tries a phone out of focus on the camera panel: each shot is read by the server at once, and
      // this one is refused with the reason, not queued.
      const cameraDir = await mkdtemp(join(tmpdir(), 'daihoi-own-camera-'));
      const blurred = await generatePhoto(g, { seed: 9_100, stamped: true, writingOutside: false, plan: () => ({ kind: 'none' }),
        variation: { camera: '3MP', tilt: 5, roll: 2, blur: 5, shadow: 0 } });
      await writePhotoY4m(blurred.jpeg, join(cameraDir, 'camera.y4m'));
      const phone = await launch(join(cameraDir, 'camera.y4m'));
      try {
        const cp = await (await phone.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'vi-VN' })).newPage();
        const op = OPERATORS[1];
        await signIn(cp, base, { username: op.username, password: `${op.username}-rieng-2025` }, '/counting');
        await nameTerminal(cp, 'Điện thoại');
        await cp.getByRole('combobox', { name: /^Cuộc bầu cử/u }).selectOption({ label: SCANNED });
        await cp.getByRole('button', { name: new RegExp(batch, 'u') }).click();
        const camera = cp.locator('section.scan-panel');
        await camera.getByRole('button', { name: 'Chụp ảnh' }).click();
        await expect.poll(() => camera.getByTestId('camera-status').textContent(), { timeout: 60_000 }).toBe('Đã thấy đủ bốn góc phiếu: chụp được.');
        await camera.getByRole('button', { name: 'Chụp tờ này' }).click();
        await expect.poll(() => camera.getByTestId('shot-refused').textContent(), { timeout: 60_000 }).toMatch(/^Ảnh vừa chụp không dùng được: Ảnh bị mờ/u);
        expect(await camera.getByTestId('shots-queued').count()).toBe(0);
        await screenshot(cp, 'own-11a-camera-refused');
      } finally {
        await phone.close();
        await rm(cameraDir, { recursive: true, force: true });
      }
      scans = await mkdtemp(join(tmpdir(), 'daihoi-own-scans-'));
      for (const [j, b] of stack.entries()) await writeFile(join(scans, `quet-${j + 1}.png`), await greyPngFile(b.pages[0]!));
      const panel = p.locator('section.scan-panel');
      await panel.getByRole('heading', { name: `Quét tập phiếu — ${batch}` }).waitFor();
      await panel.getByText('Chưa chọn tệp nào').first().waitFor();
      await panel.getByLabel('Chọn thư mục ảnh quét').setInputFiles(scans);
      await panel.getByTestId('scan-selection').getByText(`${BALLOTS} tệp, tổng cộng`).waitFor();
      await panel.getByText(`Đã chọn ${BALLOTS} tệp`).waitFor();
      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const job = p.getByTestId('scan-job').filter({ hasText: batch });
      await expect.poll(() => job.getByTestId('scan-status').textContent(), { timeout: 120_000 }).toBe('Chờ Ban Kiểm phiếu');
      const { review, positions } = await openReview(p, job);
      expect(positions, 'the partial strike is left to the board').toContain(3);
      await screenshot(p, 'own-11a-scan-review');
      await ruleAsOnPaper(review, job, positions, stack, names);
      await screenshot(p, 'own-11a-scan-entered');
    };

    for (const [title, pile] of PILES) {
      const batch = `Hòm phiếu — ${title}`;
      // The first member of the board opens the batch with its hand count.
      await first.getByRole('combobox', { name: /^Cuộc bầu cử/u }).selectOption({ label: title });
      await first.getByLabel('Tên tập phiếu').fill(batch);
      // The committee's box is opened with one ballot too few (a slip); the board counts it again by hand and records
      // the right count with its reason — the reason is asked for before anything is sent.
      const slip = title === SCANNED;
      await first.getByLabel('Số phiếu đếm tay').fill(String(slip ? BALLOTS - 1 : BALLOTS));
      await first.getByRole('button', { name: 'Mở tập phiếu' }).click();
      if (slip) {
        await first.getByRole('button', { name: new RegExp(batch, 'u') }).click();
        const recount = first.locator('form.batch-recount');
        await recount.getByLabel('Số phiếu đếm lại').fill(String(BALLOTS));
        await recount.getByRole('button', { name: 'Ghi số phiếu đếm lại' }).click();
        expect(await recount.getByLabel(/^Lý do/u).evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('Xin điền vào ô này.');
        await recount.getByLabel(/^Lý do/u).fill('Đếm lại bằng tay: hòm có đủ phiếu, gõ thiếu một khi mở tập');
        await recount.getByRole('button', { name: 'Ghi số phiếu đếm lại' }).click();
        await recount.getByRole('heading', { name: `Đếm lại tập "${batch}" bằng tay (đang ghi ${BALLOTS} phiếu)` }).waitFor();
      }
      // Each enters the same paper ballots independently: typing reads the rows from the ballot form on the screen;
      // the committee's second entry is the scanned stack.
      for (const [i, p] of operators.entries()) {
        await p.getByRole('combobox', { name: /^Cuộc bầu cử/u }).selectOption({ label: title });
        await p.getByRole('button', { name: new RegExp(batch, 'u') }).click();
        if (title === SCANNED && i === 1) {
          await scanStack(p, batch);
          continue;
        }
        await p.getByRole('button', { name: 'Bắt đầu nhập tập này' }).click();
        await p.getByTestId('running-count').waitFor();
        const rows = await p.locator('ol.ballot-form li .row-name').allTextContents();
        expect(rows).toHaveLength(title === 'Bầu Bí thư' ? 2 : 4);
        const row = (m: Member): string => String(rows.indexOf(m.fullName) + 1);
        await typeBallots(p, pile.map((struck) => struck.map(row).join(' ')), BALLOTS);
        if (i === 0) await screenshot(p, `own-11a-entry-${title === 'Bầu Bí thư' ? 'secretary' : 'committee'}`);
        await p.getByRole('button', { name: 'Kết thúc lượt nhập tập này' }).click();
        await p.getByText('Đã kết thúc lượt nhập').waitFor();
      }
      // Both entries agree: the board finishes the count.
      await first.getByRole('combobox', { name: /^Cuộc bầu cử/u }).selectOption({ label: title });
      await first.getByRole('heading', { name: 'Kết quả kiểm phiếu', exact: true }).waitFor();
      await first.getByRole('button', { name: 'Chốt kết quả kiểm phiếu' }).click();
      await first.getByRole('dialog').getByRole('button', { name: 'Chốt kết quả' }).click();
      await first.getByTestId('publish').waitFor();
      expect(await first.locator('ol.elected-list li').allTextContents()).toEqual(WINNERS.get(title)!.map((m) => m.fullName));
      await screenshot(first, `own-11b-counted-${title === 'Bầu Bí thư' ? 'secretary' : 'committee'}`);
    }

    // The chair publishes each result from the console.
    await page.goto(`${base}/console/elections`);
    for (const title of ELECTIONS) {
      const card = electionCard(page, title);
      await card.getByRole('button', { name: 'Công bố kết quả' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Công bố kết quả' }).click();
      await card.getByText(/Đã công bố/u).first().waitFor();
    }
    await screenshot(page, 'own-11c-published');
  }, 180_000);

  it('the minutes of each election, downloaded from its card, name the winners and are dated in words', async () => {
    for (const title of ELECTIONS) {
      const card = electionCard(page, title);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.locator('p.print-links > span').filter({ hasText: 'Biên bản kiểm phiếu' }).getByRole('link', { name: 'PDF' }).click(),
      ]);
      const text = pdfText(await readFile(await download.path())).replace(/\s+/gu, ' ');
      expect(text).toContain('BIÊN BẢN');
      expect(text).toMatch(/ngày 20 tháng 7 năm 2025/u);
      // The elected, in vote order, between the sentence that names them and "Đã bầu đủ số lượng"; nobody else there.
      const elected = /trúng cử \(xếp theo số phiếu từ cao xuống thấp\):(.*?)Đã bầu đủ số lượng/u.exec(text)?.[1] ?? '';
      const winners = WINNERS.get(title)!;
      const at = winners.map((m) => elected.indexOf(m.fullName));
      expect(at.every((i) => i >= 0), `${title}: ${elected}`).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const m of EVERYONE.filter((x) => !winners.includes(x))) expect(elected).not.toContain(m.fullName);
    }
  }, 60_000);

  it('after the opening a member is recorded absent for the whole congress: the credentials history on the delegates page and the attendance report list the change', async () => {
    await page.goto(`${base}/console/delegates`);
    await page.getByRole('button', { name: `Quản lý ${ABSENT.fullName}` }).click();
    const panel = page.getByTestId('manage-delegate');
    await panel.getByText('Đại hội đã khai mạc').waitFor();
    const status = panel.locator('form[aria-label="Ghi tình trạng"]');
    await status.getByLabel('Tình trạng').selectOption('absent-whole');
    expect(await status.getByRole('button', { name: 'Ghi tình trạng' }).isDisabled()).toBe(true);
    await status.getByLabel('Lý do').fill('Đi công tác nước ngoài');
    await status.getByRole('button', { name: 'Ghi tình trạng' }).click();
    await status.getByText('Đã ghi tình trạng.').waitFor();
    await screenshot(page, 'own-10-status-after-opening');

    // The credentials history on the same screen (no credentials committee at a congress of members): when, who, before → after, why.
    const history = page.getByTestId('delegate-changes');
    await history.getByRole('heading', { name: 'Lịch sử thẩm tra tư cách: thay đổi về đại biểu sau khai mạc' }).waitFor();
    const change = history.getByTestId('delegate-change').filter({ hasText: ABSENT.fullName });
    await change.waitFor();
    expect(await history.getByTestId('delegate-change').count()).toBe(1);
    const cells = await change.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/u);
    expect(cells.slice(2)).toEqual([ABSENT.fullName, 'Được triệu tập → Vắng cả đại hội', 'Đi công tác nước ngoài']);
    expect(cells[1]).toContain(`(${server.admin.username})`);
    await change.scrollIntoViewIfNeeded();
    await screenshot(page, 'own-10b-credentials-history');

    await page.goto(`${base}/console/documents`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('p.print-links > span').filter({ hasText: 'Báo cáo tình hình đại biểu có mặt' }).getByRole('link', { name: 'PDF' }).click(),
    ]);
    const text = pdfText(await readFile(await download.path()));
    expect(text).toContain('Người ghi');
    expect(text).toContain('Đi công tác nước ngoài');
    expect(text).toContain(ABSENT.fullName);
    // The same history as the screen's, row by row (the Word file's table cells do not wrap into each other).
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('p.print-links > span').filter({ hasText: 'Báo cáo tình hình đại biểu có mặt' }).getByRole('link', { name: 'Word' }).click(),
    ]);
    const row = docxText(await readFile(await word.path())).split('\n').find((l) => l.includes(ABSENT.fullName) && l.includes('→'));
    expect(row).toContain(`| ${cells[0]!.replace(' ', ' ngày ')} | ${cells[1]} | ${ABSENT.fullName} | Được triệu tập → Vắng cả đại hội | Đi công tác nước ngoài |`);
    // No credentials committee to sign a credentials report at a congress of members: the documents page leads to the history.
    expect(await page.locator('p.print-links > span').filter({ hasText: 'Báo cáo thẩm tra tư cách đại biểu' }).count()).toBe(0);
    await page.getByTestId('credentials-history-link').getByRole('link', { name: 'Mở lịch sử thẩm tra tư cách' }).click();
    await page.waitForURL(`${base}/console/delegates#delegate-changes`);
    await page.getByTestId('delegate-changes').getByTestId('delegate-change').filter({ hasText: ABSENT.fullName }).waitFor();
    // Scrolled to the history, below the list of delegates (beyond the first screen).
    const height = page.viewportSize()?.height ?? 0;
    await expect.poll(async () => {
      const y = (await page.getByTestId('delegate-changes').boundingBox())?.y;
      return y !== undefined && y >= 0 && y < height;
    }).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBeGreaterThan(0);
  }, 60_000);

  it('the next congress starts as a copy of this one: its agenda and bodies, no people', async () => {
    await page.goto(`${base}/congresses`);
    const form = page.locator('form[aria-labelledby="new-congress"]');
    await form.getByLabel('Bắt đầu từ').selectOption(CODE);
    await form.getByText('Không sao chép đại biểu, biểu quyết, bầu cử.', { exact: false }).waitFor();
    await createCongress(form, {
      code: 'chi-bo-van-phong-xiii', parent: 'Đảng bộ Sở Tài chính tỉnh Lạng Sơn', host: BRANCH, kind: 'members', ordinal: 'XIII',
      termFrom: '2030', termTo: '2035', opens: '2030-07-15', closes: '2030-07-15', venue: 'Phòng họp tầng 3, Sở Tài chính', place: 'Lạng Sơn',
    });
    await page.waitForURL(`${base}/console?congress=chi-bo-van-phong-xiii`);
    expect(await page.getByTestId('checklist-delegates').getAttribute('data-done')).toBe('false');
    expect(await page.getByTestId('checklist-sessions').getAttribute('data-done')).toBe('true');
    await page.getByTestId('checklist-bodies').getByRole('link').click();
    await page.getByRole('heading', { name: 'Đoàn Chủ tịch', exact: true }).waitFor();
    await section(page, 'Đoàn Chủ tịch').getByText('Cần ít nhất một thành viên.').waitFor();
    await screenshot(page, 'own-11-copied-bodies');
  }, 60_000);
});

