/**
 * What the hall screen shows, as the presidium or the secretariat chose it at the operator panel: one view held
 * (the current item, the speaker, attendance, a show-of-hands result, an election's result, the targets, the
 * discussion's numbers), or
 * `follow`: the screen follows the agenda (src/web/hall/follow.ts decides what the current item calls for).
 */
import { z } from 'zod';
import { IdBody } from './common.ts';

export const HALL_SHOWS = ['item', 'speaker', 'attendance', 'vote', 'election', 'targets', 'discussion'] as const;
export const HallShow = z.enum(HALL_SHOWS);
export type HallShow = z.infer<typeof HallShow>;

export const HallView = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('follow') }).strict(),
  z.object({
    mode: z.literal('fixed'),
    show: HallShow,
    /** For `vote`: which show-of-hands record (null: the latest in force). */
    voteId: IdBody.nullable().default(null),
    /** For `election`: which election's published result (null: the latest published). */
    electionId: IdBody.nullable().default(null),
  }).strict(),
]);
export type HallView = z.infer<typeof HallView>;
export const FOLLOW: HallView = { mode: 'follow' };
