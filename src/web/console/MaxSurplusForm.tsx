/**
 * The congress sets the maximum surplus (số dư tối đa) of an election by show of hands, never above what the rules
 * allow for its seats (RULES.md: 30% of the seats, at most 1 for 3–5). Recorded as a vote with its counts; the list's
 * surplus is then checked against it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { formatInteger } from '../../locale/vi.ts';
import { lawfulMaxSurplus } from '../../rules/index.ts';
import { electionRef } from '../api/refs.ts';
import { thenReload } from '../app/then-reload.ts';
import { CountsForm } from '../ui/CountsForm.tsx';
import type { ElectionContext } from './election-context.ts';

export const MaxSurplusForm = ({ ctx }: { readonly ctx: ElectionContext }) => {
  const { t } = useTranslation();
  const id = useId();
  const [max, setMax] = useState('');
  const lawful = lawfulMaxSurplus(ctx.election.seats);
  const typedMax = /^\s*\d+\s*$/u.test(max);
  const extraReason = !typedMax ? t('console.elections.maxSurplus.type')
    : Number(max) > lawful ? t('console.elections.maxSurplus.overLawful', { lawful: formatInteger(lawful), seats: formatInteger(ctx.election.seats) }) : null;
  return (
    <section className="max-surplus" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('console.elections.maxSurplus.title')}</h3>
      <p className="muted" data-testid="max-surplus-now">
        {ctx.election.maxSurplus === null ? t('console.elections.maxSurplus.notSet')
          : t('console.elections.maxSurplus.now', { n: formatInteger(ctx.election.maxSurplus) })}
      </p>
      <CountsForm attendance={ctx.attendance} submitLabel={t('console.elections.maxSurplus.submit')}
        disabledReason={ctx.can(API.setMaxSurplus) ? null : t('console.needRole')} extraReason={extraReason}
        onSubmit={(counts) => thenReload(ctx.api.setMaxSurplus({ params: electionRef(ctx.ref.code, ctx.election), body: { maxSurplus: Number(max), ...counts } }), ctx.reload)}>
        <label className="field" htmlFor={`${id}-max`}>{t('console.elections.maxSurplus.field', { lawful: formatInteger(lawful) })}</label>
        <input id={`${id}-max`} type="number" min={0} max={lawful} value={max} onChange={(e) => setMax(e.target.value)} required />
      </CountsForm>
    </section>
  );
};
