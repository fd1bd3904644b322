/** The endpoints of the contract as the API tests iterate them: key, access, and whether they take a JSON body. */
import { API, routeKey, schemaOf, type Access, type Endpoint } from '../../../src/api/index.ts';

export interface RouteEntry {
  readonly name: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly access: Access;
  readonly jsonBody: boolean;
}

export const ROUTES: readonly RouteEntry[] = (Object.entries(API) as [string, Endpoint][]).map(([name, e]) => ({
  name, key: routeKey(e), method: e.method, path: e.path, access: e.access, jsonBody: schemaOf(e.body) !== undefined,
}));
