/**
 * The counting board's review queue of one scan job: every sheet the reader sent to the board, with its crop,
 * reasons and the decision form. When the last is decided the server enters the stack and the job says 'entered'.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountingContext } from '../../counting/index.ts';
import type { ScanJobView } from '../../api/scan.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { RoundRef } from '../api/refs.ts';
import { useApi } from '../app/api-context.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ScanSheetForm } from './ScanSheetForm.tsx';

export const ScanReview = ({ ctx, round, job, onDecided }: {
  readonly ctx: CountingContext;
  readonly round: RoundRef;
  readonly job: ScanJobView;
  readonly onDecided: () => void;
}) => {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const params = { ...round, job: job.id };
  const detail = useLiveResource(round.code, () => api.scanJob({ params }), ['scan']);
  const sheets = detail.data?.sheets ?? [];
  return (
    <section className="scan-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('scan.reviewTitle', { batch: job.batchLabel })}</h2>
      <p className="muted">{t('scan.reviewHelp', { pending: formatInteger(detail.data?.pending ?? job.pending) })}</p>
      {detail.error !== null && <ErrorMessage error={detail.error} />}
      {detail.data !== null && sheets.length === 0 && <p className="muted">{t('scan.allDecided')}</p>}
      {sheets.map((s) => (
        <ScanSheetForm key={`${s.position}-${s.decision === null ? 'open' : 'done'}`} ctx={ctx} sheet={s} onDecide={async (body) => {
          const r = await api.decideSheet({ params: { ...params, position: s.position }, body });
          if (r.ok) {
            detail.reload();
            onDecided();
          }
          return r;
        }} />
      ))}
    </section>
  );
};
