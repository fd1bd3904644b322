/** Small rows for store tests: a congress with a session and N delegates, nothing more. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

export interface SmallCongress {
  readonly congressId: number;
  readonly sessionId: number;
  readonly delegateIds: readonly number[];
}

const now = (): string => new Date().toISOString();

export const insertSmallCongress = async (
  db: Kysely<Database>, code: string, delegates = 3,
): Promise<SmallCongress> => {
  const congress = await db.insertInto('congresses').values({
    code, higher_organisation_name: 'ĐẢNG BỘ TỈNH THỬ', organisation_name: `Đảng bộ thử ${code}`, kind: 'delegates',
    ordinal: 'I', term_start_year: 2025, term_end_year: 2030, start_date: '2025-07-15', end_date: '2025-07-16',
    venue: 'Hội trường thử', place: 'Hà Nội', settings: '{}', current_agenda_item_id: null, current_speaker_id: null,
    created_at: now(),
  }).returning('id').executeTakeFirstOrThrow();
  const session = await db.insertInto('congress_sessions').values({
    congress_id: congress.id, kind: 'official', title: 'Phiên chính thức', position: 1, starts_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const delegateIds: number[] = [];
  for (let i = 1; i <= delegates; i += 1) {
    const row = await db.insertInto('delegates').values({
      congress_id: congress.id, code: String(i).padStart(3, '0'), full_name: `Nguyễn Văn ${i}`, gender: 'male',
      birth_date: null, ethnicity: 'Kinh', education: null, political_theory: null, party_join_date: null,
      position: null, organisation_id: null, category: 'elected', standing: 'official', status: 'summoned',
      status_reason: null, replaced_by_id: null, is_convening_member: 0, seat: null,
      card_token: `${code}-card-${i}`, card_revoked_at: null, created_at: now(),
    }).returning('id').executeTakeFirstOrThrow();
    delegateIds.push(row.id);
  }
  return { congressId: congress.id, sessionId: session.id, delegateIds };
};
