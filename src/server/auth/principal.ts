/** Who is calling: the session cookie resolved to a user or a delegate, and their roles in a congress. */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { AccessRole } from '../../api/access.ts';
import { cardSignsIn } from '../../rules/presence.ts';
import { hashToken } from './tokens.ts';

export const SESSION_COOKIE = 'daihoi_session';

export type Principal =
  | {
    readonly kind: 'user'; readonly userId: number; readonly username: string; readonly displayName: string; readonly isServerAdmin: boolean;
    /** Signed in with a password they must change: the server answers them only `me`, `changePassword` and `signOut`. */
    readonly mustChangePassword: boolean; readonly sessionId: string;
  }
  | { readonly kind: 'delegate'; readonly delegateId: number; readonly congressId: number; readonly fullName: string; readonly sessionId: string };

export const resolvePrincipal = async (db: Kysely<Database>, token: string | undefined, now: string): Promise<Principal | null> => {
  if (token === undefined || token.length < 20 || token.length > 200) return null;
  const id = hashToken(token);
  const session = await db.selectFrom('auth_sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  if (session === undefined) return null;
  if (session.user_id !== null) {
    const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).where('disabled_at', 'is', null).executeTakeFirst();
    if (user === undefined) return null;
    return {
      kind: 'user', userId: user.id, username: user.username, displayName: user.display_name, isServerAdmin: user.is_server_admin === 1,
      mustChangePassword: user.must_change_password === 1, sessionId: id,
    };
  }
  if (session.delegate_id !== null && session.congress_id !== null) {
    const d = await db.selectFrom('delegates').select(['id', 'full_name', 'card_revoked_at', 'congress_id', 'status'])
      .where('id', '=', session.delegate_id).executeTakeFirst();
    if (d === undefined || d.card_revoked_at !== null || !cardSignsIn(d.status) || d.congress_id !== session.congress_id) return null;
    return { kind: 'delegate', delegateId: d.id, congressId: d.congress_id, fullName: d.full_name, sessionId: id };
  }
  return null;
};

export interface CongressRoles {
  readonly roles: readonly AccessRole[];
  /** Elections a counting-board role is limited to (empty: none). */
  readonly countingElections: readonly number[];
}

export const rolesIn = async (db: Kysely<Database>, p: Principal, congressId: number): Promise<CongressRoles> => {
  if (p.kind === 'delegate') return { roles: p.congressId === congressId ? ['delegate'] : [], countingElections: [] };
  const rows = await db.selectFrom('user_roles').select(['role', 'election_id'])
    .where('user_id', '=', p.userId).where('congress_id', '=', congressId).execute();
  const roles = new Set<AccessRole>(rows.map((r) => r.role));
  if (p.isServerAdmin) roles.add('admin');
  const countingElections = rows.filter((r) => r.role === 'counting-board' && r.election_id !== null).map((r) => r.election_id!);
  return { roles: [...roles], countingElections };
};
