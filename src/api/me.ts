/**
 * A delegate's own record, for their phone (GET /api/congresses/:code/me): who they are, where they sit, their
 * status and their check-in in each session. Only the caller's own data: never another delegate's.
 */
import { z } from 'zod';
import { DelegateStatus } from './delegates.ts';

export const MySessionCheckin = z.object({
  sessionId: z.number(),
  title: z.string(),
  kind: z.enum(['preparatory', 'official']),
  position: z.number(),
  /** When the delegate was checked in to this session (ISO instant); null: not checked in. */
  checkedInAt: z.string().nullable(),
});
export type MySessionCheckin = z.infer<typeof MySessionCheckin>;

export const MyDelegateView = z.object({
  id: z.number(),
  code: z.string(),
  fullName: z.string(),
  seat: z.string().nullable(),
  organisationName: z.string().nullable(),
  status: DelegateStatus,
  /** Every session of the congress in agenda order, with this delegate's check-in. */
  sessions: z.array(MySessionCheckin),
});
export type MyDelegateView = z.infer<typeof MyDelegateView>;
