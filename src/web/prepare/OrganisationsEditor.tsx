/**
 * The member organisations of the congress: add, rename, party members, deactivate (never delete: delegates and
 * the record still name them) and take back; or import the list from a file (all or nothing). Checked as you type
 * with the API's schemas.
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationBody, OrganisationPatch } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Organisation } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { ImportForm } from '../ui/ImportForm.tsx';
import { num, orNull, Submit, TextField, useForm } from '../ui/form.tsx';

type OrgDraft = { readonly name: string; readonly partyMembers: string };
const toBody = (d: OrgDraft): unknown => ({ name: d.name, partyMembers: orNull(d.partyMembers) === null ? null : num(d.partyMembers) });

const OrgForm = ({ initial, schema, text, onSave, onCancel }: {
  readonly initial: OrgDraft;
  readonly schema: typeof OrganisationBody | typeof OrganisationPatch;
  readonly text: string;
  readonly onSave: (body: { name?: string; partyMembers?: number | null }) => Promise<ApiResult<unknown>>;
  readonly onCancel?: () => void;
}) => {
  const { t } = useTranslation();
  const form = useForm(initial, schema, toBody);
  const [busy, setBusy] = useState(false);
  const labels = { name: t('prepare.orgs.name'), partyMembers: t('prepare.orgs.partyMembers') };
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const body = form.checked.value;
    if (body === null || busy) return;
    setBusy(true);
    const r = await onSave(body);
    setBusy(false);
    if (r.ok) form.replace(initial);
    else form.setServerError(r.error);
  };
  return (
    <form className="form inline" onSubmit={(e) => void submit(e)} noValidate>
      <TextField form={form} name="name" label={labels.name} />
      <TextField form={form} name="partyMembers" label={labels.partyMembers} type="number" />
      <Submit form={form} labels={labels} text={text} busy={busy} />
      {onCancel !== undefined && <button type="button" className="button subtle" onClick={onCancel}>{t('prepare.form.cancel')}</button>}
      {form.generalError !== null && <ErrorMessage error={form.generalError} />}
    </form>
  );
};

/** The import of a list from a file: the template to fill, and the upload. */
export interface OrganisationImporter {
  readonly templateHref: string;
  readonly onImport: (file: File) => Promise<ApiResult<{ readonly imported: number }>>;
  readonly onDone: () => void;
}

export const OrganisationsEditor = ({ organisations, editable, importer, onCreate, onUpdate }: {
  readonly organisations: readonly Organisation[];
  readonly editable: boolean;
  readonly importer: OrganisationImporter;
  readonly onCreate: (body: { name: string; partyMembers: number | null }) => Promise<ApiResult<unknown>>;
  readonly onUpdate: (id: number, patch: { name?: string; partyMembers?: number | null; active?: boolean }) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async (o: Organisation): Promise<void> => {
    const r = await onUpdate(o.id, { active: !o.active });
    setError(r.ok ? null : r.error);
  };
  return (
    <div className="organisations">
      <table className="data-table">
        <thead><tr><th scope="col">{t('prepare.orgs.name')}</th><th scope="col">{t('prepare.orgs.partyMembers')}</th><th scope="col" /></tr></thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id} className={o.active ? '' : 'inactive'} data-testid="organisation-row">
              {editing === o.id ? (
                <td colSpan={3}>
                  <OrgForm initial={{ name: o.name, partyMembers: o.partyMembers === null ? '' : String(o.partyMembers) }} schema={OrganisationPatch}
                    text={t('prepare.form.save')} onCancel={() => setEditing(null)}
                    onSave={async (body) => {
                      const r = await onUpdate(o.id, body);
                      if (r.ok) setEditing(null);
                      return r;
                    }} />
                </td>
              ) : (
                <>
                  <td>
                    {o.name}
                    {o.role === 'host' && <span className="badge">{t('prepare.orgs.host')}</span>}
                    {!o.active && <span className="badge bad">{t('prepare.orgs.inactive')}</span>}
                  </td>
                  <td>{o.partyMembers ?? ''}</td>
                  <td className="row-actions">
                    {editable && (
                      <>
                        <button type="button" className="button subtle small" onClick={() => setEditing(o.id)}
                          aria-label={`${t('prepare.form.edit')} ${o.name}`}>{t('prepare.form.edit')}</button>
                        <button type="button" className="button subtle small" disabled={o.role === 'host'}
                          title={o.role === 'host' ? t('prepare.orgs.hostCannot') : undefined}
                          aria-label={`${o.active ? t('prepare.orgs.deactivate') : t('prepare.orgs.reactivate')} ${o.name}`}
                          onClick={() => void toggle(o)}>
                          {o.active ? t('prepare.orgs.deactivate') : t('prepare.orgs.reactivate')}
                        </button>
                        {o.role === 'host' && <span className="muted small">{t('prepare.orgs.hostCannot')}</span>}
                      </>
                    )}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {error !== null && <ErrorMessage error={error} />}
      {editable && (
        <OrgForm initial={{ name: '', partyMembers: '' }} schema={OrganisationBody} text={t('prepare.orgs.add')}
          onSave={(body) => onCreate({ name: body.name ?? '', partyMembers: body.partyMembers ?? null })} />
      )}
      {editable && (
        <>
          <ImportForm label={t('prepare.orgs.importLabel')} imported={(n) => t('prepare.orgs.imported', { n })}
            onImport={importer.onImport} onDone={importer.onDone} />
          <p className="row-links"><a href={importer.templateHref} download>{t('prepare.orgs.template')}</a></p>
        </>
      )}
    </div>
  );
};
