/** The step a round is at, with the action that moves it on — or the reason it cannot move yet. */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { surplusApplies } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import { candidateRef, electionRef } from '../api/refs.ts';
import type { ApiError } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { thenReload } from '../app/then-reload.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { CountsForm } from '../ui/CountsForm.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { surplusOf, type ElectionContext } from './election-context.ts';
import { MaxSurplusForm } from './MaxSurplusForm.tsx';
import { NominateForm } from './NominateForm.tsx';
import { PollForm } from './PollForm.tsx';
import { RoundFollowUp } from './RoundFollowUp.tsx';

/** A step of consequence: confirmed in words before it is sent, or disabled with the reason beside it. */
const StepButton = ({ label, what, yes, action, disabledReason, after }: {
  readonly label: string;
  readonly what: string;
  readonly yes: string;
  readonly action: () => Promise<ApiResult<unknown>>;
  readonly disabledReason: string | null;
  readonly after: () => void;
}) => (
  <div className="action">
    <ConfirmButton label={label} className="button primary" disabledReason={disabledReason} confirm={{ message: what, yes }}
      onConfirm={async () => { const r = await action(); after(); return r; }} />
  </div>
);

const OFF_AGENDA = new Set(['voting.other-item', 'voting.no-agenda-item']);

/** Opening voting: confirmed; refused off the election's agenda item, it may be opened there with a stated reason. */
const VotingStep = ({ ctx, disabledReason }: { readonly ctx: ElectionContext; readonly disabledReason: string | null }) => {
  const { t } = useTranslation();
  const [offAgenda, setOffAgenda] = useState(false);
  const listed = ctx.round.candidates.filter((c) => c.status === 'listed').length;
  return (
    <div className="action">
      <ConfirmButton label={t('console.elections.step.voting')} className="button primary" disabledReason={disabledReason} testId="open-voting"
        confirm={{ message: t('floor.confirm.voting', { title: ctx.election.title, n: listed }), yes: t('floor.confirm.votingYes') }}
        onConfirm={async () => {
          const r = await ctx.api.transition({ params: ctx.ref, body: { to: 'voting' } });
          setOffAgenda(!r.ok && OFF_AGENDA.has(r.error.code));
          ctx.reload();
          return r;
        }} />
      {offAgenda && (
        <ConfirmButton label={t('floor.confirm.override')} className="button"
          confirm={{ message: t('floor.confirm.overrideWhat', { title: ctx.election.title }), yes: t('floor.confirm.overrideYes'), reasonLabel: t('floor.confirm.overrideReason') }}
          onConfirm={async (override) => {
            const r = await ctx.api.transition({ params: ctx.ref, body: { to: 'voting', override } });
            if (r.ok) setOffAgenda(false);
            ctx.reload();
            return r;
          }} />
      )}
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
      {surplusApplies(ctx.election.kind) && ctx.round.number === 1 && <MaxSurplusForm ctx={ctx} />}
      <h3>{t('console.elections.approveList')}</h3>
      <CountsForm attendance={ctx.attendance} submitLabel={t('console.elections.approveList')} disabledReason={reason}
        onSubmit={(counts) => thenReload(ctx.api.transition({ params: ctx.ref, body: { to: 'list-approved', ...counts } }), ctx.reload)} />
    </div>
  );
};

export const RoundStep = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const role = ctx.can(API.transition) ? null : t('console.needRole');
  const step = (to: 'counting' | 'published', reason: string | null) => (
    <StepButton label={t(`console.elections.step.${to}`)} disabledReason={role ?? reason} after={ctx.reload}
      what={t(`floor.confirm.${to}`, { title: ctx.election.title, round: ctx.round.number })} yes={t(`floor.confirm.${to}Yes`)}
      action={() => ctx.api.transition({ params: ctx.ref, body: { to } })} />
  );
  switch (ctx.round.status) {
    case 'draft':
      return <><BoardPicker ctx={ctx} /><DraftStep ctx={ctx} /></>;
    case 'list-approved':
      return <><BoardPicker ctx={ctx} /><VotingStep ctx={ctx} disabledReason={role ?? (ctx.election.countingBoardId === null ? t('console.elections.needBoard') : null)} /></>;
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
