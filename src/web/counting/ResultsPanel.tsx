/** The round's result from the final batches: votes in ballot order, the elected in vote order, what comes next. */
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../locale/vi.ts';
import { INVALID_REASON_LABELS, INVALID_REASONS, type ElectionCount } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { RoundResultView } from '../api/types.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';

export const ResultsPanel = ({ result, count, roundStatus, canFinish, canPublish, onFinish, onPublish }: {
  readonly result: RoundResultView;
  readonly count: ElectionCount | null;
  readonly roundStatus: string;
  readonly canFinish: boolean;
  readonly canPublish: boolean;
  readonly onFinish: () => Promise<ApiResult<unknown>>;
  readonly onPublish: () => Promise<ApiResult<unknown>>;
}) => {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const nameOf = new Map(count?.results.map((r) => [r.id, r.name]) ?? []);
  return (
    <section className="round-results" aria-labelledby="round-results-title">
      <h2 id="round-results-title">{result.complete ? t('counting.resultsFinal') : t('counting.resultsProvisional')}</h2>
      <p className={`next-step next-${result.next.type}`} role="status">{en ? result.next.message_en : result.next.message_vi}</p>
      {result.anomalies.map((a) => <p key={a.code} className="warning-text">{en ? a.message_en : a.message_vi}</p>)}
      {count !== null && (
        <>
          <p>{t('counting.ballotSummary', { total: formatInteger(count.ballots.total), valid: formatInteger(count.ballots.valid), invalid: formatInteger(count.ballots.invalid) })}</p>
          {count.ballots.invalid > 0 && (
            <ul className="invalid-reasons">
              {INVALID_REASONS.filter((r) => count.ballots.invalidByReason[r] > 0).map((r) => (
                <li key={r}>{en ? INVALID_REASON_LABELS[r].en : INVALID_REASON_LABELS[r].vi}: {formatInteger(count.ballots.invalidByReason[r])}</li>
              ))}
            </ul>
          )}
          <table className="results-table">
            <caption>{t('counting.votesCaption', { base: formatInteger(count.base), threshold: formatInteger(count.threshold) })}</caption>
            <thead><tr><th scope="col">{t('counting.row')}</th><th scope="col">{t('counting.name')}</th><th scope="col">{t('counting.votes')}</th><th scope="col">%</th></tr></thead>
            <tbody>
              {count.results.map((r, i) => (
                <tr key={r.id} className={count.elected.includes(r.id) ? 'elected' : ''}>
                  <td>{i + 1}</td><td>{r.name}</td><td>{formatInteger(r.votes)}</td><td>{formatPercent(r.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('counting.electedTitle', { n: count.elected.length })}</h3>
          <ol className="elected-list">{count.elected.map((id) => <li key={id}>{nameOf.get(id) ?? id}</li>)}</ol>
        </>
      )}
      {roundStatus === 'counting' && (
        <ConfirmButton label={t('counting.finish')} className="button primary" testId="finish-count"
          disabledReason={!canFinish ? t('floor.why.finishBoard') : !result.complete ? t('counting.publishBlocked') : null}
          confirm={{ message: t('floor.confirm.finish'), yes: t('floor.confirm.finishYes') }} onConfirm={onFinish} />
      )}
      {roundStatus === 'counted' && (
        <ConfirmButton label={t('counting.publish')} className="button primary" testId="publish"
          disabledReason={canPublish ? null : t('floor.why.publishChair')}
          confirm={{ message: t('floor.confirm.publishedShort'), yes: t('floor.confirm.publishedYes') }} onConfirm={onPublish} />
      )}
      {roundStatus === 'published' && <p className="ok-text">{t('counting.published')}</p>}
      {!result.complete && roundStatus !== 'counting' && <p className="muted">{t('counting.publishBlocked')}</p>}
    </section>
  );
};
