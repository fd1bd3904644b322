/** The hall screen's state, composed from the typed API's views. */
import type { CountOutcome } from '../../rules/index.ts';
import type { ApiClient, ApiResult } from '../api/client.ts';
import type { ElectionView, HallState, PublishedResult, Session, Speaker } from '../api/types.ts';

const currentItemOf = (sessions: readonly Session[], id: number | null): HallState['currentItem'] => {
  for (const s of sessions) {
    const item = s.items.find((i) => (id === null ? i.status === 'current' : i.id === id));
    if (item !== undefined) return { id: item.id, kind: item.kind, sessionTitle: s.title, title: item.title };
  }
  return null;
};

/** The latest published round of each election. */
const publishedByElection = (elections: readonly ElectionView[]): Map<number, PublishedResult> => {
  const out = new Map<number, PublishedResult>();
  for (const e of elections) {
    const one = latestPublished([e]);
    if (one !== null) out.set(e.id, one);
  }
  return out;
};

/** What a round's result shows on the hall screen: an election count or a poll's; null when there is none. */
const publishedOf = (e: ElectionView, roundNumber: number, outcome: CountOutcome | null): PublishedResult | null => {
  if (outcome === null) return null;
  const base = { electionId: e.id, roundNumber, title: e.title };
  switch (outcome.type) {
    case 'election': return { ...base, kind: 'election', count: outcome.count };
    case 'opinion-poll': return { ...base, kind: 'opinion-poll', count: outcome.count };
    case 'secretary-poll': return { ...base, kind: 'secretary-poll', count: outcome.count };
  }
};

/** The most recently published round of any election (or poll) that has a result. */
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
  const [congress, attendance, sessions, speakers, elections, targets, votes, view, discussion] = await Promise.all([
    api.getCongress({ params: { code } }), api.attendance({ params: { code } }), api.listSessions({ params: { code } }),
    api.listSpeakers({ params: { code } }), api.listElections({ params: { code } }), api.getTargets({ params: { code } }),
    api.listVotes({ params: { code } }), api.getHallView({ params: { code } }), api.discussionNumbers({ params: { code } }),
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
      publishedBy: elections.ok ? publishedByElection(elections.value) : new Map(),
      electionOfItem: new Map(elections.ok ? elections.value.flatMap((e) => (e.agendaItemId === null ? [] : [[e.agendaItemId, e.id] as const])) : []),
      votes: votes.ok ? votes.value : [],
      targets: targets.ok ? targets.value : null,
      discussion: discussion.ok ? discussion.value : [],
      view: view.ok ? view.value : { mode: 'follow' },
    },
  };
};
