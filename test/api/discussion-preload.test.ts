/**
 * The phone's reading page with its first data in the HTML (src/server/routes/discussion/read-preload.ts), on both
 * databases: a delegate opening `/read?doc=ID` of a delegates-level draft finds who they are and the first page in a
 * data block, with the read screen's chunk preloaded and the page not cached; a "Mật" document, a staff-only one or
 * no session embeds no page; a paragraph holding `</script>` stays inside the block. The congress is set up by a
 * real server; the page is asked of a second server in this process on the same database, with a web root of its
 * own (the test needs no `vite build`). The page a delegate may read also holds its first screen as escaped HTML in
 * the root, with the stylesheet moved after the root; every other page has an empty root and the stylesheet in the head.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiscussionDocumentView, UnitsPage } from '../../src/api/discussion.ts';
import { Preload, PRELOAD_ELEMENT_ID, READ_PAGE_SIZE } from '../../src/api/preload.ts';
import { buildServer } from '../../src/server/build.ts';
import { firstScreenHtml } from '../../src/server/read-first-screen.ts';
import { describeEachDatabase } from '../support/databases.ts';
import type { Client } from './support/client.ts';
import { setupSmallCongress, type SmallCongress } from './support/congress.ts';
import { startServer, type RunningServer } from './support/server.ts';

const INDEX = '<!doctype html><html><head><title>Đại Hội</title><script type="module" crossorigin src="/assets/index-1.js"></script><link rel="stylesheet" crossorigin href="/assets/index-1.css"></head><body><div id="root"></div></body></html>';
const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared-1.js'], dynamicImports: ['discussion/ReadPage.tsx'] },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  '_read-only-1.js': { file: 'assets/read-only-1.js', imports: ['_shared-1.js'] },
  'discussion/ReadPage.tsx': { file: 'assets/ReadPage-1.js', isDynamicEntry: true, imports: ['index.html', '_read-only-1.js', '_shared-1.js'] },
};
const STYLESHEET = '<link rel="stylesheet" crossorigin href="/assets/index-1.css">';
const EMPTY_ROOT = '<div id="root"></div>';

/** What the server wrote inside the root (up to the stylesheet link after it), or null when the root is empty. */
const rootOf = (html: string): string | null => {
  if (html.includes(EMPTY_ROOT)) return null;
  const open = '<div id="root">';
  const at = html.indexOf(open);
  const end = html.indexOf(`</div>${STYLESHEET}`, at);
  return at < 0 || end < 0 ? null : html.slice(at + open.length, end);
};

const BREAKOUT = 'Đoạn có </script><script>alert(1)</script> và <!-- chú thích & dấu';

/** The data block of a page, or null; throws when the HTML around it is broken. */
const blockOf = (html: string): unknown => {
  const open = `<script type="application/json" id="${PRELOAD_ELEMENT_ID}">`;
  const at = html.indexOf(open);
  if (at < 0) return null;
  const end = html.indexOf('</script>', at + open.length);
  return JSON.parse(html.slice(at + open.length, end)) as unknown;
};

