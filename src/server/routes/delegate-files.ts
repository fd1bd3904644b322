/** Delegate list files: the .xlsx template, import from .xlsx or .csv (all or nothing), export to .xlsx. */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import { validateDelegateRows } from '../../import/delegates.ts';
import { delegateRows } from '../../import/export.ts';
import { delegateTemplate, rowsToXlsx } from '../../import/xlsx.ts';
import { err, ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';
import { nowIso, transact } from '../tx.ts';
import { newDelegateRow } from './delegate-fields.ts';
import { importRefused, readSheetUpload, XLSX } from './sheet-upload.ts';

export const delegateFileRoutes = (app: FastifyInstance, deps: ServerDeps): void => {

  serve(app, deps, API.delegateTemplate, async () =>
    ok({ kind: 'file', data: await delegateTemplate(), contentType: XLSX, fileName: 'mau-danh-sach-dai-bieu.xlsx' }));

  serve(app, deps, API.exportDelegates, async (ctx) => {
    const orgs = await deps.db.selectFrom('organisations').select(['id', 'name']).where('congress_id', '=', ctx.congress.id).execute();
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const delegates = await deps.db.selectFrom('delegates').selectAll().where('congress_id', '=', ctx.congress.id).orderBy('code').execute();
    const data = await rowsToXlsx('Danh sách đại biểu', delegateRows(delegates, (id) => (id === null ? '' : names.get(id) ?? '')));
    return ok({ kind: 'file', data, contentType: XLSX, fileName: `danh-sach-dai-bieu-${ctx.congress.code}.xlsx` });
  });

  serve(app, deps, API.importDelegates, async (ctx) => {
    const upload = await readSheetUpload(ctx.req);
    if (!upload.ok) return upload;
    // A deactivated organisation takes no new delegates: its name is then "not found" in the file.
    const orgs = await deps.db.selectFrom('organisations').select(['id', 'name']).where('congress_id', '=', ctx.congress.id)
      .where('deactivated_at', 'is', null).execute();
    const codes = await deps.db.selectFrom('delegates').select('code').where('congress_id', '=', ctx.congress.id).execute();
    const valid = validateDelegateRows(upload.value.rows, { organisations: orgs, existingCodes: new Set(codes.map((c) => c.code)) });
    if (!valid.ok) {
      return err(importRefused(valid.error, ['không đại biểu nào được nhập', 'no delegate was imported']));
    }
    return transact(deps, async (trx) => {
      const now = nowIso(deps);
      const list = valid.value;
      for (let i = 0; i < list.length; i += 200) {
        await trx.insertInto('delegates').values(list.slice(i, i + 200).map((d) => newDelegateRow(ctx.congress.id, d, now))).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'delegate.import', subject: `congress:${ctx.congress.id}`,
        payload: { file: upload.value.fileName, count: list.length } });
      return ok(json({ imported: list.length }, 201));
    }, [{ congressId: ctx.congress.id, kind: 'delegates', id: null }, { congressId: ctx.congress.id, kind: 'attendance', id: null }]);
  });
};

