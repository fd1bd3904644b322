/**
 * Elections through their life: each round's state, its list in ballot order with the surplus check shown live
 * (the same check the server makes), and the step the round is at — nominations, withdrawals, opinion poll,
 * approval of the list, counting board, ballots, counting, publication, approval. What cannot be done now is
 * disabled with the reason.
 */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { inBallotOrder } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import { candidateRef, electionRef, roundRef } from '../api/refs.ts';
import { ElectionSettingsForm, NewElectionForm } from '../prepare/ElectionForms.tsx';
import type { ElectionView, Round, Session } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { thenReload } from '../app/then-reload.ts';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { currentRound } from '../counting/spec-of.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ElectionAgendaItemField } from './ElectionAgendaItem.tsx';
import { surplusOf, type ElectionContext } from './election-context.ts';
import { RoundPrintLinks } from './PrintLinks.tsx';
import { RoundStep } from './RoundStep.tsx';

export const SurplusLine = ({ election, round, delegationMaxSurplus }: {
  readonly election: ElectionView;
  readonly round: Round;
  readonly delegationMaxSurplus: number | null;
}) => {
  const { t } = useTranslation();
  // The polls have no surplus: no "số dư -1 (tối đa —)" line for them.
  if (election.kind === 'opinion-poll' || election.kind === 'secretary-poll') return null;
  const check = surplusOf(election, round, delegationMaxSurplus);
  return (
    <p className={check.errors.length === 0 ? 'ok-text' : 'warning-text'} role="status" aria-live="polite" data-testid="surplus">
      {check.maxSurplus === null
        ? t('console.elections.surplusNoMax', { seats: check.seats, list: check.listLength, surplus: check.surplus })
        : t('console.elections.surplus', { seats: check.seats, list: check.listLength, surplus: check.surplus, max: check.maxSurplus })}
      {' '}{[...check.errors, ...check.warnings].map((e) => t(`console.elections.surplusIssue.${e.code}`)).join(' ')}
    </p>
  );
};

const CandidateList = ({ round, onWithdraw, editable, onVoid }: {
  readonly round: Round;
  readonly onWithdraw: (id: number) => Promise<ApiResult<unknown>>;
  readonly editable: boolean;
  /** The chair voids a nomination made at the congress (null: not allowed to). */
  readonly onVoid: ((id: number, reason: string) => Promise<ApiResult<unknown>>) | null;
}) => {
  const { t } = useTranslation();
  return (
    <ol className="candidate-list">
      {inBallotOrder(round.candidates.map((c) => ({ ...c, name: c.fullName }))).map((c) => (
        <li key={c.id} className={c.status} data-testid={`candidate-${c.id}`}>
          <span className="record-text">{c.fullName}</span>
          {c.source !== 'committee-list' && <span className="badge">{t(`console.elections.source.${c.source}`)}</span>}
          {c.status !== 'listed' && ` — ${t(`console.elections.candidate.${c.status}`)}`}
          {c.voided !== null && <span className="void-note"> {t('floor.votes.voidedBy', { by: c.voided.by, reason: c.voided.reason })}</span>}
          {editable && c.status === 'listed' && (
            <ConfirmButton label={t('console.elections.withdraw')} className="button subtle small"
              confirm={{ message: t('floor.confirm.withdraw', { name: c.fullName }), yes: t('floor.confirm.withdrawYes') }}
              onConfirm={() => onWithdraw(c.id)} />
          )}
          {onVoid !== null && round.status === 'draft' && c.source !== 'committee-list' && c.voided === null && (
            <ConfirmButton label={t('floor.votes.voidNomination')} className="button subtle small"
              confirm={{ message: t('floor.votes.voidNominationWhat', { name: c.fullName }), yes: t('floor.votes.voidNomination'), reasonLabel: t('floor.votes.voidReason') }}
              onConfirm={(reason) => onVoid(c.id, reason)} />
          )}
        </li>
      ))}
    </ol>
  );
};

