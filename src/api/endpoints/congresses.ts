/** Congresses, their settings and their organisations. */
import { z } from 'zod';
import { EVERYONE, ADMIN, OFFICE, STAFF } from '../access.ts';
import { CongressIdParams, CongressParams } from '../common.ts';
import { CongressView, CreateCongressBody, OrganisationBody, OrganisationPatch, OrganisationView, SettingsPatch } from '../congresses.ts';
import { ImportResult } from '../delegates.ts';
import { endpoint, FILE, MULTIPART } from '../endpoint.ts';

export const congressEndpoints = {
  listCongresses: endpoint({ method: 'GET', path: '/api/congresses', response: z.array(CongressView), access: 'signed-in' }),
  createCongress: endpoint({ method: 'POST', path: '/api/congresses', body: CreateCongressBody, response: CongressView, access: 'server-admin' }),
  getCongress: endpoint({ method: 'GET', path: '/api/congresses/:code', params: CongressParams, response: CongressView, access: EVERYONE }),
  updateSettings: endpoint({ method: 'PATCH', path: '/api/congresses/:code/settings', params: CongressParams, body: SettingsPatch, response: CongressView, access: ADMIN }),

  listOrganisations: endpoint({ method: 'GET', path: '/api/congresses/:code/organisations', params: CongressParams, response: z.array(OrganisationView), access: STAFF }),
  createOrganisation: endpoint({ method: 'POST', path: '/api/congresses/:code/organisations', params: CongressParams, body: OrganisationBody, response: OrganisationView, access: OFFICE }),
  updateOrganisation: endpoint({ method: 'PATCH', path: '/api/congresses/:code/organisations/:id', params: CongressIdParams, body: OrganisationPatch, response: OrganisationView, access: OFFICE }),
  organisationTemplate: endpoint({ method: 'GET', path: '/api/congresses/:code/organisations-template.xlsx', params: CongressParams, response: FILE, access: OFFICE }),
  /** All or nothing, like the delegate list; a refusal lists every row and column at fault (ImportRejected). */
  importOrganisations: endpoint({ method: 'POST', path: '/api/congresses/:code/organisations-import', params: CongressParams, body: MULTIPART, response: ImportResult, access: OFFICE }),
} as const;
