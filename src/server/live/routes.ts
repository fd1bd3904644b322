/**
 * GET /api/congresses/:code/live — a WebSocket per client. Authorised like every route (before the upgrade),
 * sent a snapshot on connect, then one small message per event of its congress from the bus.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API } from '../../api/contract.ts';
import type { LiveEvent } from '../../api/live.ts';
import type { ServerDeps } from '../deps.ts';
import { ruleError } from '../../rules/index.ts';
import { sameOrigin } from '../csrf.ts';
import { errorBody } from '../problems.ts';
import { authorize, markServed, sendProblem } from '../route.ts';
import { liveSnapshot } from './snapshot.ts';


/** The part of a ws socket this module uses (ws ships no types here). */
interface LiveSocket {
  readonly readyState: number;
  send(text: string): void;
  close(code?: number): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'message', listener: (data: { toString(): string }) => void): void;
}

export const liveRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const clients = new Map<number, Set<LiveSocket>>();
  const congressOf = new WeakMap<FastifyRequest, number>();
  let seq = 0;
  // One snapshot query per congress at a time: a reconnect storm (a hall's Wi-Fi coming back) shares it.
  // Any event of the congress makes the next snapshot fresh.
  const snapshots = new Map<number, Promise<string>>();
  const snapshotText = (congressId: number): Promise<string> => {
    let p = snapshots.get(congressId);
    if (p === undefined) {
      p = liveSnapshot(deps.db, congressId).then((s) => JSON.stringify(s));
      snapshots.set(congressId, p);
      const forget = (): void => { if (snapshots.get(congressId) === p) snapshots.delete(congressId); };
      p.then(() => setTimeout(forget, 500).unref(), forget);
    }
    return p;
  };

  const unsubscribe = deps.bus.subscribe((event) => {
    snapshots.delete(event.congressId);
    const set = clients.get(event.congressId);
    if (set === undefined || set.size === 0) return;
    seq += 1;
    const message: LiveEvent = { type: 'event', kind: event.kind, id: event.id, seq };
    const text = JSON.stringify(message);
    for (const socket of set) if (socket.readyState === 1) socket.send(text);
  });
  app.addHook('onClose', (_instance, done) => {
    unsubscribe();
    for (const set of clients.values()) for (const s of set) s.close(1001);
    done();
  });

  markServed(app, API.live);
  app.route({
    method: 'GET',
    url: API.live.path,
    preValidation: async (req, reply) => {
      // Cross-site WebSocket hijacking: a browser sends its page's Origin with the upgrade.
      const origin = req.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, req.headers.host)) {
        return reply.code(403).send(errorBody(ruleError('csrf', 'Kết nối từ trang khác bị từ chối.', 'Cross-site connection refused.')));
      }
      const auth = await authorize(deps, req, API.live);
      if (!auth.ok) return sendProblem(reply, auth.error);
      congressOf.set(req, auth.value.congress!.id);
    },
    handler: async (_req, reply) => reply.code(426).send({ error: { code: 'live.upgrade', message_vi: 'Cần kết nối WebSocket.', message_en: 'A WebSocket connection is required.' } }),
    wsHandler: (raw, req) => {
      const socket = raw as unknown as LiveSocket;
      const congressId = congressOf.get(req);
      if (congressId === undefined) {
        socket.close(1008);
        return;
      }
      let set = clients.get(congressId);
      if (set === undefined) clients.set(congressId, (set = new Set()));
      set.add(socket);
      socket.on('close', () => set.delete(socket));
      socket.on('message', (data) => {
        // A client may ask for a fresh snapshot ("resync") after it missed something.
        if (data.toString() === 'resync') void snapshotText(congressId).then((text) => socket.send(text), () => socket.close(1011));
      });
      void snapshotText(congressId).then((text) => {
        if (socket.readyState === 1) socket.send(text);
      }, () => socket.close(1011));
    },
  });
};
