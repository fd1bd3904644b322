/**
 * The phone's first screen of a 300-page draft on a throttled 3G connection, in Chromium: the real server
 * (`daihoi serve --demo` from dist: `npm run build` first), a 6,000-paragraph document written in the app, a
 * delegate signed in with their card, and the network of Chrome DevTools' "Fast 3G" preset set through CDP
 * (Network.emulateNetworkConditions: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up). The figure is the page's
 * own clock (performance.now, from the navigation's start) when the first paragraph is on the screen, as Playwright
 * sees it visible and as the animation frame that paints it: cold (nothing cached) and warm (the app's files in the browser cache, as on a delegate's second visit). DIAG=1 prints each
 * request of the cold load (start, duration, path) on stderr.
 */
import type { BenchResult } from '../run.ts';
import { DEMO_CODE } from '../../src/demo/index.ts';
import { apiAs, startServer } from '../../test/browser/server.ts';
import { chromiumAvailable, launch } from '../../test/browser/support.ts';

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

export const phoneBench = async (): Promise<BenchResult[]> => {
  if (!chromiumAvailable()) return [];
  const server = await startServer();
  const browser = await launch();
  try {
    const api = await apiAs(server.base, server.admin.username, server.admin.password);
    const C = `/api/congresses/${DEMO_CODE}`;
    const lines: string[] = [];
    for (let s = 1; s <= 60; s++) {
      lines.push(`${s}. Về nhiệm vụ thứ ${s}`);
      for (let p = 1; p <= 100; p++) {
        lines.push(`Nội dung đoạn ${p} của phần ${s}: tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng, chất lượng đội ngũ cán bộ, đảng viên.`);
      }
    }
    const doc = await api.call<{ id: number }>('POST', `${C}/discussion/documents`, { kind: 'political-report', title: 'Dự thảo 300 trang', access: 'delegates', text: lines.join('\n') });
    const delegate = (await api.call<{ id: number }[]>('GET', `${C}/delegates`))[0]!;
    const card = await api.call<{ token: string }>('GET', `${C}/delegates/${delegate.id}/card`);
    const signIn = await fetch(`${server.base}/api/auth/card`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ congress: DEMO_CODE, token: card.token }) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true });
    await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: server.base }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    // The frame that first paints a paragraph: an animation-frame callback runs just before each paint, so the first
    // one that finds a paragraph in the page times the paint that shows it (Playwright's visibility check, the other
    // figure, comes after that paint by its own polling and round trip).
    await context.addInitScript(`
      const tick = () => {
        if (document.querySelector('li.unit.paragraph') !== null) window.firstUnitFrame = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);`);
    const firstScreen = async (): Promise<{ seen: number; painted: number }> => {
      await page.goto(`${server.base}/read?doc=${doc.id}`, { waitUntil: 'commit' });
      await page.locator('li.unit.paragraph').first().waitFor({ state: 'visible', timeout: 60_000 });
      return page.evaluate(() => ({ seen: performance.now(), painted: (globalThis as unknown as { firstUnitFrame?: number }).firstUnitFrame ?? Number.NaN }));
    };
    await cdp.send('Network.clearBrowserCache');
    if (process.env['DIAG'] !== undefined) {
      page.on('requestfinished', (r) => { const t = r.timing(); process.stderr.write(`${Math.round(t.startTime % 100000)} +${Math.round(t.responseEnd)} ${r.url().replace(server.base, '')}\n`); });
    }
    const cold = await firstScreen();
    // Warm is a second visit with the app's files in the cache: the first visit's downloads (scripts, style sheet,
    // fonts) finish first — started at once, the second visit's HTML queued behind them for a free connection.
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const warm = await firstScreen();
    const units = await page.locator('li.unit').count();
    return [
      { bench: `discussion: phone's first screen of a 6,000-paragraph (≈300-page) draft, Fast 3G, cold (${units} units on it)`, value: Math.round(cold.seen), unit: 'ms' },
      { bench: 'discussion: the same, warm (the app cached)', value: Math.round(warm.seen), unit: 'ms' },
      { bench: 'discussion: the same, cold: the frame that paints the first paragraph', value: Math.round(cold.painted), unit: 'ms' },
      { bench: 'discussion: the same, warm: the frame that paints the first paragraph', value: Math.round(warm.painted), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
};
