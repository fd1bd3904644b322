/** The congress's open settings (docs/rules.md [open] items) with their defaults; each is printed in the minutes. */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api, BodyInputOf } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, CongressView } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type Settings = CongressView['settings'];
const COUNT_KEYS = ['alternatesFromSameBallot', 'writeInInvalid', 'identifyingMarkInvalid', 'singleCandidateBothOrNoneInvalid', 'unstampedIsNotIssued'] as const;

export const SettingsForm = ({ settings, onSave, disabledReason }: {
  readonly settings: Settings;
  readonly onSave: (patch: BodyInputOf<Api['updateSettings']>) => Promise<ApiResult<unknown>>;
  readonly disabledReason: string | null;
}) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Settings>(settings);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onSave({ secretaryPoll: draft.secretaryPoll, directSecretaryElection: draft.directSecretaryElection,
      independentEntries: draft.independentEntries, quorum: draft.quorum, count: draft.count });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  const check = (key: 'secretaryPoll' | 'directSecretaryElection') => (
    <label className="check"><input type="checkbox" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} /> {t(`console.setup.s.${key}`)}</label>
  );
  return (
    <form className="form settings-form" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={disabledReason !== null}>
        <legend>{t('console.setup.congressSettings')}</legend>
        {check('secretaryPoll')}
        {check('directSecretaryElection')}
        <label className="field"><span>{t('console.setup.s.independentEntries')}</span>
          <select value={draft.independentEntries} onChange={(e) => setDraft({ ...draft, independentEntries: e.target.value === '3' ? 3 : 2 })}>
            <option value="2">2</option><option value="3">3</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={draft.quorum !== null}
          onChange={(e) => setDraft({ ...draft, quorum: e.target.checked ? { numerator: 2, denominator: 3 } : null })} /> {t('console.setup.s.quorum')}</label>
      </fieldset>
      <fieldset disabled={disabledReason !== null}>
        <legend>{t('console.setup.countSettings')}</legend>
        {COUNT_KEYS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={draft.count[k]} onChange={(e) => setDraft({ ...draft, count: { ...draft.count, [k]: e.target.checked } })} /> {t(`console.setup.s.${k}`)}
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorMessage error={error} />}
      {saved && <p role="status" className="ok-text">{t('console.setup.saved')}</p>}
      <button type="submit" className="button primary" disabled={disabledReason !== null}>{t('console.setup.save')}</button>
      {disabledReason !== null && <p className="muted">{disabledReason}</p>}
    </form>
  );
};
