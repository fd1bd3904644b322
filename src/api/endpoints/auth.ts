/** Signing in and out, the caller's own account, and the server's users. */
import { z } from 'zod';
import { CongressIdParams, CongressParams, Ok } from '../common.ts';
import { ADMIN } from '../access.ts';
import {
  CardLoginBody, ChangePasswordBody, CreateUserBody, GrantRoleBody, LoginBody, Principal, RoleGrant, UserSummary,
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

  listUsers: endpoint({ method: 'GET', path: '/api/users', response: z.array(UserSummary), access: 'server-admin' }),
  createUser: endpoint({ method: 'POST', path: '/api/users', body: CreateUserBody, response: UserSummary, access: 'server-admin' }),

  listRoles: endpoint({ method: 'GET', path: '/api/congresses/:code/roles', params: CongressParams, response: z.array(RoleGrant), access: ADMIN }),
  grantRole: endpoint({ method: 'POST', path: '/api/congresses/:code/roles', params: CongressParams, body: GrantRoleBody, response: RoleGrant, access: ADMIN }),
  revokeRole: endpoint({ method: 'DELETE', path: '/api/congresses/:code/roles/:id', params: CongressIdParams, response: Ok, access: ADMIN }),
} as const;
