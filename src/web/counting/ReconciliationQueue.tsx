/**
 * Disagreements between the independent entries, batch by batch: where in the stack, what each entry says, the
 * rows that differ. The board looks at the paper ballot and records its ruling (the ballot as it really is, in
 * the entry syntax, with a reason code).
 */
import { useTranslation } from 'react-i18next';
import { RULING_REASON_LABELS, type CountingContext, type RulingReason } from '../../counting/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { DisagreementView, ReconciliationView } from '../api/types.ts';
import { RulingForm } from './RulingForm.tsx';

export type RuleHandler = (batchId: string, position: number, text: string, reason: RulingReason, note: string) => Promise<ApiResult<unknown>>;

const DisagreementItem = ({ ctx, batchId, d, onRule }: {
  readonly ctx: CountingContext;
  readonly batchId: string;
  readonly d: DisagreementView;
  readonly onRule: RuleHandler;
}) => {
  const { t, i18n } = useTranslation();
  const rows = d.difference.rowsShown.map((r) => `${r.row}. ${r.name}`);
  return (
    <li className={`disagreement ${d.ruling === null ? 'open' : 'ruled'}`} data-testid="disagreement">
      <p className="disagreement-title">{t('counting.position', { n: d.position })}</p>
      <ul className="entries">
        {d.entries.map((e, i) => (
          <li key={`${e.operator}-${i}`}><span className="muted">{e.operator} ({e.terminal})</span> <code>{e.text}</code></li>
        ))}
      </ul>
      {rows.length > 0 && <p>{t('counting.differingRows', { rows: rows.join(', ') })}</p>}
      {d.difference.flags.length > 0 && <p>{t('counting.differingFlags', { flags: d.difference.flags.join(', ') })}</p>}
      {d.ruling === null
        ? <RulingForm ctx={ctx} onRule={(text, reason, note) => onRule(batchId, d.position, text, reason, note)} />
        : <p className="ruling">{t('counting.ruled', { by: d.ruling.by, reason: i18n.language === 'en' ? RULING_REASON_LABELS[d.ruling.reason].en : RULING_REASON_LABELS[d.ruling.reason].vi })} <code>{d.ruling.text}</code></p>}
    </li>
  );
};

export const ReconciliationQueue = ({ ctx, batches, onRule }: {
  readonly ctx: CountingContext;
  readonly batches: readonly ReconciliationView[];
  readonly onRule: RuleHandler;
}) => {
  const { t } = useTranslation();
  const open = batches.reduce((s, b) => s + b.unruled, 0);
  return (
    <section className="reconciliation" aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title">{t('counting.queueTitle', { open })}</h2>
      {batches.length === 0 && <p className="muted">{t('counting.queueEmpty')}</p>}
      {batches.map((b) => (
        <article key={b.batchId} className="reconciliation-batch">
          <h3>{b.label} · {b.final ? t('counting.batchFinal') : t('counting.batchUnruled', { n: b.unruled })}</h3>
          {!b.totalsAgree && !b.final && <p className="warning-text">{t('counting.totalsDiffer')}</p>}
          {!b.totalsAgree && b.final && <p className="ok-text">{t('floor.counting.totalsRuled')}</p>}
          <ol className="disagreements">
            {b.disagreements.map((d) => <DisagreementItem key={d.position} ctx={ctx} batchId={b.batchId} d={d} onRule={onRule} />)}
          </ol>
        </article>
      ))}
    </section>
  );
};
