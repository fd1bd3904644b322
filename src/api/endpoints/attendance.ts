/** Attendance of the congress: the desk's check-in, the record of check-ins, leaving, voids, the session's policy, sign-in by card anywhere. */
import { z } from 'zod';
import { CHAIR, DESK, STAFF } from '../access.ts';
import {
  CardAnywhereBody, CheckinPolicyBody, DeskCheckinBody, DeskCheckinResult, LeaveBody, RecordedCheckin, VoidCheckinBody,
} from '../attendance.ts';
import { Principal } from '../auth.ts';
import { CongressIdParams, CongressParams } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { SessionView } from '../sessions.ts';

export const attendanceEndpoints = {
  deskCheckIn: endpoint({ method: 'POST', path: '/api/congresses/:code/checkins', params: CongressParams, body: DeskCheckinBody, response: DeskCheckinResult, access: DESK,
    summary: 'Checks a delegate in to the congress (the session in progress); says so when they are present already.' }),
  congressCheckins: endpoint({ method: 'GET', path: '/api/congresses/:code/checkins', params: CongressParams, response: z.array(RecordedCheckin), access: [...STAFF, 'checkin'] }),
  leaveCheckin: endpoint({ method: 'POST', path: '/api/congresses/:code/checkins/:id/leave', params: CongressIdParams, body: LeaveBody, response: RecordedCheckin, access: [...DESK, 'presidium'] }),
  voidCheckin: endpoint({ method: 'POST', path: '/api/congresses/:code/checkins/:id/void', params: CongressIdParams, body: VoidCheckinBody, response: RecordedCheckin, access: CHAIR }),
  setCheckinPolicy: endpoint({ method: 'PUT', path: '/api/congresses/:code/sessions/:id/checkin-policy', params: CongressIdParams, body: CheckinPolicyBody, response: SessionView, access: CHAIR }),
  signInAnywhere: endpoint({ method: 'POST', path: '/api/auth/card-anywhere', body: CardAnywhereBody, response: Principal, access: 'public',
    summary: 'A delegate signs in with the card\'s token alone or the code printed on it; failed attempts are limited.' }),
} as const;
