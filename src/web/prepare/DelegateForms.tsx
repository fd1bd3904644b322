/**
 * One delegate by hand: a new one, any field edited, the status (summoned; not summoned, absent for the whole
 * congress … with the reason; replaced by an alternate chosen from the list), the card reissued or revoked and
 * printed. Each form is checked as you type with the API's schema (src/api/delegates.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API, CreateDelegateBody, DELEGATE_STATUSES, DelegateStatusBody, UpdateDelegateBody,
} from '../../api/index.ts';
import { hrefOf, type ApiResult } from '../api/client.ts';
import type { ApiError, DelegateView, Organisation } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { CheckField, num, orNull, SelectField, Submit, TextField, useForm, useSubmit, type Form } from '../ui/form.tsx';

const FIELDS = ['code', 'fullName', 'gender', 'birthDate', 'ethnicity', 'education', 'politicalTheory', 'partyJoinDate', 'position',
  'organisationId', 'category', 'standing', 'isConveningMember', 'seat'] as const;
type DelegateDraft = {
  readonly code: string; readonly fullName: string; readonly gender: string; readonly birthDate: string; readonly ethnicity: string;
  readonly education: string; readonly politicalTheory: string; readonly partyJoinDate: string; readonly position: string;
  readonly organisationId: string; readonly category: string; readonly standing: string; readonly isConveningMember: boolean; readonly seat: string;
};

const NEW: DelegateDraft = {
  code: '', fullName: '', gender: 'male', birthDate: '', ethnicity: 'Kinh', education: '', politicalTheory: '', partyJoinDate: '',
  position: '', organisationId: '', category: 'elected', standing: 'official', isConveningMember: false, seat: '',
};

const draftOf = (d: DelegateView): DelegateDraft => ({
  code: d.code, fullName: d.fullName, gender: d.gender, birthDate: d.birthDate ?? '', ethnicity: d.ethnicity, education: d.education ?? '',
  politicalTheory: d.politicalTheory ?? '', partyJoinDate: d.partyJoinDate ?? '', position: d.position ?? '',
  organisationId: d.organisationId === null ? '' : String(d.organisationId), category: d.category, standing: d.standing,
  isConveningMember: d.isConveningMember, seat: d.seat ?? '',
});

/** The draft as the API's body: empty optional fields are null, the organisation a number. */
const bodyOf = (d: DelegateDraft): Record<string, unknown> => ({
  code: d.code.trim(), fullName: d.fullName, gender: d.gender, birthDate: orNull(d.birthDate), ethnicity: d.ethnicity,
  education: orNull(d.education), politicalTheory: orNull(d.politicalTheory), partyJoinDate: orNull(d.partyJoinDate),
  position: orNull(d.position), organisationId: orNull(d.organisationId) === null ? null : num(d.organisationId), category: d.category,
  standing: d.standing, isConveningMember: d.isConveningMember, seat: orNull(d.seat),
});

const useLabels = (): Record<string, string> => {
  const { t } = useTranslation();
  const key = (f: (typeof FIELDS)[number]) => (f === 'isConveningMember' ? 'convening' : f === 'organisationId' ? 'organisation' : f);
  return Object.fromEntries(FIELDS.map((f) => [f, t(`prepare.delegates.${key(f)}`)]));
};

