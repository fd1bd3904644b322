/**
 * Elections through their life: each round's state, its list in ballot order with the rules core's surplus
 * check shown live, and the step the round is at — nominations, withdrawals, opinion poll, approval of the
 * list, counting board, ballots, counting, publication, approval. What cannot be done now is disabled with
 * the reason.
 */
import { useTranslation } from 'react-i18next';
import { checkSurplus, inBallotOrder } from '../../rules/index.ts';
import type { ApiClient, RoundRef } from '../api/client.ts';
import type { Attendance, Body, DeskDelegate, ElectionView, Round } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { hasRole, useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { currentRound } from '../counting/spec-of.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { RoundPrintLinks } from './PrintLinks.tsx';
import { RoundStep } from './RoundStep.tsx';

export const surplusOf = (election: ElectionView, round: Round) => {
  const listed = round.candidates.filter((c) => c.status === 'listed' || c.status === 'withdrawal-requested');
  return checkSurplus({
    kind: election.kind, seats: round.seats, listLength: listed.length, congressMaxSurplus: election.maxSurplus,
    conveningListLength: round.candidates.filter((c) => c.source === 'committee-list').length,
  });
};

const SurplusLine = ({ election, round }: { readonly election: ElectionView; readonly round: Round }) => {
  const { t } = useTranslation();
  const check = surplusOf(election, round);
  return (
    <p className={check.errors.length === 0 ? 'ok-text' : 'warning-text'} role="status" aria-live="polite">
      {t('console.elections.surplus', { seats: check.seats, list: check.listLength, surplus: check.surplus, max: check.maxSurplus ?? '—' })}
      {' '}{[...check.errors, ...check.warnings].map((e) => t(`console.elections.surplusIssue.${e.code}`)).join(' ')}
    </p>
  );
};

const CandidateList = ({ round, onWithdraw, editable }: { readonly round: Round; readonly onWithdraw: (id: number) => void; readonly editable: boolean }) => {
  const { t } = useTranslation();
  return (
    <ol className="candidate-list">
      {inBallotOrder(round.candidates.map((c) => ({ ...c, name: c.fullName }))).map((c) => (
        <li key={c.id} className={c.status}>
          {c.fullName}
          {c.source !== 'committee-list' && <span className="badge">{t(`console.elections.source.${c.source}`)}</span>}
          {c.status !== 'listed' && ` — ${t(`console.elections.candidate.${c.status}`)}`}
          {editable && c.status === 'listed' && (
            <button type="button" className="button subtle small" onClick={() => onWithdraw(c.id)}>{t('console.elections.withdraw')}</button>
          )}
        </li>
      ))}
    </ol>
  );
};

export interface ElectionContext {
  readonly api: ApiClient;
  readonly ref: RoundRef;
  readonly election: ElectionView;
  readonly round: Round;
  readonly attendance: Attendance | null;
  readonly bodies: readonly Body[];
  readonly delegates: readonly DeskDelegate[];
  readonly canSteer: boolean;
  readonly reload: () => void;
}

const ElectionCard = (props: Omit<ElectionContext, 'ref' | 'round'> & { readonly round: Round | null; readonly congress: string }) => {
  const { t } = useTranslation();
  const { election, round } = props;
  if (round === null) {
    return <article className="election-card"><h2>{election.title}</h2><p className="muted">{t('console.elections.noRound')}</p></article>;
  }
  const ctx: ElectionContext = { ...props, round, ref: { congress: props.congress, electionId: election.id, round: round.number } };
  return (
    <article className="election-card" aria-labelledby={`election-${election.id}`}>
      <h2 id={`election-${election.id}`}>{election.title}</h2>
      <p>{t('console.elections.roundLine', { round: round.number, seats: round.seats, status: t(`console.elections.status.${round.status}`) })}</p>
      <SurplusLine election={election} round={round} />
      <CandidateList round={round} editable={round.status === 'draft' && props.canSteer}
        onWithdraw={(id) => void props.api.requestWithdrawal(ctx.ref, id).then(props.reload)} />
      <RoundStep ctx={ctx} />
      <RoundPrintLinks congress={props.congress} electionId={election.id} round={round.number} status={round.status} />
    </article>
  );
};

export const ElectionsSection = () => {
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const elections = useLiveResource(code, () => api.elections(code), ['election', 'result']);
  const attendance = useLiveResource(code, () => api.attendance(code), ['attendance']);
  const bodies = useLiveResource(code, () => api.bodies(code), ['bodies', 'votes']);
  const desk = useLiveResource(code, () => loadDesk(api, code), ['delegates']);
  const reload = (): void => {
    elections.reload();
    bodies.reload();
  };
  return (
    <div className="elections">
      {elections.error !== null && <ErrorMessage error={elections.error} />}
      {(elections.data ?? []).map((e) => (
        <ElectionCard key={e.id} api={api} congress={code} election={e} round={currentRound(e)} attendance={attendance.data} bodies={bodies.data ?? []}
          delegates={desk.data ?? []} canSteer={hasRole(me, 'admin', 'secretariat', 'presidium')} reload={reload} />
      ))}
    </div>
  );
};
