/** The published results a delegate reads on their phone: every published (or approved) round, newest first. Pure. */
import type { ElectionView } from '../api/types.ts';

export interface PublishedLine {
  readonly key: string;
  readonly title: string;
  readonly round: number;
  /** Names elected (an election) or admitted to the list (an opinion poll), with their votes and percentage; empty for the secretary poll. */
  readonly names: readonly { readonly name: string; readonly votes: number; readonly percent: number }[];
  readonly base: number;
  readonly kind: 'election' | 'opinion-poll' | 'secretary-poll';
  readonly at: string;
}

export const publishedLines = (elections: readonly ElectionView[]): PublishedLine[] => {
  const lines: PublishedLine[] = [];
  for (const e of elections) {
    for (const r of e.rounds) {
      if ((r.status !== 'published' && r.status !== 'approved') || r.result === null) continue;
      const o = r.result;
      const ids = o.type === 'election' ? o.count.elected : o.type === 'opinion-poll' ? o.count.admitted : [];
      const byId = new Map(o.count.results.map((c) => [c.id, c]));
      lines.push({
        key: `${e.id}-${r.number}`, title: e.title, round: r.number, kind: o.type, base: o.count.base, at: r.updatedAt,
        names: ids.flatMap((id) => { const c = byId.get(id); return c === undefined ? [] : [{ name: c.name, votes: c.votes, percent: c.percent }]; }),
      });
    }
  }
  return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
};
