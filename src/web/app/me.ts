/** From the server's principal to what the screens need: one congress and the roles held there. Pure. */
import type { Me, Principal, WebRole } from '../api/types.ts';

/**
 * A delegate belongs to one congress. A staff user works at the congress given (the `congress` query
 * parameter, when they hold a role there) or else the first where they hold a role; a server administrator
 * with no role anywhere acts as administrator of `fallbackCongress`.
 */
export const meOf = (principal: Principal, wanted: string | null, fallbackCongress: string | null): Me | null => {
  if (principal.kind === 'delegate') {
    return { principal, congress: principal.congress, roles: ['delegate'], displayName: principal.fullName, delegateId: principal.id };
  }
  const codes = [...new Set(principal.roles.map((r) => r.congress))];
  const congress = wanted !== null && (codes.includes(wanted) || principal.isServerAdmin) ? wanted
    : codes[0] ?? (principal.isServerAdmin ? fallbackCongress : null);
  if (congress === null) return null;
  const roles: WebRole[] = principal.roles.filter((r) => r.congress === congress).map((r) => r.role);
  if (principal.isServerAdmin && !roles.includes('admin')) roles.push('admin');
  return { principal, congress, roles: [...new Set(roles)], displayName: principal.displayName, delegateId: null };
};
