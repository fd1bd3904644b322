/**
 * Pixel buffers of decoded pages kept by a reading thread for its next pages, rather than a new one a page.
 *
 * Why: a new 4.9 MB buffer (an A4 page at 200 dpi) is memory touched for the first time — about 1,200 page faults, the
 * kernel zeroing each page — on every page read, and the allocator gives such a buffer back to the system when it is
 * freed (the server runs with MALLOC_MMAP_THRESHOLD_=1048576). A buffer kept and written again costs none of that.
 */
import { freeNow } from '../runtime/free-now.ts';

export interface PagePool {
  /** A buffer of exactly `bytes` bytes, its content undefined (the caller writes every byte); a kept one when one fits. */
  readonly take: (bytes: number) => Uint8Array;
  /**
   * `view` is read no more: kept for the next page when the pool gave it (and has room), else its memory freed now
   * (freeNow). Give each buffer back once.
   */
  readonly give: (view: Uint8Array) => void;
}

/** A pool that keeps at most `keep` free buffers (a page and a colour page's strip: 2). */
export const pagePool = (keep = 2): PagePool => {
  const free: Uint8Array[] = [];
  const ours = new WeakSet<Uint8Array>();
  return {
    take: (bytes) => {
      const at = free.findIndex((b) => b.length === bytes);
      if (at >= 0) return free.splice(at, 1)[0]!;
      const b = new Uint8Array(bytes);
      ours.add(b);
      return b;
    },
    give: (view) => {
      if (view.byteLength === 0) return;
      if (!ours.has(view)) {
        freeNow(view);
        return;
      }
      if (free.includes(view)) return;
      free.push(view);
      // The oldest beyond `keep` let go: pages of another size (another form, another resolution) do not pile up.
      while (free.length > keep) {
        const old = free.shift()!;
        ours.delete(old);
        freeNow(old);
      }
    },
  };
};
