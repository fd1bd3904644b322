/** The bodies (presidium, secretariat, credentials committee, counting board) and whether the congress approved them. */
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../rules/index.ts';
import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

const ROLE_ORDER = { head: 0, deputy: 1, member: 2 } as const;

export const BodiesSection = () => {
  const { t } = useTranslation();
  const api = useApi();
  const { congress } = useMe();
  const bodies = useLiveResource(congress, () => api.bodies(congress), ['bodies']);
  return (
    <div className="bodies">
      {bodies.error !== null && <ErrorMessage error={bodies.error} />}
      {(bodies.data ?? []).length === 0 && <p className="muted">{t('console.bodies.none')}</p>}
      {(bodies.data ?? []).map((b) => (
        <section key={b.id} className="body-card">
          <h2>{b.title}</h2>
          <p>{b.approvedVoteId !== null ? <span className="badge ok">{t('console.bodies.approved')}</span> : <span className="badge">{t('console.bodies.notApproved')}</span>}</p>
          <ul>
            {[...b.members].sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || compareVietnamese(x.fullName, y.fullName)).map((m) => (
              <li key={m.delegateId}>{m.fullName}{m.role !== 'member' ? ` (${t(`console.bodies.roles.${m.role}`)})` : ''}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
};
