/**
 * Who reads which discussion document, checked on every route of the discussion: "public" anyone of the congress,
 * "delegates" delegates and staff, "staff" the congress staff, "secret" (Mật) only the office and the presidium
 * signed in as users — a delegate signed in by the card (a phone) never, whatever else they are. A document the
 * caller may not read is answered as not found, so its existence does not leak either.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { STAFF_ROLES, type AccessRole } from '../../../api/access.ts';
import type { DiscussionAccess } from '../../../api/discussion.ts';
import { err, ok, ruleError, type Result } from '../../../rules/index.ts';
import type { DiscussionDocumentsTable } from '../../../store/discussion-schema.ts';
import type { Database } from '../../../store/schema.ts';
import type { BusEvent } from '../../live/bus.ts';
import { forbidden, notFound, problem, type Problem } from '../../problems.ts';
import type { Caller } from '../../route.ts';

export type Db = Kysely<Database> | Transaction<Database>;
export type DocumentRow = Selectable<DiscussionDocumentsTable>;

const SECRET_READERS: readonly AccessRole[] = ['admin', 'secretariat', 'presidium'];

/** The access levels a caller reads. */
export const readableLevels = (caller: Pick<Caller, 'principal' | 'roles'>): DiscussionAccess[] => {
  const levels: DiscussionAccess[] = ['public'];
  const isUser = caller.principal?.kind === 'user';
  if (caller.roles.includes('delegate') || caller.roles.some((r) => STAFF_ROLES.includes(r))) levels.push('delegates');
  if (isUser && caller.roles.some((r) => STAFF_ROLES.includes(r))) levels.push('staff');
  if (isUser && caller.roles.some((r) => SECRET_READERS.includes(r))) levels.push('secret');
  return levels;
};

export const isStaffCaller = (caller: Pick<Caller, 'principal' | 'roles'>): boolean =>
  caller.principal?.kind === 'user' && caller.roles.some((r) => r !== 'delegate');

/** The caller's delegate id when they act as a delegate (signed in by the card), else null. */
export const delegateOf = (caller: Pick<Caller, 'principal' | 'roles'>): number | null =>
  caller.principal?.kind === 'delegate' ? caller.principal.delegateId : null;

export const documentNotFound = (): Problem => notFound('văn kiện thảo luận', 'Discussion document', 'params.id');

/** The document if it exists in the congress and the caller may read it. */
export const readableDocument = async (db: Db, congressId: number, id: number, caller: Pick<Caller, 'principal' | 'roles'>): Promise<Result<DocumentRow, Problem>> => {
  const d = await db.selectFrom('discussion_documents').selectAll().where('id', '=', id).where('congress_id', '=', congressId).executeTakeFirst();
  if (d === undefined || !readableLevels(caller).includes(d.access)) return err(documentNotFound());
  return ok(d);
};

/** Whether delegates may still post and change comments on it. */
export const isOpen = (d: Pick<DocumentRow, 'comment_deadline'>, now: string): boolean =>
  d.comment_deadline === null || Date.parse(now) < Date.parse(d.comment_deadline);

export const closedProblem = (): Problem => problem(409, ruleError('discussion.closed', 'Đã hết hạn góp ý văn kiện này.',
  'The deadline for comments on this document has passed.'));

/** A live event for a document, never for a "Mật" one (the live channel reaches phones). */
export const documentEvents = (congressId: number, d: Pick<DocumentRow, 'id' | 'access'>): BusEvent[] =>
  d.access === 'secret' ? [] : [{ congressId, kind: 'discussion', id: d.id }];

export { forbidden };
