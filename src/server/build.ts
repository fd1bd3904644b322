/**
 * The HTTP server of Đại Hội: `buildServer(deps)` returns a Fastify instance (testable with inject()).
 * Security headers (helmet), cookies, CSRF guard, the global error handler, one plugin per area of routes,
 * live updates over WebSocket, and the built web app when it exists.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyWebsocket from '@fastify/websocket';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { installCsrfGuard } from './csrf.ts';
import type { ServerDeps } from './deps.ts';
import { installErrorHandler } from './errors.ts';
import { installJsonParser } from './json-body.ts';
import type { EventBus } from './live/bus.ts';
import { memoryBus } from './live/memory-bus.ts';
import { liveRoutes } from './live/routes.ts';
import { attendanceRoutes } from './routes/attendance.ts';
import { authRoutes } from './routes/auth.ts';
import { bodyRoutes } from './routes/bodies.ts';
import { congressRoutes } from './routes/congresses.ts';
import { countingRoutes } from './routes/counting/index.ts';
import { delegateFileRoutes } from './routes/delegate-files.ts';
import { delegateRoutes } from './routes/delegates.ts';
import { discussionRoutes } from './routes/discussion/index.ts';
import { readPreload } from './routes/discussion/read-preload.ts';
import { documentRoutes } from './routes/documents.ts';
import { electionRoutes } from './routes/elections.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { organisationFileRoutes } from './routes/organisation-files.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { printoutRoutes } from './routes/printouts.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { roundStepRoutes } from './routes/round-steps.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { speakerRoutes } from './routes/speakers.ts';
import { targetRoutes } from './routes/targets.ts';
import { hallRoutes } from './routes/hall.ts';
import { userRoutes } from './routes/users.ts';
import { scanRoutes } from './scan/routes.ts';
import { startScanReader, type ScanReaderOptions } from './scan/reader.ts';
import { installStatic } from './static.ts';
import { DOCUMENT_MAX_BYTES } from '../api/documents.ts';
import { API } from '../api/contract.ts';
import { JSON_BODY_LIMIT, routeKey } from '../api/endpoint.ts';
import { servedKeys } from './route.ts';
import { sweepTempFolders } from '../runtime/temp-folder.ts';

export interface BuildOptions {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly version?: string;
  readonly bus?: EventBus;
  /** Folder of the built web app (index.html); null or missing: API only. */
  readonly webRoot?: string | null;
  readonly secureCookies?: boolean;
  readonly sessionHours?: number;
  readonly now?: () => Date;
  readonly logger?: boolean;
  /** Told of every route registered (the permission test checks that none escapes the table). */
  readonly onRoute?: (method: string, url: string) => void;
  /** The background reader of scanned stacks (lease, polling). */
  readonly scanReader?: ScanReaderOptions;
  /** Check every JSON reply against its endpoint's response schema (default: DAIHOI_CHECK_REPLIES=1, as in tests). */
  readonly checkReplies?: boolean;
  /** Serve HTTPS with this certificate (PEM); cookies are then always Secure. */
  readonly https?: { readonly cert: string; readonly key: string };
}

/** The server answers exactly the endpoints of the contract: none missing, none extra. */
const assertServesContract = (app: FastifyInstance): void => {
  const served = servedKeys(app);
  const wanted = new Set(Object.values(API).map(routeKey));
  const missing = [...wanted].filter((k) => !served.has(k));
  const extra = [...served].filter((k) => !wanted.has(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`The server does not serve the contract (src/api/contract.ts): missing ${missing.join(', ') || '—'}; extra ${extra.join(', ') || '—'}`);
  }
};

export const buildServer = async (options: BuildOptions): Promise<FastifyInstance> => {
  const deps: ServerDeps = {
    db: options.db,
    dialect: options.dialect,
    bus: options.bus ?? memoryBus(),
    version: options.version ?? '0.0.0',
    now: options.now ?? (() => new Date()),
    secureCookies: options.https !== undefined || (options.secureCookies ?? false),
    sessionHours: options.sessionHours ?? 12,
    checkReplies: options.checkReplies ?? process.env['DAIHOI_CHECK_REPLIES'] === '1',
  };
  const base = { logger: options.logger ?? false, bodyLimit: JSON_BODY_LIMIT, trustProxy: false };
  // An HTTPS instance is the same Fastify with another server underneath: the routes never see the difference.
  const app = options.https === undefined ? Fastify(base)
    : Fastify({ ...base, https: { cert: options.https.cert, key: options.https.key } }) as unknown as FastifyInstance;
  installErrorHandler(app);
  installJsonParser(app);
  const onRoute = options.onRoute;
  if (onRoute !== undefined) {
    app.addHook('onRoute', (r) => {
      for (const m of Array.isArray(r.method) ? r.method : [r.method]) if (m !== 'HEAD') onRoute(m, r.url);
    });
  }
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], mediaSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1 } });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  installCsrfGuard(app);
  for (const plugin of [
    healthRoutes, authRoutes, userRoutes, congressRoutes, organisationRoutes, organisationFileRoutes, delegateRoutes, delegateFileRoutes, sessionRoutes, attendanceRoutes, meRoutes,
    bodyRoutes, electionRoutes, candidateRoutes, roundStepRoutes, countingRoutes, speakerRoutes, documentRoutes, targetRoutes, hallRoutes, liveRoutes, printoutRoutes,
    discussionRoutes,
  ]) {
    plugin(app, deps);
  }
  const reader = startScanReader(deps, { onError: (job, e) => app.log.error({ err: e, job }, 'scan reading failed'), ...options.scanReader });
  // What a process killed mid-way (kill -9, a power cut) left on disk — an upload's spool, a stack's files — is removed.
  void sweepTempFolders().then((left) => { if (left.length > 0) app.log.info({ left }, 'temporary folders of stopped processes removed'); }, () => undefined);
  scanRoutes(app, deps, reader);
  assertServesContract(app);
  await installStatic(app, options.webRoot ?? null, readPreload(deps));
  app.addHook('onClose', async () => {
    await reader.close();
    await deps.bus.close();
  });
  return app;
};
