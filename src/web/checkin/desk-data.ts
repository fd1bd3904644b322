/**
 * The check-in desk's data: every delegate with their organisation's name and whether checked in, and checking a
 * delegate in. Check-ins belong to the session in progress, which the attendance view names.
 */
import type { ApiClient, ApiResult } from '../api/client.ts';
import type { ApiError, Checkin, CheckinOutcome, DeskDelegate } from '../api/types.ts';

const noSession: ApiError = {
  code: 'checkin.no-session',
  message_vi: 'Chưa có phiên họp nào để điểm danh.',
  message_en: 'No session to check in to.',
};

/**
 * The session check-ins go to: the server's current session (that of the current agenda item, or the last one
 * with check-ins); before anything has started, the first session of the agenda; null when there is none.
 */
export const sessionForCheckin = async (api: ApiClient, code: string): Promise<ApiResult<number | null>> => {
  const attendance = await api.attendance({ params: { code } });
  if (!attendance.ok) return attendance;
  if (attendance.value.sessionId !== null) return { ok: true, value: attendance.value.sessionId };
  const sessions = await api.listSessions({ params: { code } });
  if (!sessions.ok) return sessions;
  const first = [...sessions.value].sort((x, y) => x.position - y.position)[0];
  return { ok: true, value: first?.id ?? null };
};

/** The check-ins of the session in progress (none before there is a session). */
export const currentCheckins = async (api: ApiClient, code: string): Promise<ApiResult<readonly Checkin[]>> => {
  const session = await sessionForCheckin(api, code);
  if (!session.ok) return session;
  if (session.value === null) return { ok: true, value: [] };
  return api.listCheckins({ params: { code, id: session.value } });
};

/** Checks a delegate in to the session in progress, by their card's token or by their id (search). */
export const checkIn = async (
  api: ApiClient, code: string, by: { readonly cardToken: string } | { readonly delegateId: number }, desk: string,
): Promise<CheckinOutcome> => {
  const session = await sessionForCheckin(api, code);
  const r = !session.ok ? session : session.value === null ? { ok: false as const, error: noSession }
    : await api.checkIn({ params: { code, id: session.value }, body: { ...by, desk } });
  return r.ok ? { ok: true, checkin: r.value, delegate: null, organisationName: null }
    : { ok: false, message_vi: r.error.message_vi, message_en: r.error.message_en };
};

export const loadDesk = async (api: ApiClient, code: string): Promise<ApiResult<DeskDelegate[]>> => {
  const [delegates, organisations, checkins] = await Promise.all([
    api.listDelegates({ params: { code } }), api.listOrganisations({ params: { code } }), currentCheckins(api, code),
  ]);
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