const DelegateFields = ({ form, organisations, labels }: {
  readonly form: Form<DelegateDraft, unknown>;
  readonly organisations: readonly Organisation[];
  readonly labels: Record<string, string>;
}) => {
  const { t } = useTranslation();
  const current = form.draft.organisationId;
  const orgs = organisations.filter((o) => o.active || String(o.id) === current);
  return (
    <div className="form-grid">
      <TextField form={form} name="code" label={labels['code']!} hint={t('prepare.delegates.codeHint')} />
      <TextField form={form} name="fullName" label={labels['fullName']!} />
      <SelectField form={form} name="gender" label={labels['gender']!} options={[['male', t('prepare.delegates.genders.male')], ['female', t('prepare.delegates.genders.female')]]} />
      <TextField form={form} name="birthDate" label={labels['birthDate']!} type="date" />
      <TextField form={form} name="ethnicity" label={labels['ethnicity']!} />
      <TextField form={form} name="education" label={labels['education']!} />
      <TextField form={form} name="politicalTheory" label={labels['politicalTheory']!} />
      <TextField form={form} name="partyJoinDate" label={labels['partyJoinDate']!} type="date" />
      <TextField form={form} name="position" label={labels['position']!} />
      <SelectField form={form} name="organisationId" label={labels['organisationId']!}
        options={[['', t('prepare.delegates.noOrganisation')], ...orgs.map((o) => [String(o.id), o.name] as const)]} />
      <SelectField form={form} name="category" label={labels['category']!}
        options={(['elected', 'ex-officio', 'appointed'] as const).map((c) => [c, t(`prepare.delegates.categories.${c}`)] as const)} />
      <SelectField form={form} name="standing" label={labels['standing']!}
        options={(['official', 'alternate', 'probationary'] as const).map((s) => [s, t(`delegate.standing.${s}`)] as const)} />
      <TextField form={form} name="seat" label={labels['seat']!} />
      <CheckField form={form} name="isConveningMember" label={labels['isConveningMember']!} />
    </div>
  );
};

export const NewDelegateForm = ({ organisations, members, onCreate }: {
  readonly organisations: readonly Organisation[];
  readonly members: boolean;
  readonly onCreate: (body: CreateDelegateBody) => Promise<ApiResult<DelegateView>>;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useForm(NEW, CreateDelegateBody, bodyOf);
  const [done, setDone] = useState<string | null>(null);
  const { busy, submit } = useSubmit(form, onCreate, (v) => {
    setDone(v.fullName);
    // The next one keeps the organisation, category and standing: a list is typed organisation by organisation.
    form.replace({ ...NEW, organisationId: form.draft.organisationId, category: form.draft.category, standing: form.draft.standing });
  });
  const title = members ? t('prepare.delegates.addMember') : t('prepare.delegates.add');
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-delegate">
      <h2 id="new-delegate">{title}</h2>
      <DelegateFields form={form} organisations={organisations} labels={labels} />
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
      <Submit form={form} labels={labels} text={title} busy={busy} />
      {done !== null && <p role="status" className="ok-text">{t('prepare.delegates.created', { name: done })}</p>}
    </form>
  );
};

export const EditDelegateForm = ({ delegate, organisations, onSave }: {
  readonly delegate: DelegateView;
  readonly organisations: readonly Organisation[];
  readonly onSave: (patch: UpdateDelegateBody) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const before = bodyOf(draftOf(delegate));
  // Only the fields changed are sent (and audited); nothing changed is "nothing to save".
  const toInput = (d: DelegateDraft): unknown => {
    const now = bodyOf(d);
    return Object.fromEntries(Object.entries(now).filter(([k, v]) => v !== before[k]));
  };
  const form = useForm(draftOf(delegate), UpdateDelegateBody, toInput);
  const { busy, saved, submit } = useSubmit(form, onSave);
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('prepare.delegates.edit')}>
      <h3>{t('prepare.delegates.edit')}</h3>
      <DelegateFields form={form} organisations={organisations} labels={labels} />
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
      <Submit form={form} labels={labels} text={t('prepare.form.save')} busy={busy} />
      {saved && <p role="status" className="ok-text">{t('prepare.form.saved')}</p>}
    </form>
  );
};

type StatusDraft = { readonly status: string; readonly reason: string; readonly replacedById: string };

