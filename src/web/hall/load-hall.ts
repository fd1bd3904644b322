/** The hall screen's state, composed from the typed API's views. */
import type { ApiClient, ApiResult } from '../api/client.ts';
import { electionCountOf } from '../api/counting-schemas.ts';
import type { ElectionView, HallState, PublishedResult, Session, Speaker } from '../api/types.ts';

const currentItemOf = (sessions: readonly Session[], id: number | null): HallState['currentItem'] => {
  for (const s of sessions) {
    const item = s.items.find((i) => (id === null ? i.status === 'current' : i.id === id));
    if (item !== undefined) return { sessionTitle: s.title, title: item.title };
  }
  return null;
};

/** The most recently published round of any election whose stored result reads as an election count. */
export const latestPublished = (elections: readonly ElectionView[]): PublishedResult | null => {
  let best: { at: string; result: PublishedResult } | null = null;
  for (const e of elections) {
    for (const r of e.rounds) {
      if (r.status !== 'published' && r.status !== 'approved') continue;
      const count = electionCountOf(r.result);
      if (count === null) continue;
      if (best === null || r.updatedAt > best.at) {
        best = { at: r.updatedAt, result: { electionId: e.id, roundNumber: r.number, title: e.title, count } };
      }
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
