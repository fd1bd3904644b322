/** Delegates: the list, one delegate, their status and card, and the list as a spreadsheet. */
import { z } from 'zod';
import { OFFICE, STAFF } from '../access.ts';
import { CongressParams, DelegateParams, Ok } from '../common.ts';
import { CardView, CreateDelegateBody, DelegateChangesView, DelegateStatusBody, DelegateView, ImportResult, UpdateDelegateBody } from '../delegates.ts';
import { endpoint, FILE, MULTIPART } from '../endpoint.ts';

export const delegateEndpoints = {
  listDelegates: endpoint({ method: 'GET', path: '/api/congresses/:code/delegates', params: CongressParams, response: z.array(DelegateView), access: [...STAFF, 'checkin'] }),
  createDelegate: endpoint({ method: 'POST', path: '/api/congresses/:code/delegates', params: CongressParams, body: CreateDelegateBody, response: DelegateView, access: OFFICE }),
  /** A delegate signed in by card reads only their own record. */
  getDelegate: endpoint({ method: 'GET', path: '/api/congresses/:code/delegates/:id', params: DelegateParams, response: DelegateView, access: [...STAFF, 'delegate'] }),
  updateDelegate: endpoint({ method: 'PATCH', path: '/api/congresses/:code/delegates/:id', params: DelegateParams, body: UpdateDelegateBody, response: DelegateView, access: OFFICE }),
  setDelegateStatus: endpoint({ method: 'PUT', path: '/api/congresses/:code/delegates/:id/status', params: DelegateParams, body: DelegateStatusBody, response: DelegateView, access: OFFICE }),
  /** The credentials report's history: every change to a delegate after the opening, with who recorded it (audit log). */
  delegateChanges: endpoint({ method: 'GET', path: '/api/congresses/:code/delegate-changes', params: CongressParams, response: DelegateChangesView, access: STAFF }),
  /** The card's sign-in token: only those who print cards read it. */
  getCard: endpoint({ method: 'GET', path: '/api/congresses/:code/delegates/:id/card', params: DelegateParams, response: CardView, access: OFFICE }),
  reissueCard: endpoint({ method: 'POST', path: '/api/congresses/:code/delegates/:id/card', params: DelegateParams, response: CardView, access: OFFICE }),
  revokeCard: endpoint({ method: 'DELETE', path: '/api/congresses/:code/delegates/:id/card', params: DelegateParams, response: Ok, access: OFFICE }),
  delegateTemplate: endpoint({ method: 'GET', path: '/api/congresses/:code/delegates-template.xlsx', params: CongressParams, response: FILE, access: OFFICE }),
  exportDelegates: endpoint({ method: 'GET', path: '/api/congresses/:code/delegates-export.xlsx', params: CongressParams, response: FILE, access: OFFICE }),
  /** All or nothing; a refusal lists every row and column at fault (ImportRejected). */
  importDelegates: endpoint({ method: 'POST', path: '/api/congresses/:code/delegates-import', params: CongressParams, body: MULTIPART, response: ImportResult, access: OFFICE }),
} as const;