const ElectionCard = (props: Omit<ElectionContext, 'ref' | 'round'> & {
  readonly round: Round | null;
  readonly congress: string;
  /** The congress's sessions with their agenda items (null: not loaded yet). */
  readonly sessions: readonly Session[] | null;
}) => {
  const { t } = useTranslation();
  const { election, round } = props;
  if (round === null) {
    return <article className="election-card"><h2>{election.title}</h2><p className="muted">{t('console.elections.noRound')}</p></article>;
  }
  const ctx: ElectionContext = { ...props, round, ref: roundRef(props.congress, election, round) };
  return (
    <article className="election-card" aria-labelledby={`election-${election.id}`}>
      <h2 id={`election-${election.id}`}>{election.title}</h2>
      <p>{t('console.elections.roundLine', { round: round.number, seats: round.seats, status: t(`console.elections.status.${round.status}`) })}</p>
      <SurplusLine election={election} round={round} delegationMaxSurplus={props.delegationMaxSurplus} />
      <CandidateList round={round} editable={round.status === 'draft' && ctx.can(API.requestWithdrawal)}
        onWithdraw={(id) => thenReload(props.api.requestWithdrawal({ params: candidateRef(ctx.ref, { id }) }), props.reload)}
        onVoid={ctx.can(API.voidCandidate) ? (id, reason) => thenReload(props.api.voidCandidate({ params: candidateRef(ctx.ref, { id }), body: { reason } }), props.reload) : null} />
      {ctx.can(API.setElectionAgendaItem) && props.sessions !== null && (
        <ElectionAgendaItemField election={election} sessions={props.sessions} beforeVoting={round.status === 'draft' || round.status === 'list-approved'}
          onSave={(agendaItemId) => thenReload(props.api.setElectionAgendaItem({ params: electionRef(props.congress, election), body: { agendaItemId } }), props.reload)} />
      )}
      {ctx.can(API.updateElection) && (
        // Keyed by the election alone: saving touches the round, and a remount would drop the "saved" line and close the form.
        <ElectionSettingsForm key={election.id} election={election}
          onSave={(body) => props.api.updateElection({ params: electionRef(props.congress, election), body }).then((r) => { props.reload(); return r; })} />
      )}
      <RoundStep ctx={ctx} />
      <RoundPrintLinks round={ctx.ref} status={round.status} />
    </article>
  );
};

export const ElectionsSection = () => {
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const congress = useLiveResource(code, () => api.getCongress({ params }), ['congress']);
  const elections = useLiveResource(code, () => api.listElections({ params }), ['election', 'result']);
  const attendance = useLiveResource(code, () => api.attendance({ params }), ['attendance']);
  const bodies = useLiveResource(code, () => api.listBodies({ params }), ['bodies', 'votes']);
  const desk = useLiveResource(code, () => loadDesk(api, code), ['delegates']);
  const sessions = useLiveResource(code, () => api.listSessions({ params }), ['current-item', 'congress']);
  // Undefined until the congress's settings are in: no surplus check is shown without its delegation maximum.
  const delegationMaxSurplus = congress.data?.settings.delegationMaxSurplus;
  const reload = (): void => {
    elections.reload();
    bodies.reload();
  };
  return (
    <div className="elections">
      {can(me, API.createElection) && (
        <NewElectionForm onCreate={(body) => api.createElection({ params, body }).then((r) => { reload(); return r; })} />
      )}
      {elections.error !== null && <ErrorMessage error={elections.error} />}
      {congress.error !== null && <ErrorMessage error={congress.error} />}
      {delegationMaxSurplus !== undefined && (elections.data ?? []).map((e) => (
        <ElectionCard key={e.id} api={api} congress={code} election={e} round={currentRound(e)} attendance={attendance.data} bodies={bodies.data ?? []}
          delegates={desk.data ?? []} delegationMaxSurplus={delegationMaxSurplus} sessions={sessions.data}
          can={(endpoint) => can(me, endpoint, { electionId: e.id })} reload={reload} />
      ))}
    </div>
  );
};
