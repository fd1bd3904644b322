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
import { ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import { nowIso, transact } from '../tx.ts';

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

  // The cards carry sign-in tokens: who printed which is audited, and the checklist learns which are printed.
  serve(app, deps, API.printCards, async (ctx) => {
    const out = await (await cards()).delegateCards(deps.db, ctx.congress, ctx.query.ids, documentDate(ctx.congress, deps.now().toISOString()));
    if (!out.ok) return out;
    const { file, printed } = out.value;
    return transact(deps, async (trx) => {
      await trx.updateTable('delegates').set({ card_printed_at: nowIso(deps) }).where('congress_id', '=', ctx.congress.id).where('id', 'in', [...printed]).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'cards.print', subject: null, payload: { delegates: printed } });
      return ok(file);
    }, [{ congressId: ctx.congress.id, kind: 'delegates', id: null }]);
  });

  serve(app, deps, API.printCredentials, async (ctx) =>
    (await delegates()).credentialsReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  serve(app, deps, API.printAttendance, async (ctx) =>
    (await delegates()).attendanceReportFile(deps.db, ctx.congress, ctx.query.session, ctx.query.format));

  serve(app, deps, API.printShowOfHands, async (ctx) =>
    (await showOfHands()).showOfHandsFile(deps.db, ctx.congress, { session: ctx.query.session, ids: ctx.query.ids }, ctx.query.format));
};
