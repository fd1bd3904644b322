/**
 * A group's secretary records the group's opinions, keyboard first: the paragraph number, the kind (Alt+1…5), the
 * opinion, the proposed wording, the speaker's delegate number, how many agreed — Enter records and the cursor
 * returns to the paragraph number. The group's minutes print from here.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type GroupView } from '../../api/index.ts';
import { GROUPS_NOT_SITTING } from '../../discussion/groups-open.ts';
import { hrefOf } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ConfirmButton, DisabledReason } from '../ui/ConfirmButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { kindShortcuts, UnitNumberField, useUnitByNumber } from './keyboard-entry.tsx';
import { DocumentPicker, KindSelect, takesWording, type OpinionKindName } from './shared.tsx';

const GroupRecorder = () => {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const id = useId();
  // The agenda moving to or from a discussion item opens or closes the groups.
  const groups = useLiveResource(code, () => api.listDiscussionGroups({ params: { code } }), ['discussion', 'current-item']);
  const documents = useLiveResource(code, () => api.listDiscussionDocuments({ params: { code } }), ['discussion']);
  const mine: GroupView[] = (groups.data ?? []).filter((g) => me.delegateId === null || g.secretary?.id === me.delegateId || g.leader?.id === me.delegateId);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [docId, setDocId] = useState<number | null>(null);
  const group = mine.find((g) => g.id === groupId) ?? mine[0] ?? null;
  const doc = docId ?? documents.data?.[0]?.id ?? null;
  const lookup = useUnitByNumber(code, doc);
  const unit = lookup.unit;
  const [kind, setKind] = useState<OpinionKindName>('change');
  const [text, setText] = useState('');
  const [proposed, setProposed] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [agree, setAgree] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const opinions = useLiveResource(code, () => (group === null ? Promise.resolve({ ok: true as const, value: [] })
    : api.listGroupOpinions({ params: { code, id: group.id }, query: doc === null ? {} : { document: doc } })), ['discussion']);
  const reloadOpinions = opinions.reload;
  useEffect(() => { reloadOpinions(); }, [group?.id, doc, reloadOpinions]);

  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (group === null || doc === null || unit === null) return;
    const speakerId = speaker.trim() === '' ? null : group.members.find((m) => m.code === speaker.trim())?.id;
    if (speakerId === undefined) {
      setError({ code: 'discussion.speaker-not-member', message_vi: `Mã ${speaker.trim()} không phải đại biểu của ${group.name}.`, message_en: `${speaker.trim()} is not a delegate of ${group.name}.` });
      return;
    }
    const r = await api.recordGroupOpinion({ params: { code, id: group.id }, body: {
      documentId: doc, unitId: unit.id, kind, text: text.trim(), proposedText: takesWording(kind) && proposed.trim() !== '' ? proposed.trim() : null,
      speakerDelegateId: speakerId, agreeCount: Number(agree === '' ? '0' : agree),
    } });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      lookup.clear(); setText(''); setProposed(''); setSpeaker(''); setAgree('');
      opinions.reload();
      numberRef.current?.focus();
    }
  };

  if (groups.data !== null && mine.length === 0) return <p className="muted">{t('discussion.notSecretary')}</p>;
  // The secretariat enters the groups' paper minutes at any time; a group's secretary records while the groups sit.
  const notSitting = me.delegateId !== null && group !== null && !group.sitting
    ? (i18n.language === 'en' ? GROUPS_NOT_SITTING.en : GROUPS_NOT_SITTING.vi) : null;
  return (
    <div className="group-recorder">
      <h1>{t('discussion.recorder')}</h1>
      {groups.error !== null && <ErrorMessage error={groups.error} />}
      {mine.length > 1 && (
        <div className="form">
          <label className="field" htmlFor={`${id}-g`}>{t('discussion.group')}</label>
          <select id={`${id}-g`} value={group?.id ?? ''} onChange={(e) => setGroupId(Number(e.target.value))}>
            {mine.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
      )}
      {group !== null && <h2>{group.name} — {group.members.length} đại biểu</h2>}
      {documents.data !== null && <DocumentPicker documents={documents.data} value={doc} onChange={setDocId} />}
      <form className="form body-card" onSubmit={(e) => void submit(e)} onKeyDown={kindShortcuts(setKind)} aria-label={t('discussion.recorder')}>
        <UnitNumberField id={`${id}-n`} lookup={lookup} inputRef={numberRef} />
        <label className="field" htmlFor={`${id}-k`}>{t('discussion.kind')} (Alt+1…5)</label>
        <KindSelect id={`${id}-k`} value={kind} onChange={setKind} />
        <label className="field" htmlFor={`${id}-t`}>{t('discussion.text')}</label>
        <input id={`${id}-t`} value={text} onChange={(e) => setText(e.target.value)} required maxLength={4000} />
        {takesWording(kind) && (
          <>
            <label className="field" htmlFor={`${id}-p`}>{t('discussion.proposed')}</label>
            <input id={`${id}-p`} value={proposed} onChange={(e) => setProposed(e.target.value)} required={kind === 'change'} maxLength={4000} />
          </>
        )}
        <label className="field" htmlFor={`${id}-s`}>{t('discussion.speaker')}</label>
        <input id={`${id}-s`} value={speaker} onChange={(e) => setSpeaker(e.target.value)} list={`${id}-codes`} />
        <datalist id={`${id}-codes`}>{group?.members.map((m) => <option key={m.id} value={m.code}>{m.fullName}</option>)}</datalist>
        <label className="field" htmlFor={`${id}-a`}>{t('discussion.agreeCount')}</label>
        <input id={`${id}-a`} inputMode="numeric" value={agree} onChange={(e) => setAgree(e.target.value.replace(/\D/gu, ''))} />
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button primary" disabled={unit === null || notSitting !== null}>{t('discussion.record')}</button>
        <DisabledReason reason={notSitting} />
      </form>
      <h2>{t('discussion.recorded')}</h2>
      <ol className="opinions">
        {(opinions.data ?? []).map((o) => (
          <li key={o.id} className={o.voided ? 'voided' : ''}>
            <strong>{o.unitCite}</strong> — {t(`discussion.opinionKinds.${o.kind}`)}: {o.text}
            {o.proposedText !== null && <em> “{o.proposedText}”</em>} ({o.agreeCount}{o.speakerName !== null && `, ${o.speakerName}`})
            {o.carried !== null && <span className="badge carried">{o.carried === 'removed' ? t('discussion.groupCarriedRemoved', { ref: o.carriedFromRef ?? '' }) : t('discussion.groupCarried', { ref: o.carriedFromRef ?? '' })}</span>}
            {!o.voided && (
              <ConfirmButton className="button subtle small" label={t('discussion.void')}
                confirm={{ message: t('discussion.voidOpinion', { ref: o.unitCite }), yes: t('discussion.void'), reasonLabel: t('discussion.voidReason') }}
                onConfirm={async (reason) => { const r = await api.voidGroupOpinion({ params: { code, id: o.id }, body: { reason } }); if (r.ok) opinions.reload(); return r; }} />
            )}
            {o.voided && o.voidReason !== null && <span className="muted"> — {t('discussion.voided', { reason: o.voidReason })}</span>}
          </li>
        ))}
      </ol>
      {group !== null && doc !== null && (
        <p>
          {t('discussion.minutes')}:{' '}
          <a href={hrefOf(API.printGroupMinutes, { code, id: group.id }, { document: doc, format: 'pdf' })}>{t('discussion.pdf')}</a>{' · '}
          <a href={hrefOf(API.printGroupMinutes, { code, id: group.id }, { document: doc, format: 'docx' })}>{t('discussion.word')}</a>
        </p>
      )}
    </div>
  );
};

export default GroupRecorder;
