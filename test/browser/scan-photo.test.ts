/**
 * Ballots photographed instead of scanned, in Chromium against the real server: the counting board opens the scan
 * panel's camera ("Chụp ảnh") on Chromium's fake camera playing a phone photo of a generated ballot (a .y4m made
 * from src/scan/testing/photo.ts), waits for the outline to say the four corners are seen, takes two shots and
 * uploads them as the batch: both are read. Then a folder of three photos, one blurred, picked with "Hoặc chọn các
 * ảnh đã chụp (JPEG)": two are read, the blurred one waits for the board with the reason "Ảnh bị mờ". Then a camera
 * out of focus: the shot is read by the server at once and refused with that reason, not queued, until the board
 * chooses to keep it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareGenerator } from '../../src/scan/testing/generate.ts';
import { generatePhoto, type PhotoVariation } from '../../src/scan/testing/photo.ts';
import { apiAs, startServer, type RunningServer } from './server.ts';
import { committeeAtCounting, printedBallot, signIn, writePhotoY4m } from './scan-scene.ts';
import { chromiumAvailable, launch, screenshot } from './support.ts';

type Api = Awaited<ReturnType<typeof apiAs>>;

const run = chromiumAvailable();

describe.skipIf(!run)('photographed ballots in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser | undefined;
  let api: Api;
  let folder: string;

  beforeAll(async () => {
    server = await startServer();
    api = await apiAs(server.base, server.admin.username, server.admin.password);
    folder = await mkdtemp(join(tmpdir(), 'daihoi-scan-photos-'));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('the board takes two photos with the camera and uploads a folder of photos: read, the blurred one for the board; a blurred shot refused at once', async () => {
    const { code, R, election, head, board } = await committeeAtCounting(server, api);
    const LABEL = 'Hòm phiếu chụp bằng máy ảnh';
    const batch = await board.call<{ id: string }>('POST', `${R}/batches`, { label: LABEL, physicalCount: 2 });
    // Opened before the console loads: the console's batch list does not follow batches opened elsewhere live.
    const FOLDER = 'Hòm phiếu ảnh trong thư mục';
    const second = await board.call<{ id: string }>('POST', `${R}/batches`, { label: FOLDER, physicalCount: 3 });
    const BLURRED = 'Hòm phiếu chụp mờ';
    await board.call('POST', `${R}/batches`, { label: BLURRED, physicalCount: 1 });


    const input = await printedBallot(server, code, { id: election.id });
    const g = await prepareGenerator(input);
    if (!g.ok) throw new Error(g.error.message_en);
    const shot = (seed: number, variation: Partial<PhotoVariation>) => generatePhoto(g.value, {
      seed, stamped: true, writingOutside: false, seal: { place: 'over-header', strength: 'strong', ink: 'dark' },
      plan: (i) => ((i + seed) % 4 === 0 ? { kind: 'strike', shape: 'straight', pen: 'felt-pen' } : { kind: 'none' }), variation,
    });
    const camera = await shot(800, { camera: '3MP', tilt: 8, roll: 3, blur: 0, shadow: 0, gradient: 0.15 });
    const y4m = join(folder, 'camera.y4m');
    await writePhotoY4m(camera.jpeg, y4m);
    const photos = await Promise.all([0, 1, 2].map((j) => shot(810 + j, j === 1 ? { camera: '3MP', tilt: 5, blur: 5 } : { camera: '8MP', tilt: 10 + 5 * j, blur: 0, shadow: 0 })));
    for (const [i, p] of photos.entries()) await writeFile(join(folder, `anh-${i + 1}.jpg`), p.jpeg);
    const blurredCamera = join(folder, 'camera-blurred.y4m');
    await writePhotoY4m((await shot(830, { camera: '3MP', tilt: 5, roll: 2, blur: 5, shadow: 0 })).jpeg, blurredCamera);

    /** The counting console in a browser whose camera plays `cameraFile`, the batch `label`'s camera open and the ballot seen. */
    const cameraOn = async (cameraFile: string, label: string) => {
      browser = await launch(cameraFile);
      const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, server.base, '/counting', head);
      await page.getByRole('button', { name: new RegExp(label, 'u') }).click();
      const panel = page.locator('section.scan-panel');
      await panel.getByRole('heading', { name: `Quét tập phiếu — ${label}` }).waitFor();
      await panel.getByRole('button', { name: 'Chụp ảnh' }).click();
      await expect.poll(() => panel.getByTestId('camera-status').textContent(), { timeout: 60_000 }).toBe('Đã thấy đủ bốn góc phiếu: chụp được.');
      return { context, page, panel };
    };

    const { context, page, panel } = await cameraOn(y4m, LABEL);
    try {
      await screenshot(page, 'scan-photo-01-camera-seen');
      for (const n of [1, 2]) {
        await panel.getByRole('button', { name: 'Chụp tờ này' }).click();
        await panel.getByTestId('shots-queued').getByText(`Đã chụp ${n} ảnh`, { exact: false }).waitFor({ timeout: 30_000 });
      }
      await panel.getByRole('button', { name: 'Tắt máy ảnh' }).click();
      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const job = page.getByTestId('scan-job').filter({ hasText: LABEL });
      await expect.poll(() => job.getByTestId('scan-status').textContent(), { timeout: 120_000 }).toMatch(/^(Đã nhập|Chờ Ban Kiểm phiếu)$/u);
      await screenshot(page, 'scan-photo-02-camera-read');

      await page.getByRole('button', { name: new RegExp(FOLDER, 'u') }).click();
      await panel.getByRole('heading', { name: `Quét tập phiếu — ${FOLDER}` }).waitFor();
      await panel.getByLabel('Hoặc chọn các ảnh đã chụp (JPEG)').setInputFiles(photos.map((_, i) => join(folder, `anh-${i + 1}.jpg`)));
      await panel.getByTestId('scan-selection').getByText('3 tệp, tổng cộng', { exact: false }).waitFor();
      await panel.getByRole('button', { name: 'Tải lên và đọc phiếu' }).click();
      const photosJob = page.getByTestId('scan-job').filter({ hasText: FOLDER });
      await expect.poll(() => photosJob.getByTestId('scan-status').textContent(), { timeout: 120_000 }).toBe('Chờ Ban Kiểm phiếu');
      await screenshot(page, 'scan-photo-03-folder-read');
    } finally {
      await context.close();
      await browser?.close();
    }

    // A camera out of focus: each shot is read by the server at once, refused with the reason and not queued; the
    // board may still keep it for the board to look at.
    const blurred = await cameraOn(blurredCamera, BLURRED);
    try {
      await blurred.panel.getByRole('button', { name: 'Chụp tờ này' }).click();
      await expect.poll(() => blurred.panel.getByTestId('shot-refused').textContent(), { timeout: 60_000 }).toMatch(/^Ảnh vừa chụp không dùng được: Ảnh bị mờ/u);
      expect(await blurred.panel.getByTestId('shots-queued').count()).toBe(0);
      await screenshot(blurred.page, 'scan-photo-04-shot-refused');
      await blurred.panel.getByRole('button', { name: 'Vẫn giữ ảnh này (Ban Kiểm phiếu sẽ xem)' }).click();
      await blurred.panel.getByTestId('shots-queued').getByText('Đã chụp 1 ảnh', { exact: false }).waitFor();
      expect(await blurred.panel.getByTestId('shot-refused').count()).toBe(0);
    } finally {
      await blurred.context.close();
    }

    const jobs = await board.call<Array<{ id: number; batch: number; status: string; ballots: number; decided: number; review: number }>>('GET', `${R}/scan`);
    const fromCamera = jobs.find((j) => String(j.batch) === batch.id)!;
    expect(fromCamera).toMatchObject({ ballots: 2 });
    // The camera's two shots are the same clear photo of one ballot: both read alike.
    expect([fromCamera.decided, fromCamera.review]).toContain(2);
    const fromFolder = jobs.find((j) => String(j.batch) === second.id)!;
    expect(fromFolder).toMatchObject({ status: 'review', ballots: 3, decided: 2, review: 1 });
    const detail = await board.call<{ sheets: Array<{ position: number; reasons: Array<{ code: string }> }> }>('GET', `${R}/scan/${fromFolder.id}`);
    expect(detail.sheets.map((s) => [s.position, s.reasons.map((r) => r.code)])).toEqual([[2, ['scan.photo-blur']]]);
  }, 400_000);
});
