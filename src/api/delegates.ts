import { z } from 'zod';
import { IdBody, IsoDate, OptionalText, Text, nonEmpty, NOTHING_TO_CHANGE } from './common.ts';

export const DELEGATE_STATUSES = [
  'summoned', 'not-summoned', 'absent-whole', 'replaced', 'temporarily-attached', 'exempted', 'suspended',
] as const;
export const DelegateStatus = z.enum(DELEGATE_STATUSES);

/** Each status's Vietnamese name, the same on the screens and in the printed documents. */
export const DELEGATE_STATUS_VI: Readonly<Record<(typeof DELEGATE_STATUSES)[number], string>> = {
  summoned: 'Được triệu tập',
  'not-summoned': 'Không triệu tập',
  'absent-whole': 'Vắng cả đại hội',
  replaced: 'Đã thay bằng dự khuyết',
  'temporarily-attached': 'Sinh hoạt tạm thời nơi khác',
  exempted: 'Miễn sinh hoạt',
  suspended: 'Bị đình chỉ, truy tố, tạm giam',
};
export const DelegateCategory = z.enum(['ex-officio', 'elected', 'appointed']);
export const DelegateStanding = z.enum(['official', 'alternate', 'probationary']);

const DelegateFields = {
  code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/u),
  fullName: Text(120),
  gender: z.enum(['male', 'female']),
  birthDate: IsoDate.nullable().default(null),
  ethnicity: Text(50).default('Kinh'),
  education: OptionalText(120),
  politicalTheory: OptionalText(120),
  partyJoinDate: IsoDate.nullable().default(null),
  position: OptionalText(300),
  organisationId: IdBody.nullable().default(null),
  category: DelegateCategory,
  standing: DelegateStanding.default('official'),
  isConveningMember: z.boolean().default(false),
  seat: OptionalText(20),
};

export const CreateDelegateBody = z.object(DelegateFields).strict();
export type CreateDelegateBody = z.infer<typeof CreateDelegateBody>;

export const UpdateDelegateBody = z.object({
  code: DelegateFields.code.optional(),
  fullName: DelegateFields.fullName.optional(),
  gender: DelegateFields.gender.optional(),
  birthDate: IsoDate.nullable().optional(),
  ethnicity: Text(50).optional(),
  education: OptionalText(120),
  politicalTheory: OptionalText(120),
  partyJoinDate: IsoDate.nullable().optional(),
  position: OptionalText(300),
  organisationId: IdBody.nullable().optional(),
  category: DelegateCategory.optional(),
  standing: DelegateStanding.optional(),
  isConveningMember: z.boolean().optional(),
  seat: OptionalText(20),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export type UpdateDelegateBody = z.infer<typeof UpdateDelegateBody>;

/** Status changes: a reason for every status but "summoned"; the alternate for "replaced". */
export const DelegateStatusBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('summoned') }).strict(),
  z.object({ status: z.literal('replaced'), reason: Text(300), replacedById: IdBody }).strict(),
  z.object({
    status: z.enum(['not-summoned', 'absent-whole', 'temporarily-attached', 'exempted', 'suspended']),
    reason: Text(300),
  }).strict(),
]);
export type DelegateStatusBody = z.infer<typeof DelegateStatusBody>;

export const DelegateView = z.object({
  id: z.number(),
  code: z.string(),
  fullName: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string().nullable(),
  ethnicity: z.string(),
  education: z.string().nullable(),
  politicalTheory: z.string().nullable(),
  partyJoinDate: z.string().nullable(),
  position: z.string().nullable(),
  organisationId: z.number().nullable(),
  category: DelegateCategory,
  standing: DelegateStanding,
  status: DelegateStatus,
  statusReason: z.string().nullable(),
  replacedById: z.number().nullable(),
  isConveningMember: z.boolean(),
  seat: z.string().nullable(),
  cardRevoked: z.boolean(),
  /** Whether the current card has been printed (a new card must be printed again). */
  cardPrinted: z.boolean(),
});
export type DelegateView = z.infer<typeof DelegateView>;

/**
 * One change to a delegate recorded after the congress opened (its first check-in), read from the audit log: the
 * history of the credentials report (docs/rules.md §1: a status that changes N_base is changed by the credentials
 * committee, or at a congress of members by the convening committee).
 */
export const DelegateChangeView = z.object({
  /** The audit log's sequence number. */
  id: z.number(),
  at: z.string(),
  /** Who recorded it: "display name (username)", or the actor as logged. */
  by: z.string(),
  delegateId: z.number().nullable(),
  fullName: z.string(),
  kind: z.enum(['added', 'edited', 'status', 'card-revoked', 'card-reissued']),
  /** A status change: the status before (null when the log predates it) and after. */
  from: DelegateStatus.nullable(),
  to: DelegateStatus.nullable(),
  /** A replacement: the alternate's name. */
  replacedBy: z.string().nullable(),
  /** An edit: the fields changed (keys of UpdateDelegateBody). */
  fields: z.array(z.string()),
  reason: z.string().nullable(),
});
export type DelegateChangeView = z.infer<typeof DelegateChangeView>;

/** The changes after the opening, oldest first; `openedAt` null while nobody has checked in. */
export const DelegateChangesView = z.object({ openedAt: z.string().nullable(), changes: z.array(DelegateChangeView) });

/** `payload`: what the card's QR code holds (congress and token); `code`: the short code printed on it for typing at sign-in ("ABCDE-FGHJK"). */
export const CardView = z.object({ delegateId: z.number(), token: z.string(), payload: z.string(), code: z.string().nullable() });

export const ImportResult = z.object({ imported: z.number() });
