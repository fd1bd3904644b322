/** Delegates: list, create, read, update, status (summoned / not summoned / absent / replaced), card token, changes after the opening. */
import { API } from '../../api/contract.ts';
import type { FastifyInstance } from 'fastify';
import { err, ok, ruleError } from '../../rules/index.ts';
import { cardSignsIn } from '../../rules/presence.ts';
import type { Delegate } from '../../store/schema.ts';
import { audit } from '../audit.ts';
import { formatCardCode } from '../../api/card-code.ts';
import { newCardCode, newToken } from '../auth/tokens.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, forbidden, notFound, unprocessable } from '../problems.ts';
import { json, serve } from '../route.ts';
import { isUniqueViolation, nowIso, transact } from '../tx.ts';
import { delegateView } from '../views.ts';
import { loadDelegateChanges } from '../printouts/delegate-changes.ts';
import { cardPayload, delegateUpdate, newDelegateRow, organisationBelongs } from './delegate-fields.ts';

const duplicateCode = (code: string) => conflict(ruleError('delegate.duplicate-code', `Số thẻ "${code}" đã có trong đại hội.`,
  `The card number "${code}" already exists in the congress.`, 'body.code'));
const unknownOrganisation = () => unprocessable(ruleError('delegate.organisation', 'Đơn vị không thuộc đại hội này hoặc đã ngừng hoạt động.',
  'The organisation does not belong to this congress or is deactivated.', 'body.organisationId'));

