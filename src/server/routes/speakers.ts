/** Contributions (tham luận): registrations with order, status and text, and the current speaker. */
import { createHash } from 'node:crypto';
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { allows, CHAIR } from '../../api/access.ts';
import { err, ok, ruleError } from '../../rules/index.ts';
import type { SpeakersTable } from '../../store/schema.ts';
import type { Selectable } from 'kysely';
import { audit } from '../audit.ts';
import { secondRegistration, speechReadable } from '../../rules/speakers.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, forbidden, notFound } from '../problems.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';

const view = (s: Selectable<SpeakersTable>) => ({
  id: s.id, delegateId: s.delegate_id, speakerName: s.speaker_name, title: s.title, position: s.position, status: s.status, registeredAt: s.registered_at,
  hasText: s.text !== null,
});

/** The audit keeps a text's fingerprint and length, not the text (the speakers table keeps it). */
const textTrace = (text: string | null | undefined) =>
  (text === undefined ? {} : { text: text === null ? null : { sha256: createHash('sha256').update(text).digest('hex'), characters: text.length } });

const speakerNotFound = (field: string) => notFound('người đăng ký tham luận', 'Speaker', field);

export const speakerRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const ev = (congressId: number, id: number | null) => [{ congressId, kind: 'speaker' as const, id }];

  serve(app, deps, API.listSpeakers, async (ctx) => {
    const rows = await deps.db.selectFrom('speakers').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('position').execute();
    return ok(json(rows.map(view)));
  });

  serve(app, deps, API.speechText, async (ctx) => {
    const s = await deps.db.selectFrom('speakers').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
    if (s === undefined) return err(speakerNotFound('params.id'));
    const p = ctx.principal;
    const own = p !== null && p.kind === 'delegate' && s.delegate_id !== null && p.delegateId === s.delegate_id;
    if (!speechReadable(s.status, { chair: allows(CHAIR, ctx.roles), own })) return err(forbidden());
    if (s.text === null) return err(notFound('bài tham luận', 'Contribution text', 'params.id'));
    return ok(json({ id: s.id, speakerName: s.speaker_name, title: s.title, status: s.status, text: s.text }));
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
        // One open contribution per delegate (the delegate's row is locked on PostgreSQL: two taps register one).
        await trx.selectFrom('delegates').select('id').where('id', '=', delegateId).$if(deps.dialect === 'postgres', (q) => q.forUpdate()).execute();
        const mine = await trx.selectFrom('speakers').select(['title', 'position', 'status']).where('delegate_id', '=', delegateId)
          .where('congress_id', '=', ctx.congress.id).execute();
        const twice = secondRegistration(mine);
        if (twice !== null) return err(conflict(twice));
      }
      const last = await trx.selectFrom('speakers').select((eb) => eb.fn.max('position').as('p')).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      const row = await trx.insertInto('speakers').values({
        congress_id: ctx.congress.id, delegate_id: delegateId, speaker_name: ctx.body.speakerName, title: ctx.body.title,
        position: (last?.p ?? 0) + 1, status: 'registered', registered_at: nowIso(deps), text: ctx.body.text,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'speaker.register', subject: `speaker:${row.id}`,
        payload: { ...ctx.body, delegateId, ...textTrace(ctx.body.text) } });
      return ok(json(view(row), 201));
    }, ev(ctx.congress.id, null)));

  serve(app, deps, API.updateSpeaker, async (ctx) =>
    transact(deps, async (trx) => {
      const s = await trx.selectFrom('speakers').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (s === undefined) return err(speakerNotFound('params.id'));
      const b = ctx.body;
      const row = await trx.updateTable('speakers').set({
        ...(b.status === undefined ? {} : { status: b.status }),
        ...(b.position === undefined ? {} : { position: b.position }),
        ...(b.title === undefined ? {} : { title: b.title }),
        ...(b.text === undefined ? {} : { text: b.text }),
      }).where('id', '=', s.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'speaker.update', subject: `speaker:${s.id}`, payload: { ...b, ...textTrace(b.text) } });
      return ok(json(view(row)));
    }, ev(ctx.congress.id, ctx.params.id)));

  serve(app, deps, API.setCurrentSpeaker, async (ctx) =>
    transact(deps, async (trx) => {
      const id = ctx.body.speakerId;
      if (id !== null) {
        const s = await trx.selectFrom('speakers').select(['id', 'status']).where('id', '=', id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (s === undefined) return err(speakerNotFound('body.speakerId'));
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
