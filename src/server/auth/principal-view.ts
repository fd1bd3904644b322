/** Who is signed in, as `GET /api/auth/me` answers it (and as the server embeds it in a page: static.ts). */
import type { Kysely } from 'kysely';
import type { Principal as PrincipalView } from '../../api/auth.ts';
import type { Database } from '../../store/schema.ts';
import type { Principal } from './principal.ts';

export const principalView = async (db: Kysely<Database>, p: Principal): Promise<PrincipalView> => {
  if (p.kind === 'delegate') {
    const c = await db.selectFrom('congresses').select('code').where('id', '=', p.congressId).executeTakeFirstOrThrow();
    return { kind: 'delegate', id: p.delegateId, congress: c.code, fullName: p.fullName };
  }
  const roles = await db.selectFrom('user_roles').innerJoin('congresses', 'congresses.id', 'user_roles.congress_id')
    .select(['congresses.code', 'user_roles.role', 'user_roles.election_id']).where('user_id', '=', p.userId).execute();
  return {
    kind: 'user', id: p.userId, username: p.username, displayName: p.displayName, isServerAdmin: p.isServerAdmin,
    mustChangePassword: p.mustChangePassword,
    roles: roles.map((r) => ({ congress: r.code, role: r.role, electionId: r.election_id })),
  };
};
