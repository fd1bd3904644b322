/** The hall screen's state, composed from the typed API's views. */
import type { ApiClient, ApiResult } from '../api/client.ts';
import { electionCountOf } from '../api/counting-schemas.ts';
import type { ElectionView, HallState, PublishedResult, Session, Speaker } from '../api/types.ts';
import { pollCountOf } from './poll-count.ts';

const currentItemOf = (sessions: readonly Session[], id: number | null): HallState['currentItem'] => {
  for (const s of sessions) {
    const item = s.items.find((i) => (id === null ? i.status === 'current' : i.id === id));
    if (item !== undefined) return { sessionTitle: s.title, title: item.title };
  }
  return null;
};

/** What a stored round result shows on the hall screen: an election count or a poll's; null for anything else. */
const publishedOf = (e: ElectionView, roundNumber: number, stored: unknown): PublishedResult | null => {
  const base = { electionId: e.id, roundNumber, title: e.title };
  const count = electionCountOf(stored);
  if (count !== null) return { ...base, kind: 'election', count };
  const poll = pollCountOf(stored);
  if (poll === null) return null;
  return poll.type === 'opinion-poll' ? { ...base, kind: 'opinion-poll', count: poll.count } : { ...base, kind: 'secretary-poll', count: poll.count };
};

/** The most recently published round of any election (or poll) whose stored result reads as a count. */
export const latestPublished = (elections: readonly ElectionView[]): PublishedResult | null => {
  let best: { at: string; result: PublishedResult } | null = null;
  for (const e of elections) {
    for (const r of e.rounds) {
      if (r.status !== 'published' && r.status !== 'approved') continue;
      const result = publishedOf(e, r.number, r.result);
      if (result === null) continue;
      if (best === null || r.updatedAt > best.at) best = { at: r.updatedAt, result };
    }
  }
  return best?.result ?? null;
};

export const loadHall = async (api: ApiClient, code: string): Promise<ApiResult<HallState>> => {
  const [congress, attendance, sessions, speakers, elections, targets] = await Promise.all([
    api.congress(code), api.attendance(code), api.sessions(code), api.speakers(code), api.elections(code), api.targets(code),
  ]);
  if (!congress.ok) return congress;
  if (!attendance.ok) return attendance;
  const speakerList: readonly Speaker[] = speakers.ok ? speakers.value : [];
  const c = congress.value;
  return {
    ok: true,
    value: {
      congress: c,
      attendance: attendance.value,
      currentItem: sessions.ok ? currentItemOf(sessions.value, c.currentAgendaItemId) : null,
      currentSpeaker: speakerList.find((s) => (c.currentSpeakerId === null ? s.status === 'speaking' : s.id === c.currentSpeakerId)) ?? null,
      published: elections.ok ? latestPublished(elections.value) : null,
      targets: targets.ok ? targets.value : null,
    },
  };
};
