/**
 * The HTTP API's one table: every endpoint the server answers, by name. The server registers exactly these
 * (src/server/build.ts refuses to start with one missing or one extra), the route × role test iterates them, and
 * the web client (src/web/api/client.ts) is derived from them.
 *
 * A new endpoint: one entry in an area file of src/api/endpoints/ (method, path, schemas, access), and one
 * handler `serve(app, deps, API.name, async (ctx) => …)` in src/server/routes.
 */
import { attendanceEndpoints } from './endpoints/attendance.ts';
import { authEndpoints } from './endpoints/auth.ts';
import { bodyEndpoints } from './endpoints/bodies.ts';
import { congressEndpoints } from './endpoints/congresses.ts';
import { countingEndpoints } from './endpoints/counting.ts';
import { delegateEndpoints } from './endpoints/delegates.ts';
import { discussionEndpoints } from './endpoints/discussion.ts';
import { electionEndpoints } from './endpoints/elections.ts';
import { floorEndpoints } from './endpoints/floor.ts';
import { hallEndpoints } from './endpoints/hall.ts';
import { printoutEndpoints } from './endpoints/printouts.ts';
import { scanEndpoints } from './endpoints/scan.ts';
import { sessionEndpoints } from './endpoints/sessions.ts';

export const API = {
  ...authEndpoints,
  ...congressEndpoints,
  ...delegateEndpoints,
  ...sessionEndpoints,
  ...attendanceEndpoints,
  ...bodyEndpoints,
  ...electionEndpoints,
  ...countingEndpoints,
  ...scanEndpoints,
  ...floorEndpoints,
  ...hallEndpoints,
  ...printoutEndpoints,
  ...discussionEndpoints,
} as const;

export type Api = typeof API;
export type EndpointName = keyof Api;
export const ENDPOINT_NAMES = Object.keys(API) as EndpointName[];
