/**
 * After a round is published: the next round when the result leaves a tie or unfilled seats (a new round among
 * the tied names for their seats, or among those not elected, or a fresh list, for the unfilled seats), and the
 * higher committee's approval (chuẩn y) with the reference of its decision. Each round is a new election with its
 * own ballots and minutes (RULES.md §6); the server refuses a new round before the last is published.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort } from '../../locale/vi.ts';
import type { ElectionCount } from '../../rules/index.ts';
import type { ApiResult, NewRoundRequest } from '../api/client.ts';
import { electionCountOf } from '../api/counting-schemas.ts';
import type { ApiError, ElectionView, Round } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export type NextRoundStart = NewRoundRequest['candidates'];

/** What the next round starts from by default: the tied for their seats, or everyone not elected for the unfilled seats. */
export const nextRoundDefaults = (count: ElectionCount): { readonly candidates: NextRoundStart; readonly seats: number } | null => {
  if (count.outcome === 'tie' && count.tie !== null) return { candidates: 'tied', seats: count.tie.seats };
  if (count.outcome === 'shortfall' && count.unfilledSeats > 0) return { candidates: 'not-elected', seats: count.unfilledSeats };
  return null;
};

const namesOf = (count: ElectionCount, ids: readonly string[]): string =>
  ids.map((id) => count.results.find((r) => r.id === id)?.name ?? id).join(', ');

export const NextRoundForm = ({ round, count, canSteer, onCreate }: {
  readonly round: Round;
  readonly count: ElectionCount;
  readonly canSteer: boolean;
  readonly onCreate: (body: NewRoundRequest) => Promise<ApiResult<true>>;
}) => {
  const { t } = useTranslation();
  const defaults = nextRoundDefaults(count);
  const [start, setStart] = useState<NextRoundStart>(defaults?.candidates ?? 'not-elected');
  const [seats, setSeats] = useState(String(defaults?.seats ?? 1));
  const [error, setError] = useState<ApiError | null>(null);
  if (defaults === null) return null;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await onCreate({ seats: Number(seats), alternateSeats: 0, candidates: start });
    setError(r.ok ? null : r.error);
  };
  const situation = count.outcome === 'tie'
    ? t('console.elections.next.tie', { seats: count.tie?.seats ?? 0, names: namesOf(count, count.tie?.candidates ?? []) })
    : t('console.elections.next.shortfall', { n: count.unfilledSeats });
  return (
    <form className="form next-round" onSubmit={(e) => void submit(e)} aria-labelledby={`next-round-${round.id}`}>
      <h3 id={`next-round-${round.id}`}>{t('console.elections.next.title', { round: round.number + 1 })}</h3>
      <p className="warning-text" data-testid="next-round-situation">{situation}</p>
      <fieldset>
        <legend>{t('console.elections.next.startFrom')}</legend>
        {(['tied', 'not-elected', 'none'] as const).filter((c) => c !== 'tied' || count.tie !== null).map((c) => (
          <label key={c} className="check">
            <input type="radio" name={`next-start-${round.id}`} value={c} checked={start === c} onChange={() => setStart(c)} />
            {t(`console.elections.next.start.${c}`)}
          </label>
        ))}
      </fieldset>
      <label className="field"><span>{t('console.elections.next.seats')}</span>
        <input type="number" min={1} value={seats} onChange={(e) => setSeats(e.target.value)} required /></label>
      <p className="muted">{t('console.elections.next.note')}</p>
      <button type="submit" className="button primary" disabled={!canSteer}>{t('console.elections.next.create', { round: round.number + 1 })}</button>
      {!canSteer && <p className="muted">{t('console.needRole')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};

export const ApprovalForm = ({ election, round, canSteer, onApprove }: {
  readonly election: ElectionView;
  readonly round: Round;
  readonly canSteer: boolean;
  readonly onApprove: (reference: string) => Promise<ApiResult<true>>;
}) => {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  if (round.status === 'approved') {
    return (
      <p className="ok-text" data-testid="approval">
        {t('console.elections.approval.done', {
          reference: election.approvalReference ?? '—',
          date: election.approvedAt === null ? '—' : formatDateShort(election.approvedAt),
        })}
      </p>
    );
  }
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await onApprove(reference.trim());
    setError(r.ok ? null : r.error);
  };
  return (
    <form className="form inline approval" onSubmit={(e) => void submit(e)}>
      <label className="field"><span>{t('console.elections.approval.reference')}</span>
        <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} required
          placeholder={t('console.elections.approval.placeholder')} /></label>
      <button type="submit" className="button" disabled={!canSteer || reference.trim() === ''}>{t('console.elections.approval.submit')}</button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};

/** What follows a published round: approval, and a next round when seats remain. */
export const RoundFollowUp = ({ election, round, canSteer, onCreate, onApprove }: {
  readonly election: ElectionView;
  readonly round: Round;
  readonly canSteer: boolean;
  readonly onCreate: (body: NewRoundRequest) => Promise<ApiResult<true>>;
  readonly onApprove: (reference: string) => Promise<ApiResult<true>>;
}) => {
  const { t } = useTranslation();
  const count = electionCountOf(round.result);
  return (
    <div className="round-follow-up">
      <p className="muted">{t(`console.elections.blocked.${round.status === 'approved' ? 'approved' : 'published'}`)}</p>
      <ApprovalForm election={election} round={round} canSteer={canSteer} onApprove={onApprove} />
      {count !== null && <NextRoundForm round={round} count={count} canSteer={canSteer} onCreate={onCreate} />}
    </div>
  );
};
