/**
 * GET /api/congresses/:code/live — a WebSocket per client. Authorised like every route (before the upgrade),
 * sent a snapshot on connect, then one small message per event of its congress from the bus.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LiveEvent } from '../../api/live.ts';
import type { ServerDeps } from '../deps.ts';
import { authorize, sendProblem } from '../route.ts';
import { liveSnapshot } from './snapshot.ts';

const KEY = 'GET /api/congresses/:code/live';

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

  const unsubscribe = deps.bus.subscribe((event) => {
    const set = clients.get(event.congressId);
    if (set === undefined || set.size === 0) return;
    seq += 1;
    const message: LiveEvent = { type: 'event', kind: event.kind, id: event.id, seq };
    const text = JSON.stringify(message);
    for (const socket of set) if (socket.readyState === 1) socket.send(text);
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    for (const set of clients.values()) for (const s of set) s.close(1001);
  });

  app.route({
    method: 'GET',
    url: '/api/congresses/:code/live',
    preValidation: async (req, reply) => {
      const auth = await authorize(deps, req, KEY);
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
        if (data.toString() === 'resync') void liveSnapshot(deps.db, congressId).then((s) => socket.send(JSON.stringify(s)));
      });
      void liveSnapshot(deps.db, congressId).then((s) => {
        if (socket.readyState === 1) socket.send(JSON.stringify(s));
      });
    },
  });
};
