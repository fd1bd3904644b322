/** The live event bus: in process on SQLite; on PostgreSQL every instance's bus delivers every event, in order. */
import { expect, it } from 'vitest';
import type { BusEvent, EventBus } from '../../src/server/live/bus.ts';
import { memoryBus } from '../../src/server/live/memory-bus.ts';
import { postgresBus } from '../../src/server/live/postgres-bus.ts';
import { describeEachDatabase } from '../support/databases.ts';

const collect = (bus: EventBus, n: number): Promise<BusEvent[]> => new Promise((resolve, reject) => {
  const got: BusEvent[] = [];
  const off = bus.subscribe((e) => { got.push(e); if (got.length === n) { off(); resolve(got); } });
  setTimeout(() => reject(new Error(`received ${got.length} of ${n}`)), 10_000);
});

describeEachDatabase('live: event bus', (db) => {
  it('delivers every event to every instance, in order', async () => {
    const make = async (): Promise<EventBus> => (db.dialect === 'postgres' ? postgresBus(db.database.url) : memoryBus());
    const a = await make();
    const b = db.dialect === 'postgres' ? await make() : a;
    try {
      const n = 200;
      const atA = collect(a, n);
      const atB = collect(b, n);
      for (let i = 0; i < n; i++) await a.publish({ congressId: 7, kind: 'attendance', id: i });
      const expected = Array.from({ length: n }, (_, i) => ({ congressId: 7, kind: 'attendance', id: i }));
      expect(await atA).toEqual(expected);
      expect(await atB).toEqual(expected);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
