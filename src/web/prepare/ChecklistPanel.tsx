/** The overview's checklist: what is still missing before the opening day, each a link to where it is done. */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/index.ts';
import { useApi } from '../app/api-context.tsx';
import { can } from '../app/can.ts';
import { Link } from '../app/router.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { checklist, type ChecklistItem } from './checklist.ts';

const Line = ({ item, members }: { readonly item: ChecklistItem; readonly members: boolean }) => {
  const { t } = useTranslation();
  const label = (() => {
    switch (item.key) {
      case 'organisations': return members ? t('prepare.checklist.organisationsMembers') : t('prepare.checklist.organisations', item.counts);
      case 'delegates': return t(members ? 'prepare.checklist.members' : 'prepare.checklist.delegates', item.counts);
      case 'sessions': return t('prepare.checklist.sessions', item.counts);
      case 'bodies': return t(members ? 'prepare.checklist.bodiesMembers' : 'prepare.checklist.bodies', item.counts);
      case 'elections': return t('prepare.checklist.elections', item.counts);
      case 'cards': return `${t('prepare.checklist.cards')} (${item.counts['n'] ?? 0}/${item.counts['of'] ?? 0})`;
      case 'users': return t('prepare.checklist.users', item.counts);
    }
  })();
  const state = item.done === null ? 'unknown' : item.done ? 'done' : 'todo';
  return (
    <li className={`checklist-item ${state}`} data-testid={`checklist-${item.key}`} data-done={String(item.done)}>
      <span className="checklist-mark" aria-hidden="true">{item.done === true ? '✓' : item.done === false ? '○' : '?'}</span>
      <Link to={item.to}>{label}</Link>
      <span className="visually-hidden"> — {item.done === true ? t('prepare.checklist.done') : item.done === false ? t('prepare.checklist.todo') : t('prepare.form.needRole')}</span>
      {item.key === 'cards' && item.done !== true && <span className="muted small"> {t('prepare.checklist.cardsHint')}</span>}
      {item.key === 'users' && item.done !== true && <span className="muted small"> {t('prepare.checklist.usersHint')}</span>}
    </li>
  );
};

export const ChecklistPanel = () => {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const code = me.congress;
  const params = { code };
  const seesRoles = can(me, API.listRoles);
  const facts = useLiveResource(code, async () => {
    const [congress, organisations, delegates, sessions, bodies, elections, roles] = await Promise.all([
      api.getCongress({ params }), api.listOrganisations({ params }), api.listDelegates({ params }), api.listSessions({ params }),
      api.listBodies({ params }), api.listElections({ params }), seesRoles ? api.listRoles({ params }) : Promise.resolve(null),
    ]);
    for (const r of [congress, organisations, delegates, sessions, bodies, elections]) if (!r.ok) return r;
    if (!congress.ok || !organisations.ok || !delegates.ok || !sessions.ok || !bodies.ok || !elections.ok) throw new Error('unreachable');
    const roleGrants = roles === null || !roles.ok ? null : roles.value.length;
    return { ok: true as const, value: {
      congress: congress.value, organisations: organisations.value, delegates: delegates.value, sessions: sessions.value,
      bodies: bodies.value, elections: elections.value, roleGrants,
    } };
  }, ['congress', 'delegates', 'bodies', 'election', 'current-item']);
  if (facts.data === null) return null;
  const items = checklist(facts.data);
  const members = facts.data.congress.kind === 'members';
  return (
    <section className="body-card checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('prepare.checklist.title')}</h2>
      {items.every((i) => i.done !== false) && <p className="ok-text">{t('prepare.checklist.allDone')}</p>}
      <ul className="checklist-list">{items.map((i) => <Line key={i.key} item={i} members={members} />)}</ul>
    </section>
  );
};
