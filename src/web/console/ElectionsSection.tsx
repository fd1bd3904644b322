/**
 * Elections through their life: each round's state, its list in ballot order with the surplus check of the
 * rules core shown live, and the next step — disabled with the reason when it cannot be taken now.
 */
import { useTranslation } from 'react-i18next';
import { checkSurplus, inBallotOrder } from '../../rules/index.ts';
import { useApi } from '../app/api-context.tsx';
import { hasRole, useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import type { ElectionView, Round, RoundStatus } from '../api/types.ts';
import { currentRound } from '../counting/spec-of.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

const NEXT: Readonly<Partial<Record<RoundStatus, 'voting' | 'counting' | 'published'>>> = {
  'list-approved': 'voting',
  voting: 'counting',
  counted: 'published',
};

const SurplusLine = ({ election, round }: { readonly election: ElectionView; readonly round: Round }) => {
  const { t } = useTranslation();
  const listed = round.candidates.filter((c) => c.status === 'listed' || c.status === 'withdrawal-requested');
  const check = checkSurplus({ kind: election.kind, seats: round.seats, listLength: listed.length, congressMaxSurplus: election.maxSurplus, conveningListLength: round.candidates.filter((c) => c.source === 'committee-list').length });
  const ok = check.errors.length === 0;
  return (
    <p className={ok ? 'ok-text' : 'warning-text'} role="status">
      {t('console.elections.surplus', { seats: check.seats, list: check.listLength, surplus: check.surplus, max: check.maxSurplus ?? '—' })}
      {' '}{check.errors.map((e) => t(`console.elections.surplusIssue.${e.code}`)).join(' ')}
    </p>
  );
};

const ElectionCard = ({ election, onStep, canSteer }: { readonly election: ElectionView; readonly onStep: (to: 'voting' | 'counting' | 'published') => void; readonly canSteer: boolean }) => {
  const { t } = useTranslation();
  const round = currentRound(election);
  const next = round === null ? undefined : NEXT[round.status];
  const reason = round === null ? t('console.elections.noRound') : !canSteer ? t('console.needRole')
    : next === undefined ? t(`console.elections.blocked.${round.status}`) : null;
  return (
    <article className="election-card">
      <h2>{election.title}</h2>
      {round !== null && (
        <>
          <p>{t('console.elections.roundLine', { round: round.number, seats: round.seats, status: t(`console.elections.status.${round.status}`) })}</p>
          <SurplusLine election={election} round={round} />
          <ol className="candidate-list">
            {inBallotOrder(round.candidates.map((c) => ({ ...c, name: c.fullName }))).map((c) => (
              <li key={c.id} className={c.status}>{c.fullName}{c.status !== 'listed' ? ` — ${t(`console.elections.candidate.${c.status}`)}` : ''}</li>
            ))}
          </ol>
        </>
      )}
      <button type="button" className="button primary" disabled={reason !== null} onClick={() => next !== undefined && onStep(next)}>
        {next === undefined ? t('console.elections.noStep') : t(`console.elections.step.${next}`)}
      </button>
      {reason !== null && <p className="muted">{reason}</p>}
    </article>
  );
};

export const ElectionsSection = () => {
  const api = useApi();
  const me = useMe();
  const elections = useLiveResource(me.congress, () => api.elections(me.congress), ['election', 'result']);
  return (
    <div className="elections">
      {elections.error !== null && <ErrorMessage error={elections.error} />}
      {(elections.data ?? []).map((e) => (
        <ElectionCard key={e.id} election={e} canSteer={hasRole(me, 'admin', 'presidium')}
          onStep={(to) => void api.transition({ congress: me.congress, electionId: e.id, round: currentRound(e)?.number ?? 1 }, { to })
            .then(() => elections.reload())} />
      ))}
    </div>
  );
};
