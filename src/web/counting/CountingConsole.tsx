/**
 * The counting console: pick the election being counted, open batches, enter ballots keyboard-first, rule on
 * the reconciliation queue side by side, see the result and what the congress must decide, finish the count
 * and publish.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type Endpoint } from '../../api/index.ts';
import { countingContext } from '../../counting/index.ts';
import { electionCountOf } from '../../rules/index.ts';
import { hrefOf, type ApiResult } from '../api/client.ts';
import { batchRef, roundRef } from '../api/refs.ts';
import type { ElectionView } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { thenReload } from '../app/then-reload.ts';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { BatchEntry } from './BatchEntry.tsx';
import { BatchList } from './BatchList.tsx';
import { BatchRecount } from './BatchRecount.tsx';
import { EntryPlaces } from './EntryPlaces.tsx';
import { HandCountForm } from './HandCount.tsx';
import { ReconciliationQueue } from './ReconciliationQueue.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { ScanSection } from './ScanSection.tsx';
import { currentRound, specOf } from './spec-of.ts';
import { TerminalLabel } from './TerminalLabel.tsx';

const LIVE = ['election', 'result', 'counting'] as const;

const CountingRound = ({ election }: { readonly election: ElectionView }) => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const round = currentRound(election);
  const ctx = useMemo(() => {
    if (round === null) return null;
    const spec = specOf(election, round, election.settings);
    if (spec === null) return null;
    const c = countingContext(spec);
    return c.ok ? c.value : null;
  }, [election, round]);
  const ref = roundRef(code, election, { number: round?.number ?? 1 });
  // The counting board opens batches, rules and finishes; board members and technicians enter ballots.
  const allowed = (e: Pick<Endpoint, 'access'>): boolean => can(me, e, { electionId: election.id });
  const board = allowed(API.reconciliation);
  const operator = allowed(API.openEntry);
  // `counting`: a batch changed at any terminal (an entry opened, typed, closed, moved): the board's list of entries,
  // its queue and the result follow without a reload.
  const batches = useLiveResource(code, () => api.listBatches({ params: ref }), LIVE);
  const queue = useLiveResource(code, () => (board ? api.reconciliation({ params: ref }) : Promise.resolve({ ok: true as const, value: [] })), LIVE);
  const result = useLiveResource(code, () => (board ? api.roundResult({ params: ref }) : Promise.resolve({ ok: true as const, value: null })), LIVE);
  const bodies = useLiveResource(code, () => api.listBodies({ params: { code } }), ['bodies']);
  const head = bodies.data?.find((b) => b.id === election.countingBoardId)?.members.find((m) => m.role === 'head')?.fullName ?? null;
  const [batchId, setBatchId] = useState<string | null>(null);
  const refresh = (): void => {
    batches.reload();
    queue.reload();
    result.reload();
  };
  const after = <T,>(p: Promise<ApiResult<T>>): Promise<ApiResult<T>> => thenReload(p, refresh);

  if (ctx === null) return <p className="muted">{t('counting.noSpec')}</p>;
  if (batches.error?.code === 'not-found') return <p className="warning-text" role="status">{t('counting.noBatchRoutes')}</p>;
  const batch = batches.data?.find((b) => b.id === batchId) ?? null;
  const r = result.data;
  const spec = specOf(election, round ?? election.rounds[0]!, election.settings);
  // A congress that counts by hand: the board enters the totals of its paper minutes while no batch exists.
  const byHand = round?.status === 'counting' && batches.data?.length === 0 && allowed(API.handCount) && spec !== null;
  return (
    <div className="counting-grid">
      {byHand && (
        <HandCountForm spec={spec} collected={round.ballotsCollected ?? null} head={head}
          onSend={(totals) => after(api.handCount({ params: ref, body: { ...totals, invalidByReason: totals.invalidByReason, votes: [...totals.votes] } }))} />
      )}
      {round?.countedBy === 'hand' && <p className="ok-text" role="status">{t('counting.hand.counted')}</p>}
      <div className="counting-entry">
        <BatchList batches={batches.data ?? []} selected={batchId} onSelect={setBatchId} canOpen={allowed(API.createBatch)}
          onOpen={(label, physicalCount) => after(api.createBatch({ params: ref, body: { label, physicalCount } }))} />
        {batch !== null && operator && (
          <EntryPlaces batch={batch} board={board} me={me.principal.kind === 'user' ? me.principal.username : ''}
            onMove={(operatorName, note) => after(api.takeOverEntry({ params: batchRef(ref, batch.id), body: { operator: operatorName, note } }))}
            onDiscard={(operatorName, note) => after(api.discardEntry({ params: batchRef(ref, batch.id), body: { operator: operatorName, note } }))} />
        )}
        {batch !== null && round?.status === 'counting' && allowed(API.recountBatch) && (
          <BatchRecount key={`recount-${batch.id}`} batch={batch}
            onRecount={(physicalCount, note) => after(api.recountBatch({ params: batchRef(ref, batch.id), body: { physicalCount, note } }))} />
        )}
        {batch !== null && operator && <BatchEntry key={batch.id} ctx={ctx} round={ref} batch={batch} onChange={refresh} />}
        {operator && <ScanSection ctx={ctx} round={ref} batch={batch} board={board} onChange={refresh} />}
        {batches.error !== null && <ErrorMessage error={batches.error} />}
        {allowed(API.inputLog) && (
          <p className="row-links">
            {t('counting.inputLog')}:{' '}
            <a href={hrefOf(API.inputLog, ref, { format: 'text' })}>{t('counting.logText')}</a>
            {' · '}
            <a href={hrefOf(API.inputLog, ref, { format: 'csv' })}>CSV</a>
          </p>
        )}
      </div>
      {board && (
        <ReconciliationQueue ctx={ctx} batches={queue.data ?? []}
          onRule={(b, position, text, reason, note) => after(api.rule({ params: batchRef(ref, b), body: { position, text, reason, note } }))} />
      )}
      {r !== null && (
        <ResultsPanel result={r} count={electionCountOf(r.count)} roundStatus={round?.status ?? 'counting'} canFinish={allowed(API.finishCounting)}
          canPublish={allowed(API.transition)}
          onFinish={() => after(api.finishCounting({ params: ref }))}
          onPublish={() => after(api.transition({ params: ref, body: { to: 'published' } }))} />
      )}
    </div>
  );
};

const CountingConsole = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress } = useMe();
  const elections = useLiveResource(congress, () => api.listElections({ params: { code: congress } }), ['election', 'result']);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = elections.data ?? [];
  const counting = list.filter((e) => {
    const s = currentRound(e)?.status;
    return s === 'counting' || s === 'counted';
  });
  const election = list.find((e) => e.id === chosen) ?? counting[0] ?? null;
  return (
    <div className="counting">
      <div className="row">
        <h1>{t('screens.counting')}</h1>
        <label className="field inline">
          <span>{t('counting.election')}</span>
          <select value={election?.id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {election === null && <option value="">—</option>}
            {list.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
          </select>
        </label>
      </div>
      <TerminalLabel code={congress} />
      {elections.error !== null && <ErrorMessage error={elections.error} />}
      {election === null ? <p className="muted">{t('counting.nothingToCount')}</p> : <CountingRound key={election.id} election={election} />}
    </div>
  );
};

export default CountingConsole;
