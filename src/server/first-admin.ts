/**
 * On first start (no user at all) an administrator account is created; its password is printed once and must be
 * changed at the first sign-in (until then the server answers that account nothing else).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { generatePassword, hashPassword } from './auth/passwords.ts';
import { isUniqueViolation } from './tx.ts';

export const ensureAdministrator = async (db: Kysely<Database>): Promise<{ username: string; password: string } | null> => {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return null;
  const password = generatePassword();
  try {
    await db.insertInto('users').values({
      username: 'admin', display_name: 'Quản trị hệ thống', password_hash: await hashPassword(password), is_server_admin: 1,
      disabled_at: null, created_at: new Date().toISOString(), must_change_password: 1,
    }).execute();
  } catch (e) {
    // Another instance starting on the same database created it first: its password was printed there.
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return { username: 'admin', password };
};
