/** Contributions (tham luận): registrations with order and status, and the current speaker. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import type { SpeakersTable } from '../../store/schema.ts';
import type { Selectable } from 'kysely';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, notFound } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';

const view = (s: Selectable<SpeakersTable>) => ({
  id: s.id, delegateId: s.delegate_id, speakerName: s.speaker_name, title: s.title, position: s.position, status: s.status, registeredAt: s.registered_at,
});

export const speakerRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number, id: number | null) => [{ congressId, kind: 'speaker' as const, id }];

  serve(app, deps, API.listSpeakers, async (ctx) => {
    const rows = await deps.db.selectFrom('speakers').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
    return ok(json(rows.map(view)));
  });

  serve(app, deps, API.registerSpeaker, async (ctx) =>
    transact(deps, async (trx) => {
      const p = ctx.principal!;
      const isDelegate = p.kind === 'delegate' && !ctx.roles.some((r) => r !== 'delegate');
      const delegateId = p.kind === 'delegate' && isDelegate ? p.delegateId : ctx.body.delegateId;
      if (isDelegate && ctx.body.delegateId !== null && ctx.body.delegateId !== delegateId) return err(forbidden());
      if (delegateId !== null) {
        const d = await trx.selectFrom('delegates').select('id').where('id', '=', delegateId).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (d === undefined) return err(notFound('đại biểu', 'Delegate', 'body.delegateId'));
      }
      const last = await trx.selectFrom('speakers').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('speakers').values({
        congress_id: ctx.congress.id, delegate_id: delegateId, speaker_name: ctx.body.speakerName, title: ctx.body.title,
        position: (last?.p ?? 0) + 1, status: 'registered', registered_at: nowIso(deps),
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'speaker.register', subject: `speaker:${row.id}`, payload: { ...ctx.body, delegateId } });
      return ok(json(view(row), 201));
    }, ev(ctx.congress.id, null)));

  serve(app, deps, API.updateSpeaker, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('speakers').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (s === undefined) return err(notFound('người đăng ký tham luận', 'Speaker', 'params.id'));
      const b = ctx.body;
      const row = await trx.updateTable('speakers').set({
        ...(b.status === undefined ? {} : { status: b.status }),
        ...(b.position === undefined ? {} : { position: b.position }),
        ...(b.title === undefined ? {} : { title: b.title }),
      }).where('id', '=', s.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'speaker.update', subject: `speaker:${s.id}`, payload: { ...b } });
      return ok(json(view(row)));
    }, ev(ctx.congress.id, ctx.params.id)));

  serve(app, deps, API.setCurrentSpeaker, async (ctx) =>
    transact(deps, async (trx) => {
      const id = ctx.body.speakerId;
      if (id !== null) {
        const s = await trx.selectFrom('speakers').select(['id', 'status']).where('id', '=', id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (s === undefined) return err(notFound('người đăng ký tham luận', 'Speaker', 'body.speakerId'));
        if (s.status === 'withdrawn') return err({ ...ruleError('speaker.withdrawn', 'Người này đã rút đăng ký.', 'This speaker withdrew.', 'body.speakerId'), status: 409 });
        await trx.updateTable('speakers').set({ status: 'speaking' }).where('id', '=', id).execute();
      }
      const previous = ctx.congress.current_speaker_id;
      if (previous !== null && previous !== id) await trx.updateTable('speakers').set({ status: 'done' }).where('id', '=', previous).where('status', '=', 'speaking').execute();
      await trx.updateTable('congresses').set({ current_speaker_id: id }).where('id', '=', ctx.congress.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'speaker.current', subject: id === null ? null : `speaker:${id}`, payload: { previous } });
      return ok(json({ currentSpeakerId: id }));
    }, ev(ctx.congress.id, ctx.body.speakerId)));
};
