/**
 * CSRF defence, on top of SameSite=Strict cookies and JSON-only bodies: a state-changing request from a browser
 * must come from this origin (Origin header, or Sec-Fetch-Site). Non-browser clients send neither and pass.
 */
import type { FastifyInstance } from 'fastify';
import { ruleError } from '../rules/index.ts';
import { errorBody } from './problems.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOrigin = (origin: string, host: string | undefined): boolean => {
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
};

export const installCsrfGuard = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (req, reply) => {
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const crossSite = site === 'cross-site' || site === 'same-site';
    if ((origin !== undefined && origin !== 'null' && !sameOrigin(origin, req.headers.host)) || origin === 'null' || crossSite) {
      return reply.code(403).send(errorBody(ruleError('csrf', 'Yêu cầu từ trang khác bị từ chối.', 'Cross-site request refused.')));
    }
  });
};
