/** The check-in desk's list: every delegate with their organisation's name and whether checked in. */
import type { ApiClient, ApiResult } from '../api/client.ts';
import type { CheckinOutcome, DeskDelegate } from '../api/types.ts';

export const loadDesk = async (api: ApiClient, code: string): Promise<ApiResult<DeskDelegate[]>> => {
  const [delegates, organisations, checkins] = await Promise.all([api.delegates(code), api.organisations(code), api.checkins(code)]);
  if (!delegates.ok) return delegates;
  const orgName = new Map((organisations.ok ? organisations.value : []).map((o) => [o.id, o.name]));
  const present = new Set((checkins.ok ? checkins.value : []).map((c) => c.delegateId));
  return {
    ok: true,
    value: delegates.value.map((d) => ({
      delegate: d,
      organisationName: d.organisationId === null ? null : orgName.get(d.organisationId) ?? null,
      checkedIn: present.has(d.id),
    })),
  };
};

/** What the big confirmation shows. */
export type Confirmation =
  | { readonly ok: true; readonly fullName: string; readonly organisationName: string | null; readonly seat: string | null; readonly already: boolean }
  | { readonly ok: false; readonly message_vi: string; readonly message_en: string };

export const confirmationOf = (outcome: CheckinOutcome, desk: readonly DeskDelegate[]): Confirmation => {
  if (!outcome.ok) return outcome;
  const row = desk.find((d) => d.delegate.id === outcome.checkin.delegateId);
  return {
    ok: true,
    fullName: outcome.checkin.fullName,
    organisationName: row?.organisationName ?? null,
    seat: row?.delegate.seat ?? null,
    already: row?.checkedIn ?? false,
  };
};
