/**
 * A body's members corrected before the congress approves it (a body copied from an earlier congress comes with
 * none): found by name, the first is the head; saved whole (PATCH …/bodies/:id).
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyPatch } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, Body, DeskDelegate } from '../api/types.ts';
import { BodyMemberPicker, type ChosenMember } from '../console/BodyMemberPicker.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export const BodyMembersForm = ({ body, delegates, onSave }: {
  readonly body: Body;
  readonly delegates: readonly DeskDelegate[];
  readonly onSave: (patch: BodyPatch) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const initial = [...body.members.filter((m) => m.role === 'head'), ...body.members.filter((m) => m.role !== 'head')];
  const [members, setMembers] = useState<readonly ChosenMember[]>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const unchanged = members.length === initial.length && members.every((m, i) => m.delegateId === initial[i]?.delegateId);
  const reason = members.length === 0 ? t('prepare.bodies.needMember') : unchanged ? t('prepare.form.nothing') : null;
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (reason !== null) return;
    const r = await onSave({ members: members.map((m, i) => ({ delegateId: m.delegateId, role: i === 0 ? 'head' : 'member' })) });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={`${t('prepare.bodies.members')} — ${body.title}`}>
      <BodyMemberPicker delegates={delegates} members={members} onChange={(m) => { setMembers(m); setSaved(false); }} />
      <div className="submit-line">
        <button type="submit" className="button" disabled={reason !== null}>{t('prepare.bodies.save')}</button>
        {reason !== null && <span className="muted small">{reason}</span>}
      </div>
      {saved && <p role="status" className="ok-text">{t('prepare.form.saved')}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
};
