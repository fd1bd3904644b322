/**
 * The projector in the hall (1920×1080): what the congress is doing now, attendance, results, targets. It
 * switches to the results when a new result is published; staff at the hall computer switch views with the
 * keys 1 (agenda), 2 (results), 3 (targets) or the `show` query parameter.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import type { HallDisplay, HallState } from '../api/types.ts';
import { AttendanceLine } from './AttendanceLine.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { loadHall } from './load-hall.ts';
import { NowPanel } from './NowPanel.tsx';
import { OutcomeLine } from './OutcomeLine.tsx';
import { OpinionPollChart, SecretaryPollChart } from './PollCharts.tsx';
import { ResultsChart } from './ResultsChart.tsx';
import { TargetsSlide } from './TargetsSlide.tsx';

const KEYS: Readonly<Record<string, HallDisplay>> = { '1': 'agenda', '2': 'results', '3': 'targets' };

const initialDisplay = (): HallDisplay => {
  const show = new URLSearchParams(window.location.search).get('show');
  return show === 'results' || show === 'targets' ? show : 'agenda';
};

const useDisplay = (state: HallState | null): HallDisplay => {
  const [display, setDisplay] = useState<HallDisplay>(initialDisplay);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const d = KEYS[e.key];
      if (d !== undefined) setDisplay(d);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const seen = useRef<string | null>(null);
  const published = state?.published ?? null;
  const key = published === null ? null : `${published.electionId}/${published.roundNumber}`;
  useEffect(() => {
    if (key !== null && seen.current !== null && key !== seen.current) setDisplay('results');
    if (key !== null) seen.current = key;
    else seen.current ??= '';
  }, [key]);
  return display;
};

const HallBody = ({ state, display }: { readonly state: HallState; readonly display: HallDisplay }) => {
  const { t } = useTranslation();
  if (display === 'targets' && state.targets !== null && state.targets.targets.length > 0) {
    return <TargetsSlide targets={state.targets} term={`${state.congress.termStartYear}–${state.congress.termEndYear}`} />;
  }
  if (display === 'results' && state.published !== null) {
    const p = state.published;
    return (
      <section className="hall-results" aria-labelledby="results-title">
        {p.kind !== 'election' && <p className="hall-kind">{t(p.kind === 'opinion-poll' ? 'hall.poll.opinionHeading' : 'hall.poll.secretaryHeading')}</p>}
        <h2 id="results-title">{p.roundNumber > 1 ? t('hall.resultsRound', { title: p.title, round: p.roundNumber }) : p.title}</h2>
        {p.kind === 'election' && <><OutcomeLine count={p.count} /><ResultsChart count={p.count} title={p.title} /></>}
        {p.kind === 'opinion-poll' && <OpinionPollChart count={p.count} title={p.title} />}
        {p.kind === 'secretary-poll' && <SecretaryPollChart count={p.count} title={p.title} />}
      </section>
    );
  }
  return (
    <div className="hall-now">
      <NowPanel item={state.currentItem} speaker={state.currentSpeaker} />
      <AttendancePanel attendance={state.attendance} />
    </div>
  );
};

const HallScreen = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const { data, error, connection } = useLiveResource(me.congress, () => loadHall(api, me.congress));
  const display = useDisplay(data);
  const shown = data === null ? null : display === 'results' && data.published === null ? 'agenda' : display;
  return (
    <main id="main" className="hall">
      {data === null || shown === null
        ? <p className="loading" role="status">{error === null ? t('common.loading') : t('hall.waitingServer')}</p>
        : (
          <>
            <header className={shown === 'agenda' ? 'hall-header' : 'hall-header small'}>
              <p className="hall-org">{data.congress.organisationName}</p>
              <h1>{t('hall.congressTitle', { ordinal: data.congress.ordinal, start: data.congress.termStartYear, end: data.congress.termEndYear })}</h1>
            </header>
            <HallBody state={data} display={shown} />
            {shown !== 'agenda' && <AttendanceLine attendance={data.attendance} />}
          </>
        )}
      {connection !== 'open' && <p className="connection-lost" role="status">{t('hall.reconnecting')}</p>}
    </main>
  );
};

export default HallScreen;
