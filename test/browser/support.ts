/**
 * Shared by the browser tests: Debian's Chromium through playwright-core (a loud skip when it is missing, a
 * failure under REQUIRE_ALL=1), a fake camera that shows a QR code, the built web app, screenshots saved
 * under test-artifacts/ (git-ignored), and the counting console's terminal name and entry line.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = join(repo, 'test-artifacts');

/** Whether the browser suite can run; prints the loud skip, or throws under REQUIRE_ALL=1. */
export const chromiumAvailable = (): boolean => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['REQUIRE_ALL'] === '1') throw new Error(`REQUIRE_ALL=1 but Chromium is not installed at ${CHROMIUM}`);
  console.warn('\n==========================================================\n SKIPPED: browser suite — Chromium not installed\n==========================================================\n');
  return false;
};

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Chromium; with `cameraFile`, a fake camera playing that .y4m and camera permission granted. */
export const launch = async (cameraFile?: string): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: cameraFile === undefined ? FLAGS
      : [...FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraFile}`],
  });

export const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });

/**
 * A .y4m video (YUV 4:2:0) of a QR code on a white frame: what Chromium's fake camera plays in a loop, so the
 * page reads the code exactly as from a webcam.
 */
export const writeQrY4m = async (text: string, file: string, width = 640, height = 480): Promise<void> => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) * 0.8 / (n + 2 * quiet));
  const side = (n + 2 * quiet) * scale;
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c) !== 1) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = y0 + (quiet + r) * scale + dy;
        y.fill(16, row * width + x0 + (quiet + c) * scale, row * width + x0 + (quiet + c + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, frame, frame, frame, frame, frame]));
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  await mkdir(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
};

/** Names this terminal for the room on the counting console ("Máy 3") and waits until the server has it. */
export const nameTerminal = async (page: Page, name: string): Promise<void> => {
  await page.getByLabel('Tên máy cho cả phòng thấy').fill(name);
  await page.getByRole('button', { name: 'Đặt tên máy' }).click();
  await page.getByTestId('terminal-label').getByText(`Máy này: ${name}`).waitFor();
};

/**
 * Types ballots on the counting console's entry line, Enter after each, waiting each time for the running count
 * ("3 / 10 phiếu") the server answers; `entered`: the ballots of this entry already typed (a continued entry).
 */
export const typeBallots = async (page: Page, lines: readonly string[], physical: number, entered = 0): Promise<void> => {
  const line = page.getByLabel(/Gõ số thứ tự các tên bị gạch/u);
  for (const [i, text] of lines.entries()) {
    await line.fill(text);
    await line.press('Enter');
    await expect.poll(() => page.getByTestId('running-count').textContent()).toBe(`${entered + i + 1} / ${physical} phiếu`);
  }
};

/** What the "Tạo đại hội mới" form asks, as a person types it. */
export interface NewCongress {
  readonly code: string;
  readonly parent: string;
  readonly host: string;
  readonly kind: 'delegates' | 'members';
  readonly ordinal: string;
  readonly termFrom: string;
  readonly termTo: string;
  readonly opens: string;
  readonly closes: string;
  readonly venue: string;
  readonly place: string;
}

/** Fills the new-congress form (`form[aria-labelledby="new-congress"]`) and creates the congress. */
export const createCongress = async (form: Locator, c: NewCongress): Promise<void> => {
  await form.getByLabel('Mã đại hội (dùng trong đường dẫn, trên thẻ)').fill(c.code);
  await form.getByLabel('Cấp ủy cấp trên').fill(c.parent);
  await form.getByLabel('Tổ chức đảng tiến hành đại hội').fill(c.host);
  await form.getByLabel('Hình thức đại hội').selectOption(c.kind);
  await form.getByLabel('Lần thứ (số La Mã)').fill(c.ordinal);
  await form.getByLabel('Nhiệm kỳ từ năm').fill(c.termFrom);
  await form.getByLabel('Nhiệm kỳ đến năm').fill(c.termTo);
  await form.getByLabel('Ngày khai mạc').fill(c.opens);
  await form.getByLabel('Ngày bế mạc').fill(c.closes);
  await form.getByLabel('Nơi họp').fill(c.venue);
  await form.getByLabel('Địa danh ghi trên văn bản').fill(c.place);
  await form.getByRole('button', { name: 'Tạo đại hội' }).click();
};
