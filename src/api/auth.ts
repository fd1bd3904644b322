import { z } from 'zod';
import { Role } from './access.ts';
import { CongressCode, IdBody, Text } from './common.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/u),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** A delegate signs in with the token of the QR code on the card. */
export const CardLoginBody = z.object({
  congress: CongressCode,
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/u),
});

export const Principal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    isServerAdmin: z.boolean(),
    roles: z.array(z.object({ congress: z.string(), role: Role, electionId: z.number().nullable() })),
  }),
  z.object({ kind: z.literal('delegate'), id: z.number(), congress: z.string(), fullName: z.string() }),
]);
export type Principal = z.infer<typeof Principal>;

export const CreateUserBody = z.object({
  username: z.string().trim().regex(/^[a-z0-9._-]{3,50}$/u),
  displayName: Text(100),
  password: z.string().min(10).max(200),
  isServerAdmin: z.boolean().default(false),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;
export const UserSummary = z.object({ id: z.number(), username: z.string(), displayName: z.string(), isServerAdmin: z.boolean() });

export const GrantRoleBody = z.object({ userId: IdBody, role: Role, electionId: IdBody.nullable().default(null) });
export type GrantRoleBody = z.infer<typeof GrantRoleBody>;
export const RoleGrant = z.object({
  id: z.number(), userId: z.number(), username: z.string(), role: Role, electionId: z.number().nullable(),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
}).strict();
