/** The built web app (dist/web) with an SPA fallback; API paths that match nothing answer a JSON 404. */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ruleError } from '../rules/index.ts';
import { errorBody } from './problems.ts';

export const installStatic = async (app: FastifyInstance, webRoot: string | null): Promise<boolean> => {
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    const assets = join(webRoot, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webRoot, prefix: '/', wildcard: false, index: ['index.html'],
      // The build names every file under assets/ by its content hash: a phone keeps it without asking again (on
      // throttled 3G each question is a round trip of half a second); index.html is asked for every time.
      setHeaders: (reply, path) => {
        if (path.startsWith(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && path !== '/api') return reply.sendFile('index.html');
    return reply.code(404).send(errorBody(ruleError('not-found', 'Không có đường dẫn này.', 'No such path.')));
  });
  return hasWeb;
};
