/**
 * Scanning in the counting console: the upload panel for the selected batch, the round's scan jobs
 * followed live (event kind `scan`), and for the counting board the review queue of a job in review.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountingContext } from '../../counting/index.ts';
import type { ScanJobView } from '../../api/scan.ts';
import { batchRef, type RoundRef } from '../api/refs.ts';
import type { ApiError, BatchView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ScanJobs } from './ScanJobs.tsx';
import { ScanPanel } from './ScanPanel.tsx';
import { ScanReview } from './ScanReview.tsx';
import { stackForm } from './scan-files.ts';

export const ScanSection = ({ ctx, round, batch, board, onChange }: {
  readonly ctx: CountingContext;
  readonly round: RoundRef;
  readonly batch: BatchView | null;
  readonly board: boolean;
  /** Something the batches show changed (a stack entered or discarded). */
  readonly onChange: () => void;
}) => {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useLiveResource(round.code, () => api.scanJobs({ params: round }), ['scan']);
  const [reviewing, setReviewing] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // A stack entered in the background (nothing for the board to decide) changes its batch: refresh the batches.
  const entered = useRef<ReadonlySet<number> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (jobs.data === null) return;
    const now = new Set(jobs.data.filter((j) => j.status === 'entered').map((j) => j.id));
    const before = entered.current;
    entered.current = now;
    if (before !== null && [...now].some((id) => !before.has(id))) onChangeRef.current();
  }, [jobs.data]);

  const discard = async (job: ScanJobView): Promise<void> => {
    if (!window.confirm(t('scan.discardConfirm', { batch: job.batchLabel }))) return;
    const r = await api.discardScan({ params: { ...round, job: job.id } });
    setError(r.ok ? null : r.error);
    if (r.ok && reviewing === job.id) setReviewing(null);
    jobs.reload();
    onChange();
  };

  // A server without the scanning routes: say so once, quietly.
  if (jobs.error?.code === 'not-found' || jobs.error?.code === 'http.404') return <p className="muted">{t('scan.noRoutes')}</p>;
  const list = jobs.data ?? [];
  const inReview = list.find((j) => j.id === reviewing && j.status === 'review') ?? null;
  return (
    <div className="scan">
      {batch !== null && (
        <ScanPanel key={batch.id} batch={batch} existing={list.find((j) => String(j.batch) === batch.id) ?? null} onUpload={async (files, progress) => {
          const r = await api.uploadScan({ params: batchRef(round, batch.id), form: stackForm(files), onProgress: progress });
          jobs.reload();
          return r;
        }} onCheckShot={(shot) => api.checkShot({ params: round, form: stackForm([shot]) })} />
      )}
      <ScanJobs jobs={list} board={board} reviewing={inReview?.id ?? null} onReview={setReviewing} onDiscard={(j) => void discard(j)} />
      {jobs.error !== null && <ErrorMessage error={jobs.error} />}
      {error !== null && <ErrorMessage error={error} />}
      {board && inReview !== null && (
        <ScanReview key={inReview.id} ctx={ctx} round={round} job={inReview} onDecided={() => {
          jobs.reload();
          onChange();
        }} />
      )}
    </div>
  );
};
