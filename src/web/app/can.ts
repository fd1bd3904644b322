/**
 * What the signed-in person may do, read from the contract's access entries (src/api): the screens ask
 * `can(me, API.transition)` instead of listing roles, so a button shows exactly when the server would allow it.
 */
import { allows, type Endpoint } from '../../api/index.ts';
import type { Me } from '../api/types.ts';

/** Whether `me` may call the endpoint; a counting-board member only for the elections they count (`electionId`). */
export const can = (me: Me, e: Pick<Endpoint, 'access'>, scope: { readonly electionId?: number } = {}): boolean => {
  if (e.access === 'public' || e.access === 'signed-in') return true;
  if (e.access === 'server-admin') return me.principal.kind === 'user' && me.principal.isServerAdmin;
  const electionId = scope.electionId;
  const roles = electionId === undefined || me.principal.kind !== 'user' ? me.roles
    : me.roles.filter((r) => r !== 'counting-board' || (me.principal.kind === 'user' && me.principal.roles.some(
      (g) => g.congress === me.congress && g.role === 'counting-board' && g.electionId === electionId)));
  return allows(e.access, roles);
};
