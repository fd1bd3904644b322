/**
 * The entries of one batch as the counting board sees them: who types where and how far (never what). The board
 * takes an entry whose terminal failed over to this terminal, confirmed with a reason (audited as `entry-moved` in
 * the input log), and discards an entry that cannot stand (closed against a count that was wrong, a ballot skipped
 * so every later position is shifted), confirmed with a reason (`entry-discarded`, the entry stays in the log);
 * every other case says why the button is disabled.
 */
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/client.ts';
import { terminal } from '../api/client.ts';
import type { BatchView } from '../api/types.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';

export const EntryPlaces = ({ batch, board, me, onMove, onDiscard }: {
  readonly batch: BatchView;
  /** The caller is on the counting board (may move someone else's entry). */
  readonly board: boolean;
  /** The caller's user name: their own entry is taken over from the entry pad. */
  readonly me: string;
  readonly onMove: (operator: string, note: string) => Promise<ApiResult<unknown>>;
  readonly onDiscard: (operator: string, note: string) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const here = terminal();
  if (batch.entryPlaces.length === 0) return null;
  const why = (p: BatchView['entryPlaces'][number]): string | null => {
    if (p.closed) return t('floor.terminals.moveClosed');
    if (batch.status !== 'entering') return t('floor.terminals.moveNotEntering');
    if (p.terminal === here) return t('floor.terminals.moveHere');
    if (!board && p.operator !== me) return t('floor.terminals.moveNotBoard');
    return null;
  };
  const whyNotDiscard = !board ? t('floor.terminals.discardNotBoard') : batch.status === 'final' ? t('floor.terminals.discardFinal') : null;
  return (
    <section className="entry-places" aria-label={t('floor.terminals.places', { batch: batch.label })}>
      <h3>{t('floor.terminals.places', { batch: batch.label })}</h3>
      <ul>
        {batch.entryPlaces.map((p) => {
          const there = p.terminalLabel ?? p.terminal;
          return (
            <li key={p.operator} data-testid={`entry-place-${p.operator}`}>
              <span>{t('floor.terminals.place', { operator: p.operator, there, n: p.ballots, physical: batch.physicalCount })}</span>{' '}
              <span className={p.closed ? 'badge ok' : 'badge'}>{t(p.closed ? 'floor.terminals.placeClosed' : 'floor.terminals.placeOpen')}</span>{' '}
              <ConfirmButton label={t('floor.terminals.move')} disabledReason={why(p)}
                confirm={{ message: t('floor.terminals.moveWhat', { operator: p.operator, batch: batch.label, n: p.ballots, there }),
                  yes: t('floor.terminals.moveYes'), reasonLabel: t('floor.terminals.moveReason') }}
                onConfirm={(note) => onMove(p.operator, note)} />{' '}
              <ConfirmButton label={t('floor.terminals.discard')} disabledReason={whyNotDiscard}
                confirm={{ message: t('floor.terminals.discardWhat', { operator: p.operator, batch: batch.label, n: p.ballots }),
                  yes: t('floor.terminals.discardYes'), reasonLabel: t('floor.terminals.discardReason') }}
                onConfirm={(note) => onDiscard(p.operator, note)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
};
