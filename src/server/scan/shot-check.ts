/**
 * The camera's shots checked at once (POST /scan/shot): each read by a reader thread as the stack's reading reads it
 * (sheet-worker.ts, readPhoto), only its outcome kept, and let go — so a blurred or cut shot is refused while the
 * ballot is still in the board's hand. The thread is started with the first shot and ended after IDLE_MS without
 * one (a board takes a shot every few seconds: the thread and the form it holds are not started again each time).
 */
import type { ShotCheck } from '../../api/scan.ts';
import type { RuleError } from '../../rules/index.ts';
import type { ScanTarget } from '../../scan/index.ts';
import { sheetReader, type SheetReader } from './sheet-reader.ts';
import type { PrepareTarget } from './target.ts';

export const IDLE_MS = 60_000;

/** Shots read at once; more are refused as busy (each holds a decoded photo of up to 12 MP). */
export const SHOTS_AT_ONCE = 2;

export interface ShotChecker {
  /** The round's blank ballot prepared for reading, on a thread of its own (target.ts caches it per round). */
  readonly prepare: PrepareTarget;
  /** The shot's refusal, or null when read; 'busy' when SHOTS_AT_ONCE are being read. */
  readonly check: (path: string, target: ScanTarget) => Promise<ShotCheck | 'busy'>;
  readonly close: () => Promise<void>;
}

export const shotChecker = (idleMs = IDLE_MS): ShotChecker => {
  let pool: SheetReader | null = null;
  let timer: NodeJS.Timeout | null = null;
  let reading = 0;
  const letGo = async (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const p = pool;
    pool = null;
    await p?.close();
  };
  const refusal = (e: RuleError): ShotCheck => ({ refusal: { code: e.code, message_vi: e.message_vi, message_en: e.message_en } });
  return {
    prepare: (input) => sheetReader(1).prepare(input),
    check: async (path, target) => {
      if (reading >= SHOTS_AT_ONCE) return 'busy';
      reading += 1;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pool ??= sheetReader(1);
      try {
        const r = await pool.read({ kind: 'encoded', file: path, index: 0 }, target, 0, true, true);
        if (!r.ok) return refusal(r.error);
        return r.value.outcome.kind === 'rejected' ? refusal(r.value.outcome.reason) : { refusal: null };
      } finally {
        reading -= 1;
        if (reading === 0) {
          timer = setTimeout(() => void letGo(), idleMs);
          timer.unref();
        }
      }
    },
    close: letGo,
  };
};
