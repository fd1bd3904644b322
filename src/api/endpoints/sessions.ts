/** Sessions and their agenda, the current item, check-in and attendance, a delegate's own record. */
import { z } from 'zod';
import { CHAIR, DESK, EVERYONE, OFFICE, STAFF } from '../access.ts';
import { CongressIdParams, CongressParams, Ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { MyDelegateView } from '../me.ts';
import {
  AgendaItemBody, AgendaItemPatch, AgendaItemView, AgendaOrderBody, AttendanceQuery, AttendanceView, CheckinBody, CheckinView, CurrentItemBody,
  CurrentItemView, SessionBody, SessionPatch, SessionView,
} from '../sessions.ts';

export const sessionEndpoints = {
  listSessions: endpoint({ method: 'GET', path: '/api/congresses/:code/sessions', params: CongressParams, response: z.array(SessionView), access: EVERYONE }),
  createSession: endpoint({ method: 'POST', path: '/api/congresses/:code/sessions', params: CongressParams, body: SessionBody, response: SessionView, access: OFFICE }),
  updateSession: endpoint({ method: 'PATCH', path: '/api/congresses/:code/sessions/:id', params: CongressIdParams, body: SessionPatch, response: SessionView, access: OFFICE }),
  /** Only a session with no agenda item and no check-in. */
  deleteSession: endpoint({ method: 'DELETE', path: '/api/congresses/:code/sessions/:id', params: CongressIdParams, response: Ok, access: OFFICE }),
  updateAgendaItem: endpoint({ method: 'PATCH', path: '/api/congresses/:code/agenda-items/:id', params: CongressIdParams, body: AgendaItemPatch, response: AgendaItemView, access: OFFICE }),
  /** Only an item never made current and with nothing recorded under it (no vote). */
  deleteAgendaItem: endpoint({ method: 'DELETE', path: '/api/congresses/:code/agenda-items/:id', params: CongressIdParams, response: Ok, access: OFFICE }),
  createAgendaItem: endpoint({ method: 'POST', path: '/api/congresses/:code/sessions/:id/items', params: CongressIdParams, body: AgendaItemBody, response: AgendaItemView, access: OFFICE }),
  reorderAgenda: endpoint({ method: 'PUT', path: '/api/congresses/:code/sessions/:id/items/order', params: CongressIdParams, body: AgendaOrderBody, response: z.array(AgendaItemView), access: OFFICE }),
  setCurrentItem: endpoint({ method: 'PUT', path: '/api/congresses/:code/current-item', params: CongressParams, body: CurrentItemBody, response: CurrentItemView, access: CHAIR }),
  checkIn: endpoint({ method: 'POST', path: '/api/congresses/:code/sessions/:id/checkins', params: CongressIdParams, body: CheckinBody, response: CheckinView, access: DESK }),
  listCheckins: endpoint({ method: 'GET', path: '/api/congresses/:code/sessions/:id/checkins', params: CongressIdParams, response: z.array(CheckinView), access: [...STAFF, 'checkin'] }),
  attendance: endpoint({ method: 'GET', path: '/api/congresses/:code/attendance', params: CongressParams, query: AttendanceQuery, response: AttendanceView, access: EVERYONE }),
  /** A delegate's own record for their phone: the caller's own data only. */
  myRecord: endpoint({ method: 'GET', path: '/api/congresses/:code/me', params: CongressParams, response: MyDelegateView, access: ['delegate'] }),
} as const;