export const StatusForm = ({ delegate, delegates, onSave }: {
  readonly delegate: DelegateView;
  readonly delegates: readonly DelegateView[];
  readonly onSave: (body: DelegateStatusBody) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const toInput = (d: StatusDraft): unknown => d.status === 'summoned' ? { status: 'summoned' }
    : d.status === 'replaced' ? { status: 'replaced', reason: d.reason, replacedById: num(d.replacedById) }
      : { status: d.status, reason: d.reason };
  const form = useForm({ status: delegate.status, reason: delegate.statusReason ?? '', replacedById: delegate.replacedById === null ? '' : String(delegate.replacedById) },
    DelegateStatusBody, toInput);
  const { busy, saved, submit } = useSubmit(form, onSave);
  // An alternate replaces one official at most (the server checks it too).
  const taken = new Set(delegates.filter((d) => d.status === 'replaced' && d.id !== delegate.id).map((d) => d.replacedById));
  const alternates = delegates.filter((d) => d.standing === 'alternate' && d.status === 'summoned' && !taken.has(d.id));
  const labels = { status: t('prepare.delegates.status'), reason: t('prepare.delegates.reason'), replacedById: t('prepare.delegates.alternate') };
  const s = form.draft.status;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('prepare.delegates.setStatus')}>
      <h3>{t('prepare.delegates.setStatus')}</h3>
      <SelectField form={form} name="status" label={labels.status}
        options={DELEGATE_STATUSES.map((k) => [k, t(`console.delegates.statuses.${k}`)] as const)} />
      {s !== 'summoned' && <TextField form={form} name="reason" label={labels.reason} />}
      {s === 'replaced' && (
        <>
          <SelectField form={form} name="replacedById" label={labels.replacedById}
            options={[['', t('prepare.delegates.chooseAlternate')], ...alternates.map((a) => [String(a.id), `${a.fullName} (${a.code})`] as const)]} />
          {alternates.length === 0 && <p className="muted">{t('prepare.delegates.noAlternate')}</p>}
        </>
      )}
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
      <Submit form={form} labels={labels} text={t('prepare.delegates.setStatus')} busy={busy} />
      {saved && <p role="status" className="ok-text">{t('prepare.delegates.statusSaved')}</p>}
    </form>
  );
};

/** The card: reissue (the old token stops working at once), revoke, print this one. */
export const CardActions = ({ code, delegate, onReissue, onRevoke }: {
  readonly code: string;
  readonly delegate: DelegateView;
  readonly onReissue: () => Promise<ApiResult<unknown>>;
  readonly onRevoke: () => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const act = async (confirmText: string, run: () => Promise<ApiResult<unknown>>, done: string): Promise<void> => {
    if (!window.confirm(confirmText)) return;
    const r = await run();
    setError(r.ok ? null : r.error);
    setNote(r.ok ? done : null);
  };
  const printable = !delegate.cardRevoked && delegate.standing !== 'probationary' && delegate.status !== 'not-summoned';
  return (
    <div aria-label={t('prepare.delegates.card')} role="group">
      <h3>{t('prepare.delegates.card')}</h3>
      <p>{delegate.cardRevoked ? t('prepare.delegates.cardRevoked') : t('prepare.delegates.cardActive')}</p>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void act(t('prepare.delegates.confirmReissue', { name: delegate.fullName }), onReissue, t('prepare.delegates.reissued'))}>
          {t('prepare.delegates.reissue')}
        </button>
        <button type="button" className="button" disabled={delegate.cardRevoked}
          onClick={() => void act(t('prepare.delegates.confirmRevoke', { name: delegate.fullName }), onRevoke, t('prepare.delegates.revoked'))}>
          {t('prepare.delegates.revoke')}
        </button>
        {printable
          ? <a className="button" href={hrefOf(API.printCards, { code }, { ids: [delegate.id] })} download>{t('prepare.delegates.printOne')}</a>
          : <span className="muted small">{t('prepare.delegates.cardRevoked')}</span>}
      </div>
      {note !== null && <p role="status" className="ok-text">{note}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
};
