/**
 * The printed documents of a congress, built from the database: ballots, delegate cards, the minutes of
 * a counted round, the input log, the credentials report, the attendance report and the show-of-hands record.
 * Each route maps rows to a document input (src/server/printouts) and renders it with src/documents.
 */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps.ts';
import { documentDate } from '../printouts/common.ts';
import { serve } from '../route.ts';

/**
 * The renderers (pdfkit, docx, qrcode and the embedded fonts) are loaded on the first printout, not at start:
 * they cost seconds and tens of megabytes that a server which never prints should not pay.
 */
const ballots = () => import('../printouts/ballots.ts');
const cards = () => import('../printouts/cards.ts');
const delegates = () => import('../printouts/delegates.ts');
const inputLog = () => import('../printouts/input-log.ts');
const minutes = () => import('../printouts/minutes.ts');
const showOfHands = () => import('../printouts/show-of-hands.ts');

export const printoutRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.printBallots, async (ctx) =>
    (await ballots()).roundBallots(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round));

  serve(app, deps, API.printMinutes, async (ctx) =>
    (await minutes()).roundMinutes(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round, ctx.query.format));

  serve(app, deps, API.printInputLog, async (ctx) =>
    (await inputLog()).roundInputLog(deps.db, ctx.congress, ctx.params.electionId, ctx.params.round, ctx.query.format));

  serve(app, deps, API.printCards, async (ctx) =>
    (await cards()).delegateCards(deps.db, ctx.congress, ctx.query.ids, documentDate(ctx.congress, deps.now().toISOString())));

  serve(app, deps, API.printCredentials, async (ctx) =>
    (await delegates()).credentialsReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  serve(app, deps, API.printAttendance, async (ctx) =>
    (await delegates()).attendanceReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  serve(app, deps, API.printShowOfHands, async (ctx) =>
    (await showOfHands()).showOfHandsFile(deps.db, ctx.congress, { session: ctx.query.session, ids: ctx.query.ids }, ctx.query.format));
};
