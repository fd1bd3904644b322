/**
 * The first data of the phone's reading page, `/read?doc=ID`, embedded by the server in its HTML (static.ts): who is
 * signed in, as `me` answers, and the document's first page, as the units endpoint answers it — through the same
 * access rule (authorizeIn) and the same functions. No session: nothing; a document the caller may not read (a
 * "Mật" one to a phone, a staff one to a delegate, one of another congress, none): no page.
 */
import { API } from '../../../api/contract.ts';
import { UnitsQuery } from '../../../api/discussion.ts';
import { READ_PAGE_SIZE, type Preload, type ReadPreload } from '../../../api/preload.ts';
import { principalView } from '../../auth/principal-view.ts';
import { resolvePrincipal, SESSION_COOKIE, type Principal } from '../../auth/principal.ts';
import type { ServerDeps } from '../../deps.ts';
import { firstScreenHtml } from '../../read-first-screen.ts';
import { authorizeIn } from '../../route.ts';
import type { PageDataOf } from '../../static.ts';
import { nowIso } from '../../tx.ts';
import { unitsPage } from './units.ts';

export const READ_PATH = '/read';
/** The screen's module under src/web, whose chunk the page preloads. */
const READ_SCREEN = 'discussion/ReadPage.tsx';

const firstPage = async (deps: ServerDeps, principal: Principal, documentId: number): Promise<ReadPreload | null> => {
  const congress = await deps.db.selectFrom('congresses').innerJoin('discussion_documents', 'discussion_documents.congress_id', 'congresses.id')
    .selectAll('congresses').select('discussion_documents.title as document_title')
    .where('discussion_documents.id', '=', documentId).executeTakeFirst() ?? null;
  const caller = await authorizeIn(deps, principal, API.listDiscussionUnits, congress);
  if (!caller.ok || congress === null) return null;
  const page = await unitsPage(deps.db, congress.id, documentId, caller.value, UnitsQuery.parse({ offset: 0, limit: READ_PAGE_SIZE }));
  return page.ok ? { congress: congress.code, title: congress.document_title, page: page.value } : null;
};

export const readPreload = (deps: ServerDeps): PageDataOf => async (req) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== READ_PATH) return null;
  const principal = await resolvePrincipal(deps.db, req.cookies[SESSION_COOKIE], nowIso(deps));
  if (principal === null || !(await authorizeIn(deps, principal, API.me, null)).ok) return null;
  const doc = Number(url.searchParams.get('doc'));
  const read = Number.isSafeInteger(doc) && doc > 0 ? await firstPage(deps, principal, doc) : null;
  const data: Preload = { me: await principalView(deps.db, principal), read };
  return { data, screen: read === null ? null : READ_SCREEN, rootHtml: read === null ? null : firstScreenHtml(read) };
};
