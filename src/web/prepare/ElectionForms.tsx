/**
 * An election created by kind (every kind of the rules core), with its seats; then its title, seats and the count
 * settings in force for it — every [open] setting the rules core names (describeCountSettings, src/rules) — changed
 * until the list is approved, and shown read-only after.
 */
import { useTranslation } from 'react-i18next';
import { CreateElectionBody, ElectionPatch } from '../../api/index.ts';
import { COUNT_SETTINGS_OF_KIND, describeCountSettings, ELECTION_KINDS, type CountSettings, type ElectionKind } from '../../rules/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ElectionView } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { CheckField, num, Submit, TextField, useForm, useSubmit } from '../ui/form.tsx';

type Kind = ElectionView['kind'];
/** Elections of one person. */
const ONE_SEAT: readonly Kind[] = ['secretary', 'deputy-secretary', 'inspection-chair'];
/** Polls have no seats to fill. */
const NO_SEATS: readonly Kind[] = ['opinion-poll', 'secretary-poll'];

type NewDraft = { readonly kind: string; readonly title: string; readonly seats: string; readonly alternateSeats: string };

export const NewElectionForm = ({ onCreate }: { readonly onCreate: (body: CreateElectionBody) => Promise<ApiResult<unknown>> }) => {
  const { t } = useTranslation();
  const initial: NewDraft = { kind: 'committee', title: t('prepare.elections.kinds.committee'), seats: '', alternateSeats: '0' };
  const toInput = (d: NewDraft): unknown => ({
    kind: d.kind, title: d.title, seats: num(d.seats), alternateSeats: d.kind === 'delegates' ? num(d.alternateSeats) : 0,
  });
  const form = useForm(initial, CreateElectionBody, toInput);
  const { busy, submit } = useSubmit(form, onCreate, () => form.replace(initial));
  const labels = { kind: t('prepare.elections.kind'), title: t('prepare.elections.title'), seats: t('prepare.elections.seats'), alternateSeats: t('prepare.elections.alternateSeats') };
  const choose = (kind: string): void => {
    const k = kind as Kind;
    form.replace({ ...form.draft, kind, title: t(`prepare.elections.kinds.${k}`),
      seats: ONE_SEAT.includes(k) ? '1' : NO_SEATS.includes(k) ? '0' : form.draft.seats, alternateSeats: k === 'delegates' ? form.draft.alternateSeats : '0' });
  };
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-election">
      <h2 id="new-election">{t('prepare.elections.new')}</h2>
      <div className="form-grid">
        <label className="field">{labels.kind}
          <select value={form.draft.kind} onChange={(e) => choose(e.target.value)}>
            {ELECTION_KINDS.map((k) => <option key={k} value={k}>{t(`prepare.elections.kinds.${k}`)}</option>)}
          </select>
        </label>
        <TextField form={form} name="title" label={labels.title} />
        <TextField form={form} name="seats" label={labels.seats} type="number" />
        {form.draft.kind === 'delegates' && <TextField form={form} name="alternateSeats" label={labels.alternateSeats} type="number" />}
      </div>
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
      <Submit form={form} labels={labels} text={t('prepare.elections.create')} busy={busy} />
    </form>
  );
};

type SettingsDraft = Readonly<Record<string, string | boolean>>;

/** The lines of the count settings of the election's kind in the reader's language, from the rules core's one description. */
const settingLines = (s: CountSettings, kind: ElectionKind, english: boolean) =>
  describeCountSettings(s, COUNT_SETTINGS_OF_KIND[kind]).map((l) => ({ key: l.key as keyof CountSettings, label: english ? l.label_en : l.label_vi, value: english ? l.value_en : l.value_vi }));

export const ElectionSettingsForm = ({ election, onSave }: {
  readonly election: ElectionView;
  readonly onSave: (patch: ElectionPatch) => Promise<ApiResult<unknown>>;
}) => {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const editable = election.rounds.length === 1 && election.rounds[0]?.status === 'draft';
  const lines = settingLines(election.settings, election.kind, english);
  const initial: SettingsDraft = {
    title: election.title, seats: String(election.seats), alternateSeats: String(election.alternateSeats),
    ...Object.fromEntries(lines.map((l) => [l.key, election.settings[l.key]])),
  };
  const toInput = (d: SettingsDraft): unknown => {
    const seats = num(d['seats']);
    const alternateSeats = num(d['alternateSeats']);
    const changed = Object.fromEntries(lines.filter((l) => d[l.key] !== election.settings[l.key]).map((l) => [l.key, d[l.key]]));
    return {
      ...(d['title'] === election.title ? {} : { title: d['title'] }),
      ...(seats === election.seats ? {} : { seats }),
      ...(alternateSeats === election.alternateSeats ? {} : { alternateSeats }),
      ...(Object.keys(changed).length === 0 ? {} : { settings: changed }),
    };
  };
  const form = useForm(initial, ElectionPatch, toInput);
  const { busy, saved, submit } = useSubmit(form, onSave);
  const labels: Record<string, string> = {
    title: t('prepare.elections.title'), seats: t('prepare.elections.seats'), alternateSeats: t('prepare.elections.alternateSeats'),
    ...Object.fromEntries(lines.map((l) => [l.key, l.label])),
  };
  if (!editable) {
    return (
      <details className="election-settings" data-testid="election-settings-frozen">
        <summary>{t('prepare.elections.settings')}</summary>
        <p className="muted">{t('prepare.elections.frozen')}</p>
        <dl>
          <dt>{labels['seats']}</dt><dd>{election.seats}</dd>
          {election.kind === 'delegates' && <><dt>{labels['alternateSeats']}</dt><dd>{election.alternateSeats}</dd></>}
          {lines.map((l) => <div key={l.key}><dt>{l.label}</dt><dd>{l.value}</dd></div>)}
        </dl>
      </details>
    );
  }
  return (
    <details className="election-settings">
      <summary>{t('prepare.elections.settings')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={`${t('prepare.elections.settings')} — ${election.title}`}>
        <div className="form-grid">
          <TextField form={form} name="title" label={labels['title']!} />
          <TextField form={form} name="seats" label={labels['seats']!} type="number" />
          {election.kind === 'delegates' && <TextField form={form} name="alternateSeats" label={labels['alternateSeats']!} type="number" />}
        </div>
        <fieldset>
          {lines.map((l) => <CheckField key={l.key} form={form} name={l.key} label={l.label} />)}
        </fieldset>
        {form.generalError !== null && <ErrorMessage error={form.generalError} />}
        <Submit form={form} labels={labels} text={t('prepare.elections.save')} busy={busy} />
        {saved && <p role="status" className="ok-text">{t('prepare.form.saved')}</p>}
      </form>
    </details>
  );
};
