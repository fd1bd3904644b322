/**
 * The projector in the hall (1920×1080 or 1280×720): what the operator panel holds (the current item, the speaker,
 * attendance, a show-of-hands result, an election's result, the targets, the discussion's numbers) or, following the agenda, what the current
 * item calls for (src/web/hall/follow.ts). No hidden keys: the panel on the console steers it.
 */
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import type { HallState } from '../api/types.ts';
import { AttendanceLine } from './AttendanceLine.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { DiscussionSlide } from './DiscussionSlide.tsx';
import { hallScene, reviewedTerm, type HallScene } from './follow.ts';
import { loadHall } from './load-hall.ts';
import { NowPanel } from './NowPanel.tsx';
import { OutcomeLine } from './OutcomeLine.tsx';
import { OpinionPollChart, SecretaryPollChart } from './PollCharts.tsx';
import { ResultsChart } from './ResultsChart.tsx';
import { TargetsSlide } from './TargetsSlide.tsx';
import { VoteResult } from './VoteResult.tsx';

const HallBody = ({ state, scene }: { readonly state: HallState; readonly scene: HallScene }) => {
  const { t } = useTranslation();
  switch (scene.kind) {
    case 'discussion':
      return <DiscussionSlide documents={state.discussion} />;
    case 'targets':
      return <TargetsSlide targets={state.targets!} term={reviewedTerm(state.congress.termStartYear, state.congress.termEndYear)} />;
    case 'election': {
      const p = scene.result;
      return (
        <section className="hall-results" aria-labelledby="results-title" data-testid="hall-election">
          {p.kind !== 'election' && <p className="hall-kind">{t(p.kind === 'opinion-poll' ? 'hall.poll.opinionHeading' : 'hall.poll.secretaryHeading')}</p>}
          <h2 id="results-title">{p.roundNumber > 1 ? t('hall.resultsRound', { title: p.title, round: p.roundNumber }) : p.title}</h2>
          {p.kind === 'election' && <><OutcomeLine count={p.count} /><ResultsChart count={p.count} title={p.title} /></>}
          {p.kind === 'opinion-poll' && <OpinionPollChart count={p.count} title={p.title} />}
          {p.kind === 'secretary-poll' && <SecretaryPollChart count={p.count} title={p.title} />}
        </section>
      );
    }
    case 'vote':
      return <VoteResult vote={scene.vote} />;
    case 'attendance':
      return <div className="hall-attendance"><AttendancePanel attendance={state.attendance} /></div>;
    case 'item':
    case 'speaker':
      return (
        <div className={`hall-now ${scene.kind === 'speaker' ? 'speaking' : ''}`}>
          <NowPanel item={state.currentItem} speaker={state.currentSpeaker} />
          <AttendancePanel attendance={state.attendance} />
        </div>
      );
  }
};

const HallScreen = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { data, error, connection } = useLiveResource(me.congress, () => loadHall(api, me.congress));
  const scene = data === null ? null : hallScene(data);
  const full = scene !== null && (scene.kind === 'item' || scene.kind === 'speaker' || scene.kind === 'attendance');
  return (
    <main id="main" className="hall" data-scene={scene?.kind ?? 'loading'}>
      {data === null || scene === null
        ? <p className="loading" role="status">{error === null ? t('common.loading') : t('hall.waitingServer')}</p>
        : (
          <>
            <header className={full ? 'hall-header' : 'hall-header small'}>
              <p className="hall-org">{data.congress.organisationName}</p>
              <h1>{t('hall.congressTitle', { ordinal: data.congress.ordinal, start: data.congress.termStartYear, end: data.congress.termEndYear })}</h1>
            </header>
            <HallBody state={data} scene={scene} />
            {!full && <AttendanceLine attendance={data.attendance} />}
          </>
        )}
      {connection !== 'open' && <p className="connection-lost" role="status">{t('hall.reconnecting')}</p>}
    </main>
  );
};

export default HallScreen;
