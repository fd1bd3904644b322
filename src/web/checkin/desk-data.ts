/**
 * The check-in desk's data: every delegate with their organisation's name and whether present (src/rules/presence.ts
 * on the congress's check-ins, for the session in progress), and checking a delegate in to the congress — the server
 * picks the session and says whether they were present already and whether they vote.
 */
import { presentIds } from '../../rules/presence.ts';
import type { ApiClient, ApiResult } from '../api/client.ts';
import type { AttendanceView, CheckinOutcome, DeskDelegate, RecordedCheckin } from '../api/types.ts';

/** Checks a delegate in to the congress, by their card's token (camera) or by their id (search). */
export const checkIn = async (
  api: ApiClient, code: string, by: { readonly cardToken: string } | { readonly delegateId: number }, desk: string,
): Promise<CheckinOutcome> => {
  const r = await api.deskCheckIn({ params: { code }, body: { ...by, desk } });
  return r.ok ? { ok: true, result: r.value } : { ok: false, code: r.error.code, message_vi: r.error.message_vi, message_en: r.error.message_en };
};

/** Those present in the session in progress, from the congress's check-ins (voided and left ones do not count). */
export const presentNow = (checkins: readonly RecordedCheckin[], session: AttendanceView['session']): ReadonlySet<number> =>
  presentIds(checkins.map((c) => ({ delegateId: c.delegateId, sessionId: c.sessionId, left: c.leftAt !== null, voided: c.voidedAt !== null })), session);

export const loadDesk = async (api: ApiClient, code: string): Promise<ApiResult<DeskDelegate[]>> => {
  const [delegates, organisations, checkins, attendance] = await Promise.all([
    api.listDelegates({ params: { code } }), api.listOrganisations({ params: { code } }), api.congressCheckins({ params: { code } }),
    api.attendance({ params: { code } }),
  ]);
  if (!delegates.ok) return delegates;
  const orgName = new Map((organisations.ok ? organisations.value : []).map((o) => [o.id, o.name]));
  const present = presentNow(checkins.ok ? checkins.value : [], attendance.ok ? attendance.value.session : null);
  return {
    ok: true,
    value: delegates.value.map((d) => ({
      delegate: d,
      organisationName: d.organisationId === null ? null : orgName.get(d.organisationId) ?? null,
      checkedIn: present.has(d.id),
    })),
  };
};

/** Refusals that are about who the delegate is (their own colour), not a fault. */
const NOT_ADMITTED = new Set(['checkin.absent-whole', 'checkin.not-summoned', 'checkin.replaced', 'checkin.suspended', 'checkin.temporarily-attached']);

/** What the big confirmation shows: green (checked in), blue (present already), violet (present, does not vote), amber (not admitted), red (fault). */
export type Confirmation =
  | {
    readonly kind: 'accepted' | 'already' | 'not-voting';
    readonly fullName: string;
    readonly organisationName: string | null;
    readonly seat: string | null;
    readonly standing: 'official' | 'alternate' | 'probationary';
    readonly replaces: string | null;
    readonly sessionTitle: string;
    /** The check-in that makes them present (for "already": the earlier one). */
    readonly at: string;
    readonly desk: string | null;
    readonly method: 'qr' | 'search';
  }
  | { readonly kind: 'not-admitted' | 'refused'; readonly message_vi: string; readonly message_en: string };

export const confirmationOf = (outcome: CheckinOutcome): Confirmation => {
  if (!outcome.ok) return { kind: NOT_ADMITTED.has(outcome.code) ? 'not-admitted' : 'refused', message_vi: outcome.message_vi, message_en: outcome.message_en };
  const { result } = outcome;
  const d = result.delegate;
  return {
    kind: !d.votes ? 'not-voting' : result.outcome === 'already' ? 'already' : 'accepted',
    fullName: d.fullName, organisationName: d.organisationName, seat: d.seat, standing: d.standing, replaces: d.replaces,
    sessionTitle: result.session.title, at: result.checkin.at, desk: result.checkin.desk, method: result.checkin.method,
  };
};

/**
 * The same card shown again while still in front of the camera is not checked in twice: a scan of the card answered
 * last, within `ms`, is ignored (the scanner reports a card again only once it has left the view for a while).
 */
export const isRepeat = (last: { readonly token: string; readonly at: number } | null, token: string, now: number, ms = 10_000): boolean =>
  last !== null && last.token === token && now - last.at < ms;
