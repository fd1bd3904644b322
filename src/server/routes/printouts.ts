/**
 * The printed documents of a congress (issue 6), built from the database: ballots, delegate cards, the minutes of
 * a counted round, the input log, the credentials report, the attendance report and the show-of-hands record.
 * Each route maps rows to a document input (src/server/printouts) and renders it with src/documents.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CongressCode, Id } from '../../api/common.ts';
import { BallotsQuery, CardsQuery, CredentialsQuery, PrintFormatQuery, SessionPrintQuery, ShowOfHandsQuery } from '../../api/printouts.ts';
import type { ServerDeps } from '../deps.ts';
import { roundBallots } from '../printouts/ballots.ts';
import { delegateCards } from '../printouts/cards.ts';
import { documentDate } from '../printouts/common.ts';
import { attendanceReportFile, credentialsReportFile } from '../printouts/delegates.ts';
import { roundInputLog } from '../printouts/input-log.ts';
import { roundMinutes } from '../printouts/minutes.ts';
import { showOfHandsFile } from '../printouts/show-of-hands.ts';
import { congressRoute } from '../route.ts';

const CongressParams = z.object({ code: CongressCode });
const RoundParams = z.object({ code: CongressCode, electionId: Id, round: z.coerce.number().int().min(1).max(1000) });

export const printoutRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const P = '/api/congresses/:code/printouts';
  const R = `${P}/elections/:electionId/rounds/:round`;

  congressRoute(app, deps, { method: 'GET', url: `${R}/ballots`, params: RoundParams, query: BallotsQuery }, (ctx) =>
    roundBallots(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round));

  congressRoute(app, deps, { method: 'GET', url: `${R}/minutes`, params: RoundParams, query: PrintFormatQuery }, (ctx) =>
    roundMinutes(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round, ctx.query.format));

  congressRoute(app, deps, { method: 'GET', url: `${R}/input-log`, params: RoundParams, query: PrintFormatQuery }, (ctx) =>
    roundInputLog(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round, ctx.query.format));

  congressRoute(app, deps, { method: 'GET', url: `${P}/delegate-cards`, params: CongressParams, query: CardsQuery }, (ctx) =>
    delegateCards(deps.db, ctx.congress, ctx.query.ids, documentDate(ctx.congress, deps.now().toISOString())));

  congressRoute(app, deps, { method: 'GET', url: `${P}/credentials-report`, params: CongressParams, query: CredentialsQuery }, (ctx) =>
    credentialsReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  congressRoute(app, deps, { method: 'GET', url: `${P}/attendance-report`, params: CongressParams, query: SessionPrintQuery }, (ctx) =>
    attendanceReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  congressRoute(app, deps, { method: 'GET', url: `${P}/show-of-hands`, params: CongressParams, query: ShowOfHandsQuery }, (ctx) =>
    showOfHandsFile(deps.db, ctx.congress, { session: ctx.query.session, ids: ctx.query.ids }, ctx.query.format));
};
