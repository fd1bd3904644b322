/**
 * The bodies (presidium, secretariat, credentials committee, counting board): set them up, and record the
 * congress's show-of-hands approval, decided by the rules core against N_base.
 */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { compareVietnamese } from '../../rules/index.ts';
import type { Body } from '../api/types.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { useMe } from '../app/session.tsx';
import { thenReload } from '../app/then-reload.ts';
import { useLiveResource } from '../app/useLiveResource.ts';
import { loadDesk } from '../checkin/desk-data.ts';
import { CountsForm } from '../ui/CountsForm.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { NewBodyForm } from './NewBodyForm.tsx';
import { BodyMembersForm } from '../prepare/BodyMembersForm.tsx';

const ROLE_ORDER = { head: 0, deputy: 1, member: 2 } as const;

const Members = ({ body }: { readonly body: Body }) => {
  const { t } = useTranslation();
  return (
    <ul>
      {[...body.members].sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || compareVietnamese(x.fullName, y.fullName)).map((m) => (
        <li key={m.delegateId}>{m.fullName}{m.role !== 'member' ? ` (${t(`console.bodies.roles.${m.role}`)})` : ''}</li>
      ))}
    </ul>
  );
};

export const BodiesSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const bodies = useLiveResource(code, () => api.listBodies({ params }), ['bodies', 'votes']);
  const attendance = useLiveResource(code, () => api.attendance({ params }), ['attendance']);
  const desk = useLiveResource(code, () => loadDesk(api, code), ['delegates']);
  const canApprove = can(me, API.approveBody);
  return (
    <div className="bodies">
      {bodies.error !== null && <ErrorMessage error={bodies.error} />}
      {(bodies.data ?? []).length === 0 && <p className="muted">{t('console.bodies.none')}</p>}
      {(bodies.data ?? []).map((b) => (
        <section key={b.id} className="body-card" aria-labelledby={`body-${b.id}`}>
          <h2 id={`body-${b.id}`}>{b.title}</h2>
          <p>{b.approvedVoteId !== null ? <span className="badge ok">{t('console.bodies.approved')}</span> : <span className="badge">{t('console.bodies.notApproved')}</span>}</p>
          <Members body={b} />
          {b.approvedVoteId === null && can(me, API.updateBody) && (
            <details open={b.members.length === 0}>
              <summary>{t('prepare.bodies.members')}</summary>
              <BodyMembersForm key={b.members.map((m) => m.delegateId).join(',')} body={b} delegates={desk.data ?? []}
                onSave={(patch) => thenReload(api.updateBody({ params: { code, id: b.id }, body: patch }), bodies.reload)} />
            </details>
          )}
          {b.approvedVoteId === null && (
            <CountsForm attendance={attendance.data} submitLabel={t('console.bodies.approve')} disabledReason={canApprove ? null : t('console.needRole')}
              onSubmit={(counts) => thenReload(api.approveBody({ params: { code, id: b.id }, body: counts }), bodies.reload)} />
          )}
        </section>
      ))}
      {can(me, API.createBody) && (
        <NewBodyForm delegates={desk.data ?? []} onCreate={(body) => thenReload(api.createBody({ params, body }), bodies.reload)} />
      )}
    </div>
  );
};
