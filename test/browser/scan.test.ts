/**
 * Scanning a batch in Chromium against the real server: the seed congress's committee election is
 * brought to counting through the API; three ballots are generated from the very ballot the server prints for
 * the round (src/scan/testing/generate.ts), one with a partial strike the reader must not decide alone; their
 * PNGs go into a folder (named so that only natural order is the stack order, plus a stray note), which the
 * counting board uploads from the counting console's "Quét tập phiếu" panel. The upload progress is seen, the job
 * reaches "Chờ Ban Kiểm phiếu" live, the board decides the sheet in review from its crop, and the job says
 * "Đã nhập": the scanner's entry is in the batch. Then a stack of the wrong size, picked as files: "Không đọc
 * được" with the reason, discarded by the board ("Huỷ để quét lại", confirmed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greyPngFile } from '../../src/scan/testing/png-file.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot } from '../../src/scan/testing/generate.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { committeeAtCounting, openReview, printedBallot, ruleAsOnPaper, signIn } from './scan-scene.ts';
import { chromiumAvailable, launch, screenshot } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;

const run = chromiumAvailable();

describe.skipIf(!run)('scanning a batch in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let folder: string;

  beforeAll(async () => {
    server = await startServer();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    folder = await mkdtemp(join(tmpdir(), 'daihoi-scan-stack-'));
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('the board uploads a folder of scans, sees the progress, decides the unsure sheet from its crop, and the stack is entered', async () => {
    const { code, R, election, head, board } = await committeeAtCounting(server, api);
    const LABEL = 'Hòm phiếu quét thử';
    const batch = await board.call<{ id: string }>('POST', `${R}/batches`, { label: LABEL, physicalCount: 3 });
    // Opened before the console loads: the console's batch list does not follow batches opened elsewhere live.
    const WRONG = 'Hòm phiếu quét sai số';
    await board.call('POST', `${R}/batches`, { label: WRONG, physicalCount: 2 });

    // Three ballots of the printed form; the third has a partial strike on its second name (a person must look).
    const input = await printedBallot(server, code, { id: election.id });
    const g = await prepareGenerator(input);
    if (!g.ok) throw new Error(g.error.message_en);
    const ballots: GeneratedBallot[] = await Promise.all([0, 1, 2].map((j) => generateBallot(g.value, {
      seed: 700 + j, degrade: 'none', stamped: true, writingOutside: false,
      plan: (i) => (j === 2 && i === 1 ? { kind: 'partial', part: 'family-name', pen: 'ballpoint' }
        : (i + j) % 4 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }),
    })));
    // quet-9, quet-10, quet-11…: plain string order would put quet-10 first; only natural order is the stack order.
    const pages = ballots.flatMap((b) => [...b.pages]);
    for (const [i, p] of pages.entries()) await writeFile(join(folder, `quet-${9 + i}.png`), await greyPngFile(p));
    await writeFile(join(folder, 'ghi-chu.txt'), 'Tập quét thử, 3 phiếu.\n');

    const context = await browser.newContext({ viewport: { width: 1600, height: 1100 }, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await signIn(page, server.base, '/counting', head);
      // A batch opened without its name or with a hand count below 1: the browser's own check, in Vietnamese even on
      // this English Chromium (ui/native-validation.ts).
      await page.getByLabel('Số phiếu đếm tay').fill('-3');
      await page.getByRole('button', { name: 'Mở tập phiếu' }).click();
      expect(await page.getByLabel('Tên tập phiếu').evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('Xin điền vào ô này.');
      await page.getByLabel('Tên tập phiếu').fill('Hòm thử');
      await page.getByRole('button', { name: 'Mở tập phiếu' }).click();
      expect(await page.getByLabel('Số phiếu đếm tay').evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('Giá trị phải từ 1 trở lên.');
      await page.getByLabel('Tên tập phiếu').fill('');
      await page.getByLabel('Số phiếu đếm tay').fill('');
      await page.getByRole('button', { name: new RegExp(LABEL, 'u') }).click();
      const panel = page.locator('section.scan-panel');
      await panel.getByRole('heading', { name: `Quét tập phiếu — ${LABEL}` }).waitFor();
      await panel.getByLabel('Chọn thư mục ảnh quét').setInputFiles(folder);
      const selection = panel.getByTestId('scan-selection');
      await selection.getByText(`${pages.length} tệp, tổng cộng`).waitFor();
      await selection.getByText('Bỏ qua 1 tệp không phải ảnh quét', { exact: false }).waitFor();
      // The stack order: quet-9 first, the last number last (a folder's files carry its name in front).
      expect(await selection.textContent()).toMatch(new RegExp(`từ (\\S+/)?quet-9\\.png đến (\\S+/)?quet-${8 + pages.length}\\.png`, 'u'));
      await screenshot(page, 'scan-01-folder-chosen');

      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const progress = panel.getByTestId('upload-progress');
      await progress.waitFor();
      await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/\(100%\)$/u);
      await panel.getByText(`Đã tải lên ${pages.length} tệp của tập "${LABEL}"`, { exact: false }).waitFor();

      const job = page.getByTestId('scan-job').filter({ hasText: LABEL });
      await job.waitFor();
      await expect.poll(() => job.getByTestId('scan-status').textContent(), { timeout: 90_000 }).toBe('Chờ Ban Kiểm phiếu');
      await screenshot(page, 'scan-02-waiting-for-board');

      const { review, positions } = await openReview(page, job);
      expect(positions, 'the partial strike is on the third ballot of the stack').toContain(3);
      const crop = review.getByTestId('scan-sheet').first().locator('img.scan-crop');
      await expect.poll(() => crop.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; }), { timeout: 15_000 }).toBe(true);
      await review.scrollIntoViewIfNeeded();
      await screenshot(page, 'scan-03-review-sheet');

      // The board reads each sheet on paper: the truth, a partial strike counted as struck.
      const names = [...election.rounds[0]!.candidates].sort((a, b) => a.position - b.position).map((c) => ({ id: String(c.id), name: c.fullName }));
      await ruleAsOnPaper(review, job, positions, ballots, names);
      await job.scrollIntoViewIfNeeded();
      await screenshot(page, 'scan-04-entered');

      // A stack of the wrong size (picked as files this time): the reading fails with the reason, nothing is
      // entered, and the board discards it to scan again.
      await page.getByRole('button', { name: new RegExp(WRONG, 'u') }).click();
      await panel.getByRole('heading', { name: `Quét tập phiếu — ${WRONG}` }).waitFor();
      await panel.getByLabel('Hoặc chọn các tệp ảnh quét').setInputFiles(pages.map((_, i) => join(folder, `quet-${9 + i}.png`)));
      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const failed = page.getByTestId('scan-job').filter({ hasText: WRONG });
      await expect.poll(() => failed.getByTestId('scan-status').textContent(), { timeout: 90_000 }).toBe('Không đọc được');
      expect(await failed.getByRole('alert').textContent()).toContain(`Tập "${WRONG}" có 2 phiếu`);
      await failed.scrollIntoViewIfNeeded();
      await screenshot(page, 'scan-05-failed');
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.message();
        void d.accept();
      });
      await failed.getByRole('button', { name: 'Huỷ để quét lại' }).click();
      await expect.poll(() => failed.count()).toBe(0);
      expect(asked).toContain(`Huỷ lần quét tập "${WRONG}"?`);
      // The board counts that box again by hand: it holds 3, not 2. The new count, with the reason, from the screen;
      // the same stack is then read.
      const recount = page.locator('form.batch-recount');
      await recount.getByLabel('Số phiếu đếm lại').fill('3');
      await recount.getByLabel(/^Lý do/u).fill('Đếm lại bằng tay: hòm có 3 phiếu, ghi nhầm 2 khi mở tập');
      await recount.getByRole('button', { name: 'Ghi số phiếu đếm lại' }).click();
      await panel.getByText(`Chọn thư mục ảnh quét của tập (3 phiếu)`, { exact: false }).waitFor();
      await panel.getByLabel('Hoặc chọn các tệp ảnh quét').setInputFiles(pages.map((_, i) => join(folder, `quet-${9 + i}.png`)));
      await panel.getByTestId('scan-selection').getByText(`${pages.length} tệp, tổng cộng`).waitFor();
      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const again = page.getByTestId('scan-job').filter({ hasText: WRONG });
      await expect.poll(() => again.getByTestId('scan-status').textContent(), { timeout: 90_000 }).toMatch(/^(Đã nhập|Chờ Ban Kiểm phiếu)$/u);
      await screenshot(page, 'scan-06-recounted-read');
      expect(await page.getByTestId('scan-job').filter({ hasText: LABEL }).getByTestId('scan-status').textContent()).toBe('Đã nhập');
    } finally {
      await context.close();
    }

    // The scanner's entry is in the batch, closed, with the three ballots.
    const batches = await board.call<Array<{ id: string; entriesOpened: number; entriesClosed: number }>>('GET', `${R}/batches`);
    const scanned = batches.find((b) => b.id === batch.id)!;
    expect(scanned.entriesClosed).toBe(1);
    expect(batches.map((b) => (b as { physicalCount?: number }).physicalCount)).toEqual([3, 3]);
    const jobs = await board.call<Array<{ batch: number; status: string; ballots: number; pending: number }>>('GET', `${R}/scan`);
    expect(jobs.find((j) => String(j.batch) === batch.id)).toMatchObject({ status: 'entered', ballots: 3, pending: 0 });
  }, 300_000);
});
