/** The step a round is at, with the action that moves it on — or the reason it cannot move yet. */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import { candidateRef, electionRef } from '../api/refs.ts';
import type { ApiError } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { thenReload } from '../app/then-reload.ts';
import { CountsForm } from '../ui/CountsForm.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { surplusOf, type ElectionContext } from './election-context.ts';
import { NominateForm } from './NominateForm.tsx';
import { PollForm } from './PollForm.tsx';
import { RoundFollowUp } from './RoundFollowUp.tsx';

/** A button for one action; the server's refusal is shown beside it. */
const ActionButton = ({ label, action, disabledReason, after }: {
  readonly label: string;
  readonly action: () => Promise<ApiResult<unknown>>;
  readonly disabledReason: string | null;
  readonly after: () => void;
}) => {
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <div className="action">
      <button type="button" className="button primary" disabled={disabledReason !== null}
        onClick={() => void action().then((r) => { setError(r.ok ? null : r.error); after(); })}>{label}</button>
      {disabledReason !== null && <p className="muted">{disabledReason}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};

const BoardPicker = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const boards = ctx.bodies.filter((b) => b.kind === 'counting-board');
  const [error, setError] = useState<ApiError | null>(null);
  const current = boards.find((b) => b.id === ctx.election.countingBoardId);
  return (
    <div className="board-picker">
      <label className="field">
        <span>{t('console.elections.countingBoard')}</span>
        <select value={ctx.election.countingBoardId ?? ''} disabled={!ctx.can(API.setCountingBoard) || boards.length === 0}
          onChange={(e) => void ctx.api.setCountingBoard({ params: electionRef(ctx.ref.code, ctx.election), body: { bodyId: Number(e.target.value) } })
            .then((r) => { setError(r.ok ? null : r.error); ctx.reload(); })}>
          <option value="" disabled>{boards.length === 0 ? t('console.elections.noBoard') : t('console.elections.chooseBoard')}</option>
          {boards.map((b) => <option key={b.id} value={b.id}>{b.title}</option>)}
        </select>
      </label>
      {current !== undefined && current.approvedVoteId === null && <p className="warning-text">{t('console.elections.boardNotApproved')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};

const BallotsForm = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const [issued, setIssued] = useState(ctx.round.ballotsIssued?.toString() ?? '');
  const [collected, setCollected] = useState(ctx.round.ballotsCollected?.toString() ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await ctx.api.setBallots({ params: ctx.ref, body: { issued: Number(issued), collected: collected.trim() === '' ? null : Number(collected) } });
    setError(r.ok ? null : r.error);
    ctx.reload();
  };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)}>
      <label className="field"><span>{t('console.elections.issued')}</span>
        <input type="number" min={0} value={issued} onChange={(e) => setIssued(e.target.value)} required /></label>
      <label className="field"><span>{t('console.elections.collected')}</span>
        <input type="number" min={0} value={collected} onChange={(e) => setCollected(e.target.value)} /></label>
      <button type="submit" className="button" disabled={!ctx.can(API.setBallots)}>{t('console.elections.saveBallots')}</button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};

const DraftStep = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const check = surplusOf(ctx.election, ctx.round, ctx.delegationMaxSurplus);
  const pending = ctx.round.candidates.filter((c) => c.status === 'withdrawal-requested');
  const unpolled = ctx.round.candidates.filter((c) => c.source !== 'committee-list' && c.status === 'listed' && c.pollAgree === null);
  const reason = !ctx.can(API.transition) ? t('console.needRole')
    : pending.length > 0 ? t('console.elections.pendingWithdrawals', { names: pending.map((c) => c.fullName).join(', ') })
      : unpolled.length > 0 ? t('console.elections.pendingPoll', { names: unpolled.map((c) => c.fullName).join(', ') })
        : check.errors.length > 0 ? t('console.elections.surplusBlocks') : null;
  return (
    <div className="round-step">
      {pending.map((c) => (
        <CountsForm key={c.id} attendance={ctx.attendance} submitLabel={t('console.elections.decideWithdrawal', { name: c.fullName })}
          disabledReason={ctx.can(API.decideWithdrawal) ? null : t('console.needRole')}
          onSubmit={(counts) => thenReload(ctx.api.decideWithdrawal({ params: candidateRef(ctx.ref, c), body: counts }), ctx.reload)} />
      ))}
      {ctx.can(API.addCandidate) && <NominateForm ctx={ctx} />}
      {unpolled.length > 0 && <PollForm ctx={ctx} nominees={unpolled} />}
      <h3>{t('console.elections.approveList')}</h3>
      <CountsForm attendance={ctx.attendance} submitLabel={t('console.elections.approveList')} disabledReason={reason}
        onSubmit={(counts) => thenReload(ctx.api.transition({ params: ctx.ref, body: { to: 'list-approved', ...counts } }), ctx.reload)} />
    </div>
  );
};

export const RoundStep = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const role = ctx.can(API.transition) ? null : t('console.needRole');
  const step = (to: 'voting' | 'counting' | 'published', reason: string | null) => (
    <ActionButton label={t(`console.elections.step.${to}`)} disabledReason={role ?? reason} after={ctx.reload}
      action={() => ctx.api.transition({ params: ctx.ref, body: { to } })} />
  );
  switch (ctx.round.status) {
    case 'draft':
      return <><BoardPicker ctx={ctx} /><DraftStep ctx={ctx} /></>;
    case 'list-approved':
      return <><BoardPicker ctx={ctx} />{step('voting', ctx.election.countingBoardId === null ? t('console.elections.needBoard') : null)}</>;
    case 'voting':
      return <><BallotsForm ctx={ctx} />{step('counting', ctx.round.ballotsIssued === null ? t('console.elections.needBallots') : null)}</>;
    case 'counting':
      return <p>{t('console.elections.blocked.counting')} <Link to="/counting">{t('screens.counting')}</Link></p>;
    case 'counted':
      return step('published', null);
    case 'published':
    case 'approved':
      return (
        <RoundFollowUp election={ctx.election} round={ctx.round} canSteer={ctx.can(API.createRound) && ctx.can(API.transition)}
          onCreate={(body) => thenReload(ctx.api.createRound({ params: electionRef(ctx.ref.code, ctx.election), body }), ctx.reload)}
          onApprove={(reference) => thenReload(ctx.api.transition({ params: ctx.ref, body: { to: 'approved', reference } }), ctx.reload)} />
      );
  }
};
