/**
 * A new congress, typed by the server administrator: the organisation and the one above it, the ordinal and the
 * term, the dates and the venue, a congress of delegates or of all members; optionally started as a copy of an
 * earlier congress (its settings, organisations, agenda and bodies — no people, no votes).
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCongressBody } from '../../api/index.ts';
import type { CongressView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { num, orNull, SelectField, Submit, TextField, useForm } from '../ui/form.tsx';

const EMPTY = {
  code: '', higherOrganisationName: '', organisationName: '', kind: 'delegates', ordinal: '', termStartYear: '', termEndYear: '',
  startDate: '', endDate: '', venue: '', place: '', copyFrom: '',
};
type CongressDraft = typeof EMPTY;

const toInput = (d: CongressDraft): unknown => ({
  code: d.code.trim(), higherOrganisationName: d.higherOrganisationName, organisationName: d.organisationName, kind: d.kind,
  ordinal: d.ordinal.trim().toUpperCase(), termStartYear: num(d.termStartYear), termEndYear: num(d.termEndYear),
  startDate: d.startDate, endDate: d.endDate, venue: d.venue, place: d.place,
  ...(orNull(d.copyFrom) === null ? {} : { copyFrom: d.copyFrom }),
});

export const CongressForm = ({ earlier, onCreated }: {
  readonly earlier: readonly CongressView[];
  readonly onCreated: (c: CongressView) => void;
}) => {
  const { t } = useTranslation();
  const api = useApi();
  const form = useForm(EMPTY, CreateCongressBody, toInput);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = {
    code: t('prepare.congress.code'), higherOrganisationName: t('prepare.congress.higher'), organisationName: t('prepare.congress.organisation'),
    kind: t('prepare.congress.kind'), ordinal: t('prepare.congress.ordinal'), termStartYear: t('prepare.congress.termStart'),
    termEndYear: t('prepare.congress.termEnd'), startDate: t('prepare.congress.startDate'), endDate: t('prepare.congress.endDate'),
    venue: t('prepare.congress.venue'), place: t('prepare.congress.place'), copyFrom: t('prepare.congress.copyFrom'),
  };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const body = form.checked.value;
    if (body === null || busy) return;
    setBusy(true);
    const r = await api.createCongress({ body });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else form.setServerError(r.error);
  };
  return (
    <form className="form prepare-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-congress" noValidate>
      <h2 id="new-congress">{t('prepare.congress.new')}</h2>
      <div className="form-grid">
        <TextField form={form} name="higherOrganisationName" label={labels['higherOrganisationName']!} hint={t('prepare.congress.higherHint')} />
        <TextField form={form} name="organisationName" label={labels['organisationName']!} hint={t('prepare.congress.organisationHint')} />
        <SelectField form={form} name="kind" label={labels['kind']!}
          options={[['delegates', t('prepare.congress.kinds.delegates')], ['members', t('prepare.congress.kinds.members')]]} />
        <TextField form={form} name="ordinal" label={labels['ordinal']!} hint={t('prepare.congress.ordinalHint')} />
        <TextField form={form} name="termStartYear" label={labels['termStartYear']!} type="number" />
        <TextField form={form} name="termEndYear" label={labels['termEndYear']!} type="number" />
        <TextField form={form} name="startDate" label={labels['startDate']!} type="date" />
        <TextField form={form} name="endDate" label={labels['endDate']!} type="date" />
        <TextField form={form} name="venue" label={labels['venue']!} hint={t('prepare.congress.venueHint')} />
        <TextField form={form} name="place" label={labels['place']!} hint={t('prepare.congress.placeHint')} />
        <TextField form={form} name="code" label={labels['code']!} hint={t('prepare.congress.codeHint')} />
        <SelectField form={form} name="copyFrom" label={labels['copyFrom']!}
          options={[['', t('prepare.congress.fromNothing')], ...earlier.map((c) => [c.code, `${c.organisationName} (${c.ordinal}, ${c.termStartYear}–${c.termEndYear})`] as const)]} />
      </div>
      {form.draft.copyFrom !== '' && <p className="muted">{t('prepare.congress.copyNote')}</p>}
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
      <Submit form={form} labels={labels} text={t('prepare.congress.create')} busy={busy} />
    </form>
  );
};