describeEachDatabase('api: the reading page with its first data', (db) => {
  let server: RunningServer;
  let app: FastifyInstance;
  let c: SmallCongress;
  let docs: Record<'delegates' | 'secret' | 'staff' | 'breakout', DiscussionDocumentView>;

  beforeAll(async () => {
    server = await startServer(db.database.env);
    c = await setupSmallCongress(server, 'doc-truoc', 3);
    const D = `/api/congresses/${c.code}/discussion/documents`;
    const create = async (access: string, text: string): Promise<DiscussionDocumentView> => {
      const r = await c.clients.admin.post<DiscussionDocumentView>(D, { kind: 'political-report', title: `Dự thảo ${access}`, access, text });
      expect(r.status).toBe(201);
      return r.body;
    };
    const long = Array.from({ length: 45 }, (_, i) => `Đoạn thứ ${i + 1} của dự thảo.`).join('\n');
    docs = {
      delegates: await create('delegates', long), secret: await create('secret', 'Nội dung mật của văn kiện.'),
      staff: await create('staff', 'Nội dung chỉ cho cán bộ.'), breakout: await create('delegates', BREAKOUT),
    };
    const web = mkdtempSync(join(tmpdir(), 'daihoi-web-'));
    writeFileSync(join(web, 'index.html'), INDEX);
    mkdirSync(join(web, '.vite'));
    writeFileSync(join(web, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    app = await buildServer({ db: db.database.db, dialect: db.dialect, webRoot: web });
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  const page = (client: Client | null, id: number) =>
    app.inject({ method: 'GET', url: `/read?doc=${id}`, headers: client?.cookie == null ? {} : { cookie: client.cookie } });

  it('embeds the delegate and the first page of a delegates-level draft, preloads the read chunk, and is not cached', async () => {
    const r = await page(c.clients.delegate, docs.delegates.id);
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const data = Preload.parse(blockOf(r.body));
    expect(data.me).toEqual((await c.clients.delegate.get('/api/auth/me')).body);
    const api = await c.clients.delegate.get<UnitsPage>(`/api/congresses/${c.code}/discussion/documents/${docs.delegates.id}/units?offset=0&limit=${READ_PAGE_SIZE}`);
    expect(data.read).toEqual({ congress: c.code, title: 'Dự thảo delegates', page: api.body });
    expect(data.read?.page.units.map((u) => u.text)).toEqual(Array.from({ length: READ_PAGE_SIZE }, (_, i) => `Đoạn thứ ${i + 1} của dự thảo.`));
    expect(data.read?.page.total).toBe(45);
    // The chunk and what only it imports, not what the entry already loads.
    const preloads = [...r.body.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/gu)].map((m) => m[1]);
    expect(preloads.sort()).toEqual(['/assets/ReadPage-1.js', '/assets/read-only-1.js']);
    // The first screen, from the same data, in the root; the stylesheet after it, no longer in the head.
    const root = rootOf(r.body);
    expect(root).toBe(firstScreenHtml(data.read!));
    expect(root).toContain('<li class="unit paragraph level-1" data-unit="1"><p><span class="badge">Đoạn 1</span> Đoạn thứ 1 của dự thảo.</p></li>');
    expect(root).toContain('<p class="document-title"><strong>Dự thảo delegates</strong></p>');
    expect(root).toContain('<p class="muted" role="status">Trang 1/3</p>');
    expect(root).not.toContain('Đoạn thứ 21 ');
    expect(r.body.split('</head>')[0]).not.toContain('stylesheet');
    expect(r.body.match(/rel="stylesheet"/gu)?.length).toBe(1);
  });

  it('embeds no page of a "Mật" document, nor of a staff-only one, to a delegate', async () => {
    for (const d of [docs.secret, docs.staff]) {
      const r = await page(c.clients.delegate, d.id);
      const data = Preload.parse(blockOf(r.body));
      expect(data.me.kind).toBe('delegate');
      expect(data.read).toBeNull();
      expect(r.body).not.toContain('Nội dung');
      expect(r.body).not.toContain('modulepreload" crossorigin href="/assets/ReadPage');
      expect(r.body).toContain(EMPTY_ROOT);
      expect(r.body.split('</head>')[0]).toContain(STYLESHEET);
    }
  });

  it('embeds nothing without a session, nor for a document that does not exist', async () => {
    const anonymous = await page(null, docs.delegates.id);
    expect(anonymous.statusCode).toBe(200);
    expect(blockOf(anonymous.body)).toBeNull();
    expect(anonymous.body).not.toContain('Đoạn thứ');
    expect(anonymous.body).toContain(EMPTY_ROOT);
    const missing = await page(c.clients.delegate, 999_999);
    expect(Preload.parse(blockOf(missing.body)).read).toBeNull();
    expect(missing.body).toContain(EMPTY_ROOT);
    expect(missing.body.split('</head>')[0]).toContain(STYLESHEET);
  });

  it('gives the secretariat the staff-only document it may read', async () => {
    const data = Preload.parse(blockOf((await page(c.clients.secretariat, docs.staff.id)).body));
    expect(data.read?.page.units.map((u) => u.text)).toEqual(['Nội dung chỉ cho cán bộ.']);
  });

  it('keeps a paragraph holding </script> inside the data block, and escaped in the first screen', async () => {
    const r = await page(c.clients.delegate, docs.breakout.id);
    expect(rootOf(r.body)).toContain('Đoạn có &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; và &lt;!-- chú thích &amp; dấu');
    expect(r.body.match(/<\/script>/gu)?.length).toBe(2); // the entry's and the block's own end, nothing more
    expect(r.body).not.toContain('<!--');
    expect(Preload.parse(blockOf(r.body)).read?.page.units[0]?.text).toBe(BREAKOUT);
  });
});
