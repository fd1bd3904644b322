/**
 * Live events of a congress travel through a bus: in-process on SQLite, PostgreSQL LISTEN/NOTIFY when several
 * instances share one database. Payloads stay small — kinds and ids; clients refetch what they show.
 */
import type { LiveKind } from '../../api/live.ts';

export interface BusEvent {
  readonly congressId: number;
  readonly kind: LiveKind;
  readonly id: number | null;
}

export type BusListener = (event: BusEvent) => void;

export interface EventBus {
  /** Delivers to every listener of every instance (after the change is committed). */
  readonly publish: (event: BusEvent) => Promise<void>;
  readonly subscribe: (listener: BusListener) => () => void;
  readonly close: () => Promise<void>;
}

/** Parses a payload received from another instance; null when it is not one of ours. */
export const decodeEvent = (text: string): BusEvent | null => {
  try {
    const v = JSON.parse(text) as { c?: unknown; k?: unknown; i?: unknown };
    if (typeof v.c !== 'number' || typeof v.k !== 'string') return null;
    return { congressId: v.c, kind: v.k as LiveKind, id: typeof v.i === 'number' ? v.i : null };
  } catch {
    return null;
  }
};

export const encodeEvent = (e: BusEvent): string => JSON.stringify({ c: e.congressId, k: e.kind, i: e.id });
