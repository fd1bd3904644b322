/** Delegation minutes when the round ties at the official cut and at the alternate cut at once: both are stated. */
import { describe, expect, it } from 'vitest';
import * as F from './fixtures/minutes.ts';
import { delegationMinutes } from './index.ts';
import { flat, renderBoth } from './testing/render.ts';

describe('delegation minutes with two ties', () => {
  it('states the official tie and the alternate tie, each with its seats and names', async () => {
    const input = F.delegationMinutes();
    const results = input.count.results;
    // 20 + 3: 19 elected; #20 and #21 tie for the last official seat (the loser keeps an alternate place);
    // #22 alternate; #23 and #24 tie for the one alternate place left. The core decides; the minutes only report.
    const votes = results.map((_, k) => (k < 19 ? 240 - k : k < 21 ? 200 : k === 21 ? 190 : k < 24 ? 180 : 100));
    const ids = results.map((r) => r.id);
    const officialTie = { seats: 1, candidates: [ids[19]!, ids[20]!] };
    const alternateTie = { seats: 1, candidates: [ids[22]!, ids[23]!] };
    const count = {
      ...input.count,
      results: results.map((r, k) => ({ ...r, votes: votes[k]! })),
      elected: ids.slice(0, 19), alternates: [ids[21]!], tie: officialTie, unfilledSeats: 3, outcome: 'tie' as const,
      remaining: { official: { seats: 1, tie: officialTie }, alternate: { seats: 2, tie: alternateTie } },
    };
    const t = await renderBoth(delegationMinutes, { ...input, count });
    for (const text of [t.pdf, t.docx]) {
      const f = flat(text);
      expect(f).toContain(`Có 2 đồng chí bằng số phiếu nhau (200 phiếu) cho 1 chỗ còn lại: đồng chí ${results[19]!.name}, đồng chí ${results[20]!.name}.`);
      expect(f).toContain(`Có 2 đồng chí bằng số phiếu nhau (180 phiếu) cho 1 chỗ đại biểu dự khuyết còn lại: đồng chí ${results[22]!.name}, đồng chí ${results[23]!.name}.`);
    }
    // Without `remaining` (a result stored before it existed) only the one tie is stated, as before.
    const { remaining: _, ...legacy } = count;
    const old = await renderBoth(delegationMinutes, { ...input, count: legacy });
    expect(flat(old.pdf)).not.toContain('chỗ đại biểu dự khuyết còn lại');
  });
});