export const delegateRoutes = (app: FastifyInstance, deps: ServerDeps): void => {
  const events = (congressId: number, id: number | null) => [{ congressId, kind: 'delegates' as const, id }, { congressId, kind: 'attendance' as const, id: null }];

  serve(app, deps, API.listDelegates, async (ctx) => {
    const rows = await deps.db.selectFrom('delegates').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('code').execute();
    return ok(json(rows.map(delegateView)));
  });

  serve(app, deps, API.createDelegate, async (ctx) => {
    if (!(await organisationBelongs(deps.db, ctx.congress.id, ctx.body.organisationId))) return err(unknownOrganisation());
    try {
      return await transact(deps, async (trx) => {
        const row = await trx.insertInto('delegates').values(newDelegateRow(ctx.congress.id, ctx.body, nowIso(deps))).returningAll().executeTakeFirstOrThrow();
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'delegate.create', subject: `delegate:${row.id}`, payload: { code: row.code, fullName: row.full_name } });
        return ok(json(delegateView(row), 201));
      }, events(ctx.congress.id, null));
    } catch (e) {
      if (isUniqueViolation(e)) return err(duplicateCode(ctx.body.code));
      throw e;
    }
  });

  serve(app, deps, API.getDelegate, async (ctx) => {
    const p = ctx.principal!;
    if (p.kind === 'delegate' && p.delegateId !== ctx.params.id) return err(forbidden());
    const row = await deps.db.selectFrom('delegates').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
    return row === undefined ? err(notFound('đại biểu', 'Delegate', 'params.id')) : ok(json(delegateView(row)));
  });

  serve(app, deps, API.updateDelegate, async (ctx) => {
    if (!(await organisationBelongs(deps.db, ctx.congress.id, ctx.body.organisationId))) return err(unknownOrganisation());
    const set = delegateUpdate(ctx.body);
    try {
      return await transact(deps, async (trx) => {
        const before = await trx.selectFrom('delegates').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (before === undefined) return err(notFound('đại biểu', 'Delegate', 'params.id'));
        const row = Object.keys(set).length === 0 ? before
          : await trx.updateTable('delegates').set(set).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'delegate.update', subject: `delegate:${row.id}`, payload: { ...ctx.body } });
        return ok(json(delegateView(row)));
      }, events(ctx.congress.id, ctx.params.id));
    } catch (e) {
      if (isUniqueViolation(e)) return err(duplicateCode(ctx.body.code ?? ''));
      throw e;
    }
  });

  serve(app, deps, API.setDelegateStatus, async (ctx) =>
    transact(deps, async (trx) => {
      const d = await trx.selectFrom('delegates').selectAll().where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (d === undefined) return err(notFound('đại biểu', 'Delegate', 'params.id'));
      const b = ctx.body;
      let replacedBy: Delegate | undefined;
      if (b.status === 'replaced') {
        if (d.standing !== 'official') {
          return err(unprocessable(ruleError('delegate.replace-official', 'Chỉ đại biểu chính thức mới được thay bằng đại biểu dự khuyết.',
            'Only an official delegate is replaced by an alternate.', 'params.id')));
        }
        replacedBy = await trx.selectFrom('delegates').selectAll().where('id', '=', b.replacedById).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
        if (replacedBy === undefined || replacedBy.standing !== 'alternate') {
          return err(unprocessable(ruleError('delegate.replacement', 'Người thay phải là đại biểu dự khuyết của đại hội này.',
            'The replacement must be an alternate delegate of this congress.', 'body.replacedById')));
        }
        const taken = await trx.selectFrom('delegates').select('full_name').where('replaced_by_id', '=', b.replacedById)
          .where('status', '=', 'replaced').where('id', '!=', d.id).executeTakeFirst();
        if (taken !== undefined) {
          return err(conflict(ruleError('delegate.replacement-taken', `Đại biểu dự khuyết này đã thay cho ${taken.full_name}.`,
            `This alternate already replaces ${taken.full_name}.`, 'body.replacedById')));
        }
      }
      const row = await trx.updateTable('delegates').set({
        status: b.status, status_reason: 'reason' in b ? b.reason : null, replaced_by_id: b.status === 'replaced' ? b.replacedById : null,
      }).where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
      if (!cardSignsIn(row.status)) await trx.deleteFrom('auth_sessions').where('delegate_id', '=', d.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'delegate.status', subject: `delegate:${d.id}`,
        payload: { from: d.status, ...b } });
      return ok(json(delegateView(row)));
    }, events(ctx.congress.id, ctx.params.id)));

  serve(app, deps, API.delegateChanges, async (ctx) => ok(json(await loadDelegateChanges(deps.db, ctx.congress.id))));

  serve(app, deps, API.getCard, async (ctx) => {
    const d = await deps.db.selectFrom('delegates').select(['id', 'card_token', 'card_code', 'card_revoked_at']).where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
    if (d === undefined) return err(notFound('đại biểu', 'Delegate', 'params.id'));
    if (d.card_revoked_at !== null) {
      return err(conflict(ruleError('card.revoked', 'Thẻ đã bị thu hồi; hãy cấp thẻ mới.', 'The card was revoked; issue a new one.')));
    }
    return ok(json({ delegateId: d.id, token: d.card_token, payload: cardPayload(ctx.congress.code, d.card_token), code: d.card_code === null ? null : formatCardCode(d.card_code) }));
  });

  serve(app, deps, API.reissueCard, async (ctx) =>
    transact(deps, async (trx) => {
      const token = newToken();
      const code = newCardCode();
      const r = await trx.updateTable('delegates').set({ card_token: token, card_code: code, card_revoked_at: null, card_printed_at: null })
        .where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return err(notFound('đại biểu', 'Delegate', 'params.id'));
      await trx.deleteFrom('auth_sessions').where('delegate_id', '=', ctx.params.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'card.regenerate', subject: `delegate:${ctx.params.id}`, payload: {} });
      return ok(json({ delegateId: ctx.params.id, token, payload: cardPayload(ctx.congress.code, token), code: formatCardCode(code) }));
    }));

  serve(app, deps, API.revokeCard, async (ctx) =>
    transact(deps, async (trx) => {
      const r = await trx.updateTable('delegates').set({ card_revoked_at: nowIso(deps) })
        .where('id', '=', ctx.params.id).where('congress_id', '=', ctx.congress.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return err(notFound('đại biểu', 'Delegate', 'params.id'));
      await trx.deleteFrom('auth_sessions').where('delegate_id', '=', ctx.params.id).execute();
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'card.revoke', subject: `delegate:${ctx.params.id}`, payload: {} });
      return ok(json({ ok: true }));
    }));
};
