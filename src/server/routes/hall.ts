/** The hall screen's operator panel: the view chosen (stored with the congress), or following the agenda. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import { FOLLOW, HallView } from '../../api/hall.ts';
import { ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';
import { transact } from '../tx.ts';

/** The stored view; an unreadable or absent one follows the agenda (the safe default for a projector). */
export const hallViewOf = (text: string | null): HallView => {
  if (text === null) return FOLLOW;
  try {
    const parsed = HallView.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : FOLLOW;
  } catch {
    return FOLLOW;
  }
};

export const hallRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  serve(app, deps, API.getHallView, (ctx) => ok(json(hallViewOf(ctx.congress.hall_view))));

  serve(app, deps, API.setHallView, async (ctx) =>
    transact(deps, async (trx) => {
      const view = ctx.body;
      await trx.updateTable('congresses').set({ hall_view: view.mode === 'follow' ? null : JSON.stringify(view) }).where('id', '=', ctx.congress.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'hall.view', subject: `congress:${ctx.congress.id}`, payload: { ...view } });
      return ok(json(view));
    }, [{ congressId: ctx.congress.id, kind: 'congress', id: ctx.congress.id }]));
};
