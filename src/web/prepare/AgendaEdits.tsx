/**
 * Editing the agenda in place: a session's title, kind and start (date and time), an item's title and kind; deleting
 * a session or an item while nothing happened under it (the server refuses otherwise; the button says why first).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaItemPatch, SessionPatch } from '../../api/index.ts';
import { formatDateLong, formatTime } from '../../locale/vi.ts';
import type { ApiResult } from '../api/client.ts';
import type { AgendaItem, ApiError, Session } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { SelectField, Submit, TextField, useForm, useSubmit } from '../ui/form.tsx';

const ITEM_KINDS: ReadonlyArray<AgendaItem['kind']> = ['opening', 'report', 'discussion', 'speech', 'vote', 'election', 'closing', 'other'];

/** "2025-07-15T07:30" typed in the browser's local time ↔ the ISO instant the API keeps. */
const localInput = (iso: string | null): string => {
  if (iso === null) return '';
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
const toIso = (local: string): string | null => {
  if (local.trim() === '') return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

export const sessionWhen = (s: Pick<Session, 'startsAt'>): string | null =>
  s.startsAt === null ? null : `${formatTime(new Date(s.startsAt))}, ${formatDateLong(s.startsAt.slice(0, 10))}`;

type SessionDraft = { readonly title: string; readonly kind: string; readonly startsAt: string };

export const SessionEditForm = ({ session, onSave, onDone }: {
  readonly session: Session;
  readonly onSave: (patch: SessionPatch) => Promise<ApiResult<unknown>>;
  readonly onDone: () => void;
}) => {
  const { t } = useTranslation();
  const initial: SessionDraft = { title: session.title, kind: session.kind, startsAt: localInput(session.startsAt) };
  // Only what changed is sent: an untouched form has nothing to save (the schema says so).
  const toInput = (d: SessionDraft): unknown => ({
    ...(d.title === session.title ? {} : { title: d.title }),
    ...(d.kind === session.kind ? {} : { kind: d.kind }),
    ...(toIso(d.startsAt) === session.startsAt ? {} : { startsAt: toIso(d.startsAt) }),
  });
  const form = useForm(initial, SessionPatch, toInput);
  const { busy, submit } = useSubmit(form, onSave, onDone);
  const labels = { title: t('prepare.agenda.sessionTitle'), kind: t('prepare.agenda.sessionKind'), startsAt: t('prepare.agenda.startsAt') };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)} noValidate aria-label={`${t('prepare.agenda.rename')} ${session.title}`}>
      <TextField form={form} name="title" label={labels.title} />
      <SelectField form={form} name="kind" label={labels.kind}
        options={(['preparatory', 'official'] as const).map((k) => [k, t(`console.setup.sessionKinds.${k}`)] as const)} />
      <TextField form={form} name="startsAt" label={labels.startsAt} type="datetime-local" />
      <Submit form={form} labels={labels} text={t('prepare.form.save')} busy={busy} />
      <button type="button" className="button subtle" onClick={onDone}>{t('prepare.form.cancel')}</button>
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
    </form>
  );
};

type ItemDraft = { readonly title: string; readonly kind: string };

export const ItemEditForm = ({ item, onSave, onDone }: {
  readonly item: AgendaItem;
  readonly onSave: (patch: AgendaItemPatch) => Promise<ApiResult<unknown>>;
  readonly onDone: () => void;
}) => {
  const { t } = useTranslation();
  const toInput = (d: ItemDraft): unknown => ({
    ...(d.title === item.title ? {} : { title: d.title }),
    ...(d.kind === item.kind ? {} : { kind: d.kind }),
  });
  const form = useForm({ title: item.title, kind: item.kind }, AgendaItemPatch, toInput);
  const { busy, submit } = useSubmit(form, onSave, onDone);
  const labels = { title: t('prepare.agenda.itemTitle'), kind: t('prepare.agenda.itemKind') };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)} noValidate>
      <TextField form={form} name="title" label={labels.title} />
      <SelectField form={form} name="kind" label={labels.kind} options={ITEM_KINDS.map((k) => [k, t(`console.setup.kinds.${k}`)] as const)} />
      <Submit form={form} labels={labels} text={t('prepare.form.save')} busy={busy} />
      <button type="button" className="button subtle" onClick={onDone}>{t('prepare.form.cancel')}</button>
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
    </form>
  );
};

/** A delete button that is disabled, with the reason shown, when the thing is not empty. */
export const DeleteButton = ({ label, text, busyReason, onDelete }: {
  readonly label: string;
  readonly text: string;
  readonly busyReason: string | null;
  readonly onDelete: () => Promise<ApiResult<unknown>>;
}) => {
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <button type="button" className="button subtle small" aria-label={label} disabled={busyReason !== null} title={busyReason ?? undefined}
        onClick={() => void onDelete().then((r) => setError(r.ok ? null : r.error))}>{text}</button>
      {busyReason !== null && <span className="muted small"> {busyReason}</span>}
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
};
