/**
 * Discussion groups (tổ thảo luận) as the secretariat forms them: the groups with their leader, secretary and size,
 * who is in no group yet, and one form to form or change a group — a whole organisation's delegation added at once,
 * delegates found by name or number, the leader and the secretary chosen among the members. Delegates who would
 * leave another group are named and confirmed before anything is saved.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type GroupView } from '../../api/index.ts';
import type { DeskDelegate } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { BodyMemberPicker, type ChosenMember } from '../console/BodyMemberPicker.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { delegations, movers, unassigned } from './group-plan.ts';

const chosenOf = (g: GroupView | null): ChosenMember[] => (g === null ? [] : g.members.map((m) => ({ delegateId: m.id, fullName: m.fullName })));

const PersonSelect = ({ label, members, value, onChange }: {
  readonly label: string; readonly members: readonly ChosenMember[]; readonly value: number | null; readonly onChange: (id: number | null) => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label className="field" htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('discussion.nobody')}</option>
        {members.map((m) => <option key={m.delegateId} value={m.delegateId}>{m.fullName}</option>)}
      </select>
    </>
  );
};

const GroupForm = ({ groups, delegates, editing, onDone }: {
  readonly groups: readonly GroupView[];
  readonly delegates: readonly DeskDelegate[];
  /** The group being changed; null for a new one. */
  readonly editing: GroupView | null;
  readonly onDone: () => void;
}) => {
  const { t } = useTranslation();
  const api = useApi();
  const code = useMe().congress;
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [members, setMembers] = useState<readonly ChosenMember[]>(() => chosenOf(editing));
  const [leader, setLeader] = useState<number | null>(editing?.leader?.id ?? null);
  const [secretary, setSecretary] = useState<number | null>(editing?.secretary?.id ?? null);
  const [organisation, setOrganisation] = useState('');
  const orgs = useMemo(() => delegations(delegates), [delegates]);
  const chosen = new Set(members.map((m) => m.delegateId));
  const moving = movers(groups, editing?.id ?? null, chosen);

  const changeMembers = (next: readonly ChosenMember[]): void => {
    const kept = new Set(next.map((m) => m.delegateId));
    if (leader !== null && !kept.has(leader)) setLeader(null);
    if (secretary !== null && !kept.has(secretary)) setSecretary(null);
    setMembers(next);
  };
  const addOrganisation = (): void => {
    const org = orgs.find((o) => String(o.organisationId) === organisation);
    if (org === undefined) return;
    changeMembers([...members, ...org.delegates.filter((d) => !chosen.has(d.delegate.id)).map((d) => ({ delegateId: d.delegate.id, fullName: d.delegate.fullName }))]);
    setOrganisation('');
  };
  const save = async () => {
    const body = { name: name.trim(), organisationIds: [], delegateIds: members.map((m) => m.delegateId), leaderId: leader, secretaryId: secretary };
    const r = editing === null
      ? await api.createDiscussionGroup({ params: { code }, body })
      : await api.updateDiscussionGroup({ params: { code, id: editing.id }, body });
    if (r.ok) onDone();
    return r;
  };
  const why = name.trim() === '' ? t('discussion.needName') : members.length === 0 ? t('discussion.needMembers') : null;
  return (
    <form className="form body-card" aria-labelledby={`${id}-h`} onSubmit={(e) => e.preventDefault()}>
      <h3 id={`${id}-h`}>{editing === null ? t('discussion.newGroup') : t('discussion.editGroup', { name: editing.name })}</h3>
      <label className="field" htmlFor={`${id}-n`}>{t('discussion.groupName')}</label>
      <input id={`${id}-n`} value={name} onChange={(e) => setName(e.target.value)} required />
      <label className="field" htmlFor={`${id}-o`}>{t('discussion.organisation')}</label>
      <div className="row">
        <select id={`${id}-o`} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
          <option value="">{t('discussion.chooseOrganisation')}</option>
          {orgs.map((o) => <option key={o.organisationId} value={o.organisationId}>{t('discussion.organisationOption', { name: o.name, count: o.delegates.length })}</option>)}
        </select>
        <button type="button" className="button" disabled={organisation === ''} onClick={addOrganisation}>{t('discussion.addOrganisation')}</button>
      </div>
      <BodyMemberPicker delegates={delegates} members={members} onChange={changeMembers} label={t('discussion.addMember')} firstIsHead={false} />
      <p className="muted">{t('discussion.groupMembers', { count: members.length })}</p>
      <PersonSelect label={t('discussion.leader')} members={members} value={leader} onChange={setLeader} />
      <PersonSelect label={t('discussion.secretary')} members={members} value={secretary} onChange={setSecretary} />
      {moving.length > 0 && <p className="warning-text" role="status">{t('discussion.moving', { count: moving.length, names: moving.map((m) => `${m.fullName} (${m.from})`).join(', ') })}</p>}
      <div className="row">
        <ConfirmButton className="button primary" label={editing === null ? t('discussion.createGroup') : t('discussion.saveGroup')} disabledReason={why} onConfirm={save}
          confirm={moving.length === 0 ? null : { message: t('discussion.moving', { count: moving.length, names: moving.map((m) => m.fullName).join(', ') }), yes: t('discussion.moveAndSave') }} />
        {editing !== null && <button type="button" className="button" onClick={onDone}>{t('discussion.cancelEdit')}</button>}
      </div>
    </form>
  );
};

export const GroupsSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const id = useId();
  const groups = useLiveResource(code, () => api.listDiscussionGroups({ params: { code } }), ['discussion']);
  const desk = useLiveResource(code, () => loadDesk(api, code), ['delegates']);
  const [editing, setEditing] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  const list = groups.data ?? [];
  const left = desk.data === null ? null : unassigned(desk.data, list);
  const mayEdit = can(me, API.createDiscussionGroup);
  const done = (): void => { setEditing(null); setFormKey((k) => k + 1); groups.reload(); };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('discussion.groups')}</h2>
      {groups.error !== null && <ErrorMessage error={groups.error} />}
      {list.length > 0 && (
        <table className="data-table">
          <thead><tr><th>{t('discussion.group')}</th><th>{t('discussion.groupSize')}</th><th>{t('discussion.leader')}</th><th>{t('discussion.secretary')}</th>{mayEdit && <th />}</tr></thead>
          <tbody>
            {list.map((g) => (
              <tr key={g.id} data-testid="discussion-group">
                <td>{g.name}</td><td>{g.members.length}</td><td>{g.leader?.fullName ?? '—'}</td><td>{g.secretary?.fullName ?? '—'}</td>
                {mayEdit && <td><button type="button" className="button subtle small" onClick={() => setEditing(g.id)}>{t('discussion.edit')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {left !== null && (
        <p className="muted">
          {left.length === 0 ? t('discussion.allAssigned') : `${t('discussion.unassigned', { count: left.length })}: ${left.slice(0, 12).map((d) => d.delegate.fullName).join(', ')}${left.length > 12 ? '…' : ''}`}
        </p>
      )}
      {mayEdit && desk.data !== null && (
        <GroupForm key={editing === null ? `new-${formKey}` : `edit-${editing}`} groups={list} delegates={desk.data}
          editing={list.find((g) => g.id === editing) ?? null} onDone={done} />
      )}
    </section>
  );
};
