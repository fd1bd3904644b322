/**
 * The event bus across instances: PostgreSQL LISTEN/NOTIFY on one channel, one listening connection per
 * instance. Every instance (the publisher included) receives every event through the database, so all clients
 * of all instances see the same stream. Payloads are a few bytes (well under the 8,000-byte limit).
 */
import pg from 'pg';
import { decodeEvent, encodeEvent, type BusListener, type EventBus } from './bus.ts';

export const CHANNEL = 'daihoi_live';

export const postgresBus = async (connectionString: string): Promise<EventBus> => {
  const listeners = new Set<BusListener>();
  const listen = new pg.Client({ connectionString });
  const notify = new pg.Pool({ connectionString, max: 2 });
  notify.on('error', () => undefined);
  listen.on('error', () => undefined);
  await listen.connect();
  listen.on('notification', (msg) => {
    if (msg.channel !== CHANNEL || msg.payload === undefined) return;
    const event = decodeEvent(msg.payload);
    if (event !== null) for (const l of listeners) l(event);
  });
  await listen.query(`LISTEN ${CHANNEL}`);
  return {
    publish: async (event) => {
      await notify.query('SELECT pg_notify($1, $2)', [CHANNEL, encodeEvent(event)]);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      listeners.clear();
      await listen.end().catch(() => undefined);
      await notify.end().catch(() => undefined);
    },
  };
};
