/**
 * One operator's entry of one batch: open it from this terminal, type the ballots (EntryPad), take back the last,
 * close it when the running count reaches the physical count. Never shows another operator's entry.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountingContext } from '../../counting/index.ts';
import { terminal, type ApiResult } from '../api/client.ts';
import { batchRef, type RoundRef } from '../api/refs.ts';
import type { ApiError, BatchView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { EntryPad } from './EntryPad.tsx';

const requestId = (): string => `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export const BatchEntry = ({ ctx, round, batch, onChange }: {
  readonly ctx: CountingContext;
  readonly round: RoundRef;
  readonly batch: BatchView;
  readonly onChange: () => void;
}) => {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const params = batchRef(round, batch.id);
  const me = useMe();
  const viewed = batch.myEntry;
  // The count in the server's answer to this terminal's last ballot or undo, until the batch view moves on: the
  // next ballot's position comes from it even before the view is fetched again.
  const [answered, setAnswered] = useState<{ readonly batchId: BatchView['id']; readonly viewed: number; readonly ballots: number } | null>(null);
  const mine = viewed === null ? null : {
    ...viewed,
    ballots: answered !== null && answered.batchId === batch.id && answered.viewed === viewed.ballots ? answered.ballots : viewed.ballots,
  };
  const entered = mine?.ballots ?? 0;
  const username = me.principal.kind === 'user' ? me.principal.username : '';
  const place = batch.entryPlaces.find((p) => p.operator === username) ?? null;
  const here = terminal();
  // The entry is open at another terminal (that PC failed, or the operator moved): continue it here, confirmed.
  const elsewhere = place !== null && !place.closed && place.terminal !== here;
  // The operator's own lines, read back from the server (never another entry's).
  const [lines, setLines] = useState<ReadonlyArray<{ readonly position: number; readonly text: string }>>([]);
  useEffect(() => {
    if (mine === null) return;
    let live = true;
    void api.myBatch({ params: batchRef(round, batch.id) }).then((r) => {
      if (live && r.ok) setLines(r.value.myLines);
    });
    return () => {
      live = false;
    };
  }, [api, round.code, round.electionId, round.round, batch.id, entered, mine === null]);
  const done = <T,>(r: ApiResult<T>): ApiResult<T> => {
    onChange();
    return r;
  };
  const answer = <T,>(r: ApiResult<T>, view: BatchView | null): ApiResult<T> => {
    const entry = view?.myEntry ?? null;
    if (entry !== null && viewed !== null) setAnswered({ batchId: batch.id, viewed: viewed.ballots, ballots: entry.ballots });
    return done(r);
  };
  if (mine === null) {
    return (
      <div className="entry-pad">
        <p>{t('counting.noEntryYet', { batch: batch.label })}</p>
        <button type="button" className="button primary" disabled={batch.status !== 'entering'}
          onClick={() => void api.openEntry({ params, body: {} }).then((r) => {
            onChange();
            setError(r.ok ? null : r.error);
          })}>
          {t('counting.openEntry')}
        </button>
        {batch.status !== 'entering' && <p className="muted">{t('counting.batchNotEntering')}</p>}
        {error !== null && <ErrorMessage error={error} />}
      </div>
    );
  }
  if (elsewhere) {
    const there = place.terminalLabel ?? place.terminal;
    return (
      <div className="entry-pad" data-testid="entry-elsewhere">
        <p className="warning-text" role="status">{t('floor.terminals.elsewhere', { batch: batch.label, there, n: place.ballots })}</p>
        <ConfirmButton label={t('floor.terminals.takeOver')} className="button primary" testId="take-over"
          confirm={{ message: t('floor.terminals.takeOverWhat', { batch: batch.label, there, n: place.ballots }), yes: t('floor.terminals.takeOverYes'),
            reasonLabel: t('floor.terminals.takeOverReason') }}
          onConfirm={async (note) => done(await api.takeOverEntry({ params, body: { note } }))} />
      </div>
    );
  }
  return (
    <>
      <EntryPad ctx={ctx} batchLabel={batch.label} entered={mine.ballots} physicalCount={batch.physicalCount} closed={mine.closed}
        onEnter={async (text) => {
          const r = await api.enterBallot({ params, body: { position: mine.ballots + 1, text, requestId: requestId() } });
          return answer(r, r.ok ? r.value.batch : null);
        }}
        onUndo={async () => {
          const r = await api.undoBallot({ params, query: { position: mine.ballots } });
          return answer(r, r.ok ? r.value : null);
        }} />
      {!mine.closed && mine.ballots === batch.physicalCount && (
        <button type="button" className="button primary" onClick={() => void api.closeEntry({ params, body: { ballots: mine.ballots } }).then(done)}>
          {t('counting.closeEntry')}
        </button>
      )}
      {mine.closed && <p className="ok-text" role="status">{t('counting.entryClosed')}</p>}
      {lines.length > 0 && (
        <details className="my-lines">
          <summary>{t('counting.myLines', { n: lines.length })}</summary>
          <ol reversed>
            {[...lines].reverse().slice(0, 20).map((l) => <li key={l.position} value={l.position}><code>{l.text}</code></li>)}
          </ol>
        </details>
      )}
    </>
  );
};
