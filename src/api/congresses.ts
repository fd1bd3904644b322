import { z } from 'zod';
import { CongressCode, IsoDate, Text, nonEmpty, NOTHING_TO_CHANGE, refineMessage } from './common.ts';

export const CountSettingsSchema = z.object({
  alternatesFromSameBallot: z.boolean(),
  writeInInvalid: z.boolean(),
  identifyingMarkInvalid: z.boolean(),
  singleCandidateBothOrNoneInvalid: z.boolean(),
  unstampedIsNotIssued: z.boolean(),
}).strict();

const Quorum = z.object({
  numerator: z.number().int().min(1).max(100),
  denominator: z.number().int().min(1).max(100),
}).strict().refine((q) => q.numerator <= q.denominator, { message: refineMessage('Tỷ lệ túc số không được lớn hơn 1.', 'The quorum fraction cannot exceed 1.'), path: ['numerator'] });

/** Every [open] setting of docs/rules.md (src/rules/settings.ts CongressSettings). */
export const CongressSettingsSchema = z.object({
  quorum: Quorum.nullable(),
  surplusRounding: z.literal('floor'),
  delegationMaxSurplus: z.number().int().min(0).max(1000).nullable(),
  tieResolution: z.literal('revote'),
  shortfallRevoteForCommittees: z.literal('congress-decides'),
  secretaryPoll: z.boolean(),
  directSecretaryElection: z.boolean(),
  independentEntries: z.union([z.literal(2), z.literal(3)]),
  count: CountSettingsSchema,
}).strict();

/** A change of settings: any subset; `count` may itself be partial. */
export const SettingsPatch = CongressSettingsSchema.omit({ count: true }).partial()
  .extend({ count: CountSettingsSchema.partial().optional() }).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const CreateCongressBody = z.object({
  code: CongressCode,
  higherOrganisationName: Text(200),
  organisationName: Text(200),
  kind: z.enum(['delegates', 'members']),
  ordinal: z.string().regex(/^[IVXLC]{1,10}$/u),
  termStartYear: z.number().int().min(1930).max(2200),
  termEndYear: z.number().int().min(1930).max(2200),
  startDate: IsoDate,
  endDate: IsoDate,
  venue: Text(200),
  place: Text(100),
}).strict()
  .refine((c) => c.termEndYear > c.termStartYear, { message: refineMessage('Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.', 'The term must end after it starts.'), path: ['termEndYear'] })
  .refine((c) => c.endDate >= c.startDate, { message: refineMessage('Ngày bế mạc không được trước ngày khai mạc.', 'The end date cannot precede the start date.'), path: ['endDate'] });
export type CreateCongressBody = z.infer<typeof CreateCongressBody>;

export const CongressView = z.object({
  id: z.number(),
  code: z.string(),
  higherOrganisationName: z.string(),
  organisationName: z.string(),
  kind: z.enum(['delegates', 'members']),
  ordinal: z.string(),
  termStartYear: z.number(),
  termEndYear: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  place: z.string(),
  settings: CongressSettingsSchema,
  currentAgendaItemId: z.number().nullable(),
  currentSpeakerId: z.number().nullable(),
});
export type CongressView = z.infer<typeof CongressView>;

export const OrganisationBody = z.object({
  name: Text(200),
  role: z.enum(['host', 'member']).default('member'),
  partyMembers: z.number().int().min(0).max(10_000_000).nullable().default(null),
  position: z.number().int().min(0).max(100_000).optional(),
}).strict();
export const OrganisationPatch = z.object({
  name: Text(200).optional(),
  partyMembers: z.number().int().min(0).max(10_000_000).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export const OrganisationView = z.object({
  id: z.number(), name: z.string(), role: z.enum(['host', 'member']), partyMembers: z.number().nullable(), position: z.number(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;
