/** Signing in and out, the caller's own account, and the server's users. */
import { z } from 'zod';
import { CongressIdParams, CongressParams, Ok } from '../common.ts';
import { ADMIN } from '../access.ts';
import {
  AccountView, AssignableUser, CardLoginBody, ChangePasswordBody, CreatedUser, CreateUserBody, DisabledBody, GrantRoleBody, LoginBody,
  NewPasswordView, Principal, RoleGrant, UserParams, UserSummary,
} from '../auth.ts';
import { endpoint } from '../endpoint.ts';

export const HealthView = z.object({ status: z.literal('ok'), database: z.string().optional(), version: z.string().optional() });

export const authEndpoints = {
  health: endpoint({ method: 'GET', path: '/api/health', response: HealthView, access: 'public', summary: 'The server answers and its database too.' }),
  signIn: endpoint({ method: 'POST', path: '/api/auth/login', body: LoginBody, response: UserSummary, access: 'public' }),
  signInWithCard: endpoint({ method: 'POST', path: '/api/auth/card', body: CardLoginBody, response: Principal, access: 'public' }),
  signOut: endpoint({ method: 'POST', path: '/api/auth/logout', response: Ok, access: 'public' }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: Principal, access: 'signed-in' }),
  changePassword: endpoint({ method: 'POST', path: '/api/auth/password', body: ChangePasswordBody, response: Ok, access: 'signed-in' }),

  listUsers: endpoint({ method: 'GET', path: '/api/users', response: z.array(AccountView), access: 'server-admin' }),
  createUser: endpoint({ method: 'POST', path: '/api/users', body: CreateUserBody, response: CreatedUser, access: 'server-admin' }),
  setUserDisabled: endpoint({ method: 'PUT', path: '/api/users/:id/disabled', params: UserParams, body: DisabledBody, response: AccountView,
    access: 'server-admin', summary: 'Disables an account (its sessions end at once) or enables it again.' }),
  resetPassword: endpoint({ method: 'POST', path: '/api/users/:id/password', params: UserParams, response: NewPasswordView, access: 'server-admin',
    summary: 'A new password made by the server, shown once; the user must change it at the next sign-in.' }),
  unlockUser: endpoint({ method: 'POST', path: '/api/users/:id/unlock', params: UserParams, response: AccountView, access: 'server-admin',
    summary: 'Forgets the failed sign-ins of the account, from every address.' }),

  listAssignableUsers: endpoint({ method: 'GET', path: '/api/congresses/:code/users', params: CongressParams, response: z.array(AssignableUser), access: ADMIN }),

  listRoles: endpoint({ method: 'GET', path: '/api/congresses/:code/roles', params: CongressParams, response: z.array(RoleGrant), access: ADMIN }),
  grantRole: endpoint({ method: 'POST', path: '/api/congresses/:code/roles', params: CongressParams, body: GrantRoleBody, response: RoleGrant, access: ADMIN }),
  revokeRole: endpoint({ method: 'DELETE', path: '/api/congresses/:code/roles/:id', params: CongressIdParams, response: Ok, access: ADMIN }),
} as const;
