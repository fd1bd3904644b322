/**
 * The built web app (dist/web) with an SPA fallback; API paths that match nothing answer a JSON 404. A page whose
 * first data the server knows (`pageData`) is answered with that data in it (spa-page.ts) and never cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ruleError } from '../rules/index.ts';
import { errorBody } from './problems.ts';
import { chunkFiles, pageWithData, ViteManifest } from './spa-page.ts';

/** What to embed in the page a request asks for: the data, and the screen's module (a path under src/web). */
export interface PageData {
  readonly data: unknown;
  /** Its chunk is preloaded; null: none. */
  readonly screen: string | null;
  /** The screen's first view as HTML, put inside the root (spa-page.ts); null: none. */
  readonly rootHtml?: string | null;
}
export type PageDataOf = (req: FastifyRequest) => Promise<PageData | null>;

const readManifest = (webRoot: string): ViteManifest => {
  const path = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(path)) return {};
  try {
    const parsed = ViteManifest.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {}; // no preload links: the screen's chunk then loads after the entry, as without a manifest
  }
};

export const installStatic = async (app: FastifyInstance, webRoot: string | null, pageData?: PageDataOf): Promise<boolean> => {
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  let index = '';
  let manifest: ViteManifest = {};
  if (hasWeb) {
    index = readFileSync(join(webRoot, 'index.html'), 'utf8');
    manifest = readManifest(webRoot);
    const assets = join(webRoot, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webRoot, prefix: '/', wildcard: false, index: ['index.html'],
      // The build writes scripts and styles compressed beside them (vite.config.ts): sent as the browser accepts.
      preCompressed: true,
      // The build names every file under assets/ by its content hash: a phone keeps it without asking again (on
      // throttled 3G each question is a round trip of half a second); index.html is asked for every time.
      setHeaders: (reply, path) => {
        if (path.startsWith(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (!hasWeb || req.method !== 'GET' || path.startsWith('/api/') || path === '/api') {
      return reply.code(404).send(errorBody(ruleError('not-found', 'Không có đường dẫn này.', 'No such path.')));
    }
    const found = pageData === undefined ? null : await pageData(req);
    if (found === null) return reply.sendFile('index.html');
    // The page holds the signed-in person's data: no cache (the browser's or any on the way) may keep it.
    const html = pageWithData(index, found.data, found.screen === null ? [] : chunkFiles(manifest, found.screen), found.rootHtml ?? null);
    reply.header('cache-control', 'no-store').header('vary', 'accept-encoding').type('text/html; charset=utf-8');
    // Compressed as the static files are (a first page of paragraphs is tens of kB: on 3G each one costs ~5 ms).
    const accepts = req.headers['accept-encoding'] ?? '';
    if (/\bbr\b/u.test(accepts)) {
      return reply.header('content-encoding', 'br').send(brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }));
    }
    if (/\bgzip\b/u.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
    return reply.send(html);
  });
  return hasWeb;
};
