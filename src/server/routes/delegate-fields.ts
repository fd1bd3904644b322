/** Shared by the delegate routes and the import: API fields to table columns, organisation checks. */
import type { Kysely, Transaction } from 'kysely';
import type { CreateDelegateBody, UpdateDelegateBody } from '../../api/delegates.ts';
import type { Database, DelegateUpdate, NewDelegate } from '../../store/schema.ts';
import { newCardCode, newToken } from '../auth/tokens.ts';

export const newDelegateRow = (congressId: number, b: CreateDelegateBody, now: string): NewDelegate => ({
  congress_id: congressId, code: b.code, full_name: b.fullName.normalize('NFC'), gender: b.gender, birth_date: b.birthDate,
  ethnicity: b.ethnicity, education: b.education ?? null, political_theory: b.politicalTheory ?? null,
  party_join_date: b.partyJoinDate, position: b.position ?? null, organisation_id: b.organisationId, category: b.category,
  standing: b.standing, status: 'summoned', status_reason: null, replaced_by_id: null,
  is_convening_member: b.isConveningMember ? 1 : 0, seat: b.seat ?? null, card_token: newToken(), card_code: newCardCode(), card_revoked_at: null,
  card_printed_at: null,
  created_at: now,
});

export const delegateUpdate = (b: UpdateDelegateBody): DelegateUpdate => {
  const u: DelegateUpdate = {};
  if (b.code !== undefined) u.code = b.code;
  if (b.fullName !== undefined) u.full_name = b.fullName.normalize('NFC');
  if (b.gender !== undefined) u.gender = b.gender;
  if (b.birthDate !== undefined) u.birth_date = b.birthDate;
  if (b.ethnicity !== undefined) u.ethnicity = b.ethnicity;
  if (b.education !== undefined) u.education = b.education;
  if (b.politicalTheory !== undefined) u.political_theory = b.politicalTheory;
  if (b.partyJoinDate !== undefined) u.party_join_date = b.partyJoinDate;
  if (b.position !== undefined) u.position = b.position;
  if (b.organisationId !== undefined) u.organisation_id = b.organisationId;
  if (b.category !== undefined) u.category = b.category;
  if (b.standing !== undefined) u.standing = b.standing;
  if (b.isConveningMember !== undefined) u.is_convening_member = b.isConveningMember ? 1 : 0;
  if (b.seat !== undefined) u.seat = b.seat;
  return u;
};

/** Whether the organisation (if any) is an active one of the congress: a deactivated one takes no delegate. */
export const organisationBelongs = async (
  db: Kysely<Database> | Transaction<Database>, congressId: number, organisationId: number | null | undefined,
): Promise<boolean> => {
  if (organisationId === null || organisationId === undefined) return true;
  const o = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).where('congress_id', '=', congressId)
    .where('deactivated_at', 'is', null).executeTakeFirst();
  return o !== undefined;
};

/** The text of the card's QR code: ASCII, the congress code and the token. */
export const cardPayload = (congressCode: string, token: string): string => `DAIHOI1:${congressCode}:${token}`;
