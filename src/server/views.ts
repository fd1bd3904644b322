/** Database rows to the API's views (camelCase, booleans), in one place. */
import type { Selectable } from 'kysely';
import type { CongressView, OrganisationView } from '../api/congresses.ts';
import type { DelegateView } from '../api/delegates.ts';
import type { VoteView } from '../api/bodies.ts';
import type { VoidedView } from '../api/bodies.ts';
import type { CandidateView } from '../api/elections.ts';
import { majorityThreshold } from '../rules/index.ts';
import type { Candidate, Congress, Delegate, OrganisationsTable, Vote } from '../store/schema.ts';
import { readSettings } from './settings.ts';

export const congressView = (c: Congress): CongressView => ({
  id: c.id, code: c.code, higherOrganisationName: c.higher_organisation_name, organisationName: c.organisation_name,
  kind: c.kind, ordinal: c.ordinal, termStartYear: c.term_start_year, termEndYear: c.term_end_year,
  startDate: c.start_date, endDate: c.end_date, venue: c.venue, place: c.place, settings: readSettings(c),
  currentAgendaItemId: c.current_agenda_item_id, currentSpeakerId: c.current_speaker_id,
});

export const organisationView = (o: Selectable<OrganisationsTable>): OrganisationView => ({
  id: o.id, name: o.name, role: o.role, partyMembers: o.party_members, position: o.position,
  active: o.deactivated_at === null,
});

export const delegateView = (d: Delegate): DelegateView => ({
  id: d.id, code: d.code, fullName: d.full_name, gender: d.gender, birthDate: d.birth_date, ethnicity: d.ethnicity,
  education: d.education, politicalTheory: d.political_theory, partyJoinDate: d.party_join_date, position: d.position,
  organisationId: d.organisation_id, category: d.category, standing: d.standing, status: d.status,
  statusReason: d.status_reason, replacedById: d.replaced_by_id, isConveningMember: d.is_convening_member === 1,
  seat: d.seat, cardRevoked: d.card_revoked_at !== null, cardPrinted: d.card_printed_at !== null,
});

export const voteView = (v: Vote): VoteView => ({
  id: v.id, subject: v.subject, kind: v.kind, agree: v.agree, disagree: v.disagree, other: v.other,
  base: v.base, present: v.present, threshold: majorityThreshold(v.base), passed: v.passed === 1, recordedAt: v.recorded_at,
  agendaItemId: v.agenda_item_id, voided: voidedOf(v),
});

export const voidedOf = (r: { voided_at: string | null; void_reason: string | null; voided_by: string | null }): VoidedView =>
  r.voided_at === null ? null : { at: r.voided_at, reason: r.void_reason ?? '', by: r.voided_by ?? '' };

export const candidateView = (c: Candidate): CandidateView => ({
  id: c.id, delegateId: c.delegate_id, fullName: c.full_name, birthDate: c.birth_date, source: c.source,
  position: c.position, status: c.status, pollAgree: c.poll_agree, voided: voidedOf(c),
});
