/**
 * The round's scan jobs as the server reports them, live: batch, status, how far the reading went,
 * ballots decided and pending; a failed job's reason and, for the board, discarding it to scan again; a job
 * in review opens the board's review queue.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanJobView } from '../../api/scan.ts';
import { formatInteger } from '../../locale/vi.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { formatProgress } from './scan-files.ts';

export interface ScanJobsProps {
  readonly jobs: readonly ScanJobView[];
  /** The counting board may review and discard; technicians only follow. */
  readonly board: boolean;
  readonly reviewing: number | null;
  readonly onReview: (jobId: number | null) => void;
  readonly onDiscard: (job: ScanJobView) => void;
}

export const ScanJobs = ({ jobs, board, reviewing, onReview, onDiscard }: ScanJobsProps) => {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="scan-jobs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('scan.jobs')}</h2>
      {jobs.length === 0 && <p className="muted">{t('scan.noJobs')}</p>}
      <ul className="scan-job-list">
        {jobs.map((j) => (
          <li key={j.id} className={`scan-job scan-${j.status}`} data-testid="scan-job" data-status={j.status}>
            <div className="row">
              <strong>{j.batchLabel}</strong>
              <span className={`badge scan-status-${j.status}`} data-testid="scan-status">{t(`scan.status.${j.status}`)}</span>
            </div>
            {(j.status === 'reading' || j.filesRead < j.files) && (
              <div className="scan-progress">
                <progress max={Math.max(j.files, 1)} value={j.filesRead} aria-label={t('scan.readProgress', { batch: j.batchLabel })} />
                <span>{t('scan.filesRead', { read: formatInteger(j.filesRead), files: formatInteger(j.files), sheets: formatInteger(j.sheetsRead), percent: formatProgress(j.filesRead, j.files) })}</span>
              </div>
            )}
            {j.status !== 'reading' && j.status !== 'failed' && (
              <p className="muted">{t('scan.counts', { ballots: formatInteger(j.ballots), decided: formatInteger(j.decided), review: formatInteger(j.review), pending: formatInteger(j.pending) })}</p>
            )}
            {j.error !== null && <ErrorMessage error={j.error} />}
            {board && (
              <div className="row-links">
                {j.status === 'review' && (
                  <button type="button" className="button" aria-expanded={reviewing === j.id} onClick={() => onReview(reviewing === j.id ? null : j.id)}>
                    {reviewing === j.id ? t('scan.closeReview') : t('scan.review', { n: formatInteger(j.pending) })}
                  </button>
                )}
                {(j.status === 'failed' || j.status === 'review') && (
                  <button type="button" className="button danger" onClick={() => onDiscard(j)}>{t('scan.discard')}</button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
