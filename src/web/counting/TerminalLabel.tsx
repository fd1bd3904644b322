/** This terminal's label for the room ("Máy 3"): read and set here, shown to the board beside each entry. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { terminal } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const TerminalLabel = ({ code }: { readonly code: string }) => {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const here = terminal();
  const [label, setLabel] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api.getTerminal({ params: { code, terminal: here } }).then((r) => {
      if (live && r.ok) {
        setLabel(r.value.label);
        // what the operator typed before the answer came stays
        setDraft((typed) => (typed === '' ? (r.value.label ?? '') : typed));
      }
    });
    return () => {
      live = false;
    };
  }, [api, code, here]);
  const save = async (): Promise<void> => {
    const r = await api.setTerminalLabel({ params: { code, terminal: here }, body: { label: draft.trim() } });
    setError(r.ok ? null : r.error);
    if (r.ok) setLabel(r.value.label);
  };
  return (
    <form className="terminal-label row" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <span data-testid="terminal-label">{label === null ? t('floor.terminals.unnamed', { id: here }) : t('floor.terminals.named', { label, id: here })}</span>
      <label className="field inline" htmlFor={`${id}-label`}>
        <span>{t('floor.terminals.label')}</span>
        <input id={`${id}-label`} value={draft} maxLength={40} placeholder={t('floor.terminals.placeholder')} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={draft.trim() === '' || draft.trim() === label}>{t('floor.terminals.save')}</button>
      {draft.trim() === '' && <span className="muted disabled-reason">{t('floor.terminals.needLabel')}</span>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
