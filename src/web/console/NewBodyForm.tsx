/** A new body: its kind, title and members (the first chosen is the head), found by name. */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyKind, type Api, type BodyInputOf } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError, DeskDelegate } from '../api/types.ts';
import { BodyMemberPicker, type ChosenMember } from './BodyMemberPicker.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

type NewBody = BodyInputOf<Api['createBody']>;

const KINDS = BodyKind.options;

export const NewBodyForm = ({ delegates, onCreate }: {
  readonly delegates: readonly DeskDelegate[];
  readonly onCreate: (body: NewBody) => Promise<ApiResult<unknown>>;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<NewBody['kind']>('counting-board');
  const [title, setTitle] = useState('');
  const [members, setMembers] = useState<readonly ChosenMember[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const r = await onCreate({
      kind, title: title.trim() === '' ? t(`console.bodies.kinds.${kind}`) : title.trim(),
      members: members.map((m, i) => ({ delegateId: m.delegateId, role: i === 0 ? 'head' : 'member' })),
    });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setMembers([]);
      setTitle('');
    }
  };
  return (
    <form className="form body-card" onSubmit={(e) => void submit(e)}>
      <h2>{t('console.bodies.new')}</h2>
      <label className="field" htmlFor={`${id}-kind`}>{t('console.bodies.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NewBody['kind'])}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`console.bodies.kinds.${k}`)}</option>)}
      </select>
      <label className="field" htmlFor={`${id}-title`}>{t('console.bodies.bodyTitle')}</label>
      <input id={`${id}-title`} value={title} placeholder={t(`console.bodies.kinds.${kind}`)} onChange={(e) => setTitle(e.target.value)} />
      <BodyMemberPicker delegates={delegates} members={members} onChange={setMembers} />
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button primary" disabled={members.length === 0}>{t('console.bodies.create')}</button>
    </form>
  );
};
