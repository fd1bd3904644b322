/** The event bus of a single instance (SQLite): an in-process emitter. */
import type { BusListener, EventBus } from './bus.ts';

export const memoryBus = (): EventBus => {
  const listeners = new Set<BusListener>();
  return {
    publish: (event) => {
      for (const l of listeners) l(event);
      return Promise.resolve();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {
      listeners.clear();
      return Promise.resolve();
    },
  };
};
