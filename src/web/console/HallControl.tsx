/**
 * The hall screen's operator panel (presidium, secretariat): follow the agenda, or hold one view — the current
 * item, the speaker, attendance, a show-of-hands result, an election's result, the targets. Shows what the screen
 * shows now, computed by the same function as the screen.
 */
import { useTranslation } from 'react-i18next';
import { API, HALL_SHOWS, type HallShow } from '../../api/index.ts';
import type { ApiError, HallView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { hallScene } from '../hall/follow.ts';
import { loadHall } from '../hall/load-hall.ts';
import { DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useState } from 'react';

export const HallControl = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const hall = useLiveResource(code, () => loadHall(api, code));
  const [error, setError] = useState<ApiError | null>(null);
  const allowed = can(me, API.setHallView);
  const data = hall.data;
  if (data === null) return <p className="muted">{t('common.loading')}</p>;
  const view = data.view;
  const scene = hallScene(data);
  const set = async (next: HallView): Promise<void> => {
    const r = await api.setHallView({ params: { code }, body: next });
    setError(r.ok ? null : r.error);
    hall.reload();
  };
  const votes = data.votes.filter((v) => v.voided === null);
  const results = [...data.publishedBy.values()];
  const held = (show: HallShow): boolean => view.mode === 'fixed' && view.show === show;
  const why = allowed ? null : t('floor.hall.needChair');
  return (
    <section className="hall-control" aria-labelledby="hall-control-title">
      <h2 id="hall-control-title">{t('floor.hall.panel')}</h2>
      <p role="status" data-testid="hall-now">{t('floor.hall.nowShowing', { what: t(`floor.hall.show.${scene.kind}`) })}
        {' '}{view.mode === 'follow' ? t('floor.hall.following') : t('floor.hall.held')}</p>
      <div className="row hall-buttons">
        <button type="button" className={`button ${view.mode === 'follow' ? 'primary' : ''}`} aria-pressed={view.mode === 'follow'} disabled={!allowed}
          data-testid="hall-follow" onClick={() => void set({ mode: 'follow' })}>{t('floor.hall.follow')}</button>
        {HALL_SHOWS.filter((s) => s !== 'vote' && s !== 'election').map((s) => (
          <button key={s} type="button" className={`button ${held(s) ? 'primary' : ''}`} aria-pressed={held(s)} disabled={!allowed}
            data-testid={`hall-show-${s}`} onClick={() => void set({ mode: 'fixed', show: s, voteId: null, electionId: null })}>{t(`floor.hall.show.${s}`)}</button>
        ))}
      </div>
      <div className="row">
        <label className="field inline">
          <span>{t('floor.hall.show.vote')}</span>
          <select disabled={!allowed || votes.length === 0} value={view.mode === 'fixed' && view.show === 'vote' ? String(view.voteId ?? '') : ''}
            data-testid="hall-vote-select"
            onChange={(e) => void set({ mode: 'fixed', show: 'vote', voteId: e.target.value === '' ? null : Number(e.target.value), electionId: null })}>
            <option value="">{votes.length === 0 ? t('floor.hall.noVotes') : t('floor.hall.chooseVote')}</option>
            {votes.map((v) => <option key={v.id} value={v.id}>{v.subject}</option>)}
          </select>
        </label>
        <label className="field inline">
          <span>{t('floor.hall.show.election')}</span>
          <select disabled={!allowed || results.length === 0} value={view.mode === 'fixed' && view.show === 'election' ? String(view.electionId ?? '') : ''}
            onChange={(e) => void set({ mode: 'fixed', show: 'election', electionId: e.target.value === '' ? null : Number(e.target.value), voteId: null })}>
            <option value="">{results.length === 0 ? t('floor.hall.noResults') : t('floor.hall.chooseResult')}</option>
            {results.map((r) => <option key={r.electionId} value={r.electionId}>{r.title}</option>)}
          </select>
        </label>
      </div>
      <DisabledReason reason={why} />
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
};
