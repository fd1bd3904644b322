/**
 * After a round is published: the next round when the result leaves a tie or unfilled seats (a new round among
 * the tied names for their seats, or among those not elected, or a fresh list, for the unfilled seats), and the
 * higher committee's approval (chuẩn y) with the reference of its decision. Each round is a new election with its
 * own ballots and minutes (docs/rules.md §6); the server refuses a new round before the last is published.
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort } from '../../locale/vi.ts';
import type { NewRoundBody } from '../../api/index.ts';
import { electionCountOf, nextRoundSeats, remainingOf, seatsToFill, type ElectionCount, type SeatPair } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, ElectionView, Round } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export type NextRoundStart = NewRoundBody['candidates'];

/**
 * What the next round starts from by default, from the rules core (`nextRoundSeats`): the tied for their seats
 * (a tie at the official cut also brings the alternate places its losers keep; a tie at the alternate cut alone
 * elects alternates only), or everyone not elected for every official and alternate seat left — never more than
 * the election still has to fill after all its published rounds, under the election's own count settings. Null
 * when nothing is left.
 */
export const nextRoundDefaults = (
  count: ElectionCount, round: Pick<Round, 'id' | 'seats' | 'alternateSeats'>, election: ElectionView,
): { readonly candidates: NextRoundStart; readonly seats: SeatPair } | null => {
  const { settings } = election;
  const remaining = remainingOf(count, { kind: election.kind, seats: round.seats, alternateSeats: round.alternateSeats, settings });
  // This round's count, and every other round's that the view shows.
  const others = election.rounds.filter((r) => r.id !== round.id).map((r) => electionCountOf(r.result));
  const counts = [count, ...others.filter((c): c is ElectionCount => c !== null)];
  const left = seatsToFill({ kind: election.kind, seats: election.seats, alternateSeats: election.alternateSeats, settings }, counts);
  const next = nextRoundSeats(remaining, left);
  return next === null ? null : { candidates: next.start, seats: next.seats };
};

const namesOf = (count: ElectionCount, ids: readonly string[]): string =>
  ids.map((id) => count.results.find((r) => r.id === id)?.name ?? id).join(', ');

/** What the last round leaves, in words: each tie with its names, or the seats unfilled. */
const useSituation = (count: ElectionCount, round: Round, election: ElectionView): string => {
  const { t } = useTranslation();
  const delegation = election.kind === 'delegates';
  const { official, alternate } = remainingOf(count, { kind: election.kind, seats: round.seats, alternateSeats: round.alternateSeats, settings: election.settings });
  if (!delegation) {
    if (official.tie !== null) return t('console.elections.next.tie', { seats: official.tie.seats, names: namesOf(count, official.tie.candidates) });
    return t('console.elections.next.shortfall', { n: official.seats });
  }
  const parts: string[] = [];
  if (official.tie !== null) parts.push(t('console.elections.next.officialTie', { seats: official.tie.seats, names: namesOf(count, official.tie.candidates) }));
  if (alternate.tie !== null) parts.push(t('console.elections.next.alternateTie', { seats: alternate.tie.seats, names: namesOf(count, alternate.tie.candidates) }));
  if (parts.length > 0) {
    parts.push(t('console.elections.next.revote'));
    if (official.tie !== null && alternate.tie !== null) parts.push(t('console.elections.next.bothTies'));
    return parts.join(' ');
  }
  if (official.seats + alternate.seats > 0) return t('console.elections.next.delegationShortfall', { official: official.seats, alternate: alternate.seats });
  const left = nextRoundDefaults(count, round, election)?.seats ?? { official: 0, alternate: 0 };
  return t('console.elections.next.electionLeft', { official: left.official, alternate: left.alternate });
};

export const NextRoundForm = ({ election, round, count, canSteer, onCreate }: {
  readonly election: ElectionView;
  readonly round: Round;
  readonly count: ElectionCount;
  readonly canSteer: boolean;
  readonly onCreate: (body: NewRoundBody) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const defaults = nextRoundDefaults(count, round, election);
  const delegation = election.kind === 'delegates';
  const [start, setStart] = useState<NextRoundStart>(defaults?.candidates ?? 'not-elected');
  const [seats, setSeats] = useState(String(defaults?.seats.official ?? 1));
  const [alternateSeats, setAlternateSeats] = useState(String(defaults?.seats.alternate ?? 0));
  const [error, setError] = useState<ApiError | null>(null);
  const situation = useSituation(count, round, election);
  if (defaults === null) return null;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onCreate({ seats: Number(seats), alternateSeats: delegation ? Number(alternateSeats) : 0, candidates: start });
    setError(r.ok ? null : r.error);
  };
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
      <label className="field"><span>{t(delegation ? 'console.elections.next.officialSeats' : 'console.elections.next.seats')}</span>
        <input type="number" min={delegation ? 0 : 1} value={seats} onChange={(e) => setSeats(e.target.value)} required /></label>
      {delegation && (
        <label className="field"><span>{t('console.elections.next.alternateSeats')}</span>
          <input type="number" min={0} value={alternateSeats} onChange={(e) => setAlternateSeats(e.target.value)} required /></label>
      )}
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
  readonly onApprove: (reference: string) => Promise<ApiResult<unknown>>;
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
  const submit = async (e: SubmitEvent): Promise<void> => {
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
      {!canSteer ? <p className="muted">{t('console.needRole')}</p>
        : reference.trim() === '' && <p className="muted">{t('console.elections.approval.needReference')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};

/** What follows a published round: approval, and a next round when seats remain. */
export const RoundFollowUp = ({ election, round, canSteer, onCreate, onApprove }: {
  readonly election: ElectionView;
  readonly round: Round;
  readonly canSteer: boolean;
  readonly onCreate: (body: NewRoundBody) => Promise<ApiResult<unknown>>;
  readonly onApprove: (reference: string) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const count = electionCountOf(round.result);
  return (
    <div className="round-follow-up">
      <p className="muted">{t(`console.elections.blocked.${round.status === 'approved' ? 'approved' : 'published'}`)}</p>
      <ApprovalForm election={election} round={round} canSteer={canSteer} onApprove={onApprove} />
      {count !== null && <NextRoundForm election={election} round={round} count={count} canSteer={canSteer} onCreate={onCreate} />}
    </div>
  );
};
