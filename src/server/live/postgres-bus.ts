/**
 * The event bus across instances: PostgreSQL LISTEN/NOTIFY on one channel, one listening connection per
 * instance. Every instance (the publisher included) receives every event through the database, so all clients
 * of all instances see the same stream. Payloads are a few bytes (well under the 8,000-byte limit). When the
 * listening connection drops (a database restart), it reconnects; clients resync from a snapshot on reconnect.
 */
import pg from 'pg';
import { decodeEvent, encodeEvent, type BusListener, type EventBus } from './bus.ts';

export const CHANNEL = 'daihoi_live';
const RETRY_MS = 1000;

export const postgresBus = async (connectionString: string): Promise<EventBus> => {
  const listeners = new Set<BusListener>();
  const notify = new pg.Pool({ connectionString, max: 2 });
  notify.on('error', () => undefined);
  let closed = false;
  let listen: pg.Client | null = null;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || msg.payload === undefined) return;
      const event = decodeEvent(msg.payload);
      if (event !== null) for (const l of listeners) l(event);
    });
    const retry = (): void => {
      if (closed || listen !== client) return;
      listen = null;
      setTimeout(() => { void connect().catch(retryLater); }, RETRY_MS).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listen = client;
  };
  const retryLater = (): void => {
    if (!closed) setTimeout(() => { void connect().catch(retryLater); }, RETRY_MS).unref();
  };
  await connect();

  return {
    publish: async (event) => {
      await notify.query('SELECT pg_notify($1, $2)', [CHANNEL, encodeEvent(event)]);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      closed = true;
      listeners.clear();
      const client = listen;
      listen = null;
      await client?.end().catch(() => undefined);
      await notify.end().catch(() => undefined);
    },
  };
};
