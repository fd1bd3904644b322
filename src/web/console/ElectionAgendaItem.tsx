/**
 * The agenda item an election is held under: voting on it opens only while that item is current (without it, only
 * the chair's override with a reason opens voting). Items of kind 'election' are offered first; the others after,
 * since a congress may hold an election under another item. Saved as soon as it is chosen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, ElectionView, Session } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const ElectionAgendaItemField = ({ election, beforeVoting, sessions, onSave }: {
  readonly election: ElectionView;
  /** Voting has not been opened on the round yet: only then does "voting may be opened" mean anything. */
  readonly beforeVoting: boolean;
  readonly sessions: readonly Session[];
  readonly onSave: (agendaItemId: number | null) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const items = sessions.flatMap((s) => s.items.map((i) => ({ ...i, label: `${s.title} — ${i.title}` })));
  const electionItems = items.filter((i) => i.kind === 'election');
  const otherItems = items.filter((i) => i.kind !== 'election');
  const linked = items.find((i) => i.id === election.agendaItemId);
  const choose = async (value: string): Promise<void> => {
    setBusy(true);
    setSaved(false);
    const r = await onSave(value === '' ? null : Number(value));
    setBusy(false);
    setSaved(r.ok);
    setError(r.ok ? null : r.error);
  };
  return (
    <div className="field election-agenda-item" data-testid="election-agenda-item">
      <label>{t('console.elections.agendaItem.label')}
        <select value={election.agendaItemId === null ? '' : String(election.agendaItemId)} disabled={busy}
          onChange={(e) => void choose(e.target.value)}>
          <option value="">{t('console.elections.agendaItem.none')}</option>
          {electionItems.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
          {otherItems.length > 0 && (
            <optgroup label={t('console.elections.agendaItem.others')}>
              {otherItems.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
            </optgroup>
          )}
        </select>
      </label>
      {election.agendaItemId === null
        ? <p className="warning-text">{t(items.length === 0 ? 'console.elections.agendaItem.noItems' : 'console.elections.agendaItem.unlinked')}</p>
        : linked !== undefined && linked.status === 'current' && beforeVoting && <p className="ok-text">{t('console.elections.agendaItem.current')}</p>}
      {saved && <p role="status" className="ok-text">{t('prepare.form.saved')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};
