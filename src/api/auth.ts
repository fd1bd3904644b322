import { z } from 'zod';
import { Role } from './access.ts';
import { CongressCode, Id, IdBody, refineMessage, Text } from './common.ts';

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
    /** Until they choose a new password the server answers them only `me`, `changePassword` and `signOut`. */
    mustChangePassword: z.boolean().optional(),
    roles: z.array(z.object({ congress: z.string(), role: Role, electionId: z.number().nullable() })),
  }),
  z.object({ kind: z.literal('delegate'), id: z.number(), congress: z.string(), fullName: z.string() }),
]);
export type Principal = z.infer<typeof Principal>;

/** The shortest password a person may choose. */
export const PASSWORD_MIN = 10;
const NewPassword = z.string().min(PASSWORD_MIN).max(200);

export const Username = z.string().trim().toLowerCase().refine((u) => /^[a-z0-9._-]{3,50}$/u.test(u), {
  message: refineMessage('chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới; từ 3 đến 50 ký tự',
    'lower-case letters without accents, digits, dot, dash and underscore only; 3 to 50 characters'),
});

/**
 * A new account. Without `password` (the accounts screen) the server makes one, answers it once, and the user
 * must change it at the first sign-in; a password given by a script is the script's own and is kept.
 */
export const CreateUserBody = z.object({
  username: Username,
  displayName: Text(100),
  password: NewPassword.optional(),
  isServerAdmin: z.boolean().default(false),
}).strict();
export type CreateUserBody = z.infer<typeof CreateUserBody>;
export const UserSummary = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), isServerAdmin: z.boolean(), mustChangePassword: z.boolean().optional(),
});
/** A password the server made: shown once, never stored in clear. */
export const CreatedUser = UserSummary.extend({ password: z.string().nullable() });
export const NewPasswordView = z.object({ username: z.string(), password: z.string() });

/** One account as the server administrator's accounts screen lists it. */
export const AccountView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  isServerAdmin: z.boolean(),
  disabledAt: z.string().nullable(),
  /** Failed sign-ins from some address hold the account until then (null: not held). */
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;
export const UserParams = z.object({ id: Id });
export const DisabledBody = z.object({ disabled: z.boolean() }).strict();
/** Who a congress's administrator may give a role to: enabled accounts, by name. */
export const AssignableUser = z.object({ id: z.number(), username: z.string(), displayName: z.string() });

export const GrantRoleBody = z.object({ userId: IdBody, role: Role, electionId: IdBody.nullable().default(null) });
export type GrantRoleBody = z.infer<typeof GrantRoleBody>;
export const RoleGrant = z.object({
  id: z.number(), userId: z.number(), username: z.string(), displayName: z.string().optional(), role: Role, electionId: z.number().nullable(),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
}).strict().refine((b) => b.newPassword !== b.currentPassword, {
  path: ['newPassword'],
  message: refineMessage('mật khẩu mới phải khác mật khẩu hiện tại', 'the new password must differ from the current one'),
});
