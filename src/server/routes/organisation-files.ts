/** The member organisations as a file: the .xlsx template and the import from .xlsx or .csv (all or nothing). */
import type { FastifyInstance } from 'fastify';
import { API } from '../../api/contract.ts';
import { validateOrganisationRows } from '../../import/organisations.ts';
import { organisationTemplate } from '../../import/xlsx.ts';
import { err, ok } from '../../rules/index.ts';
import { audit } from '../audit.ts';
import type { ServerDeps } from '../deps.ts';
import { json, serve } from '../route.ts';
import { transact } from '../tx.ts';
import { importRefused, readSheetUpload, XLSX } from './sheet-upload.ts';

export const organisationFileRoutes = (app: FastifyInstance, deps: ServerDeps): void => {

  serve(app, deps, API.organisationTemplate, async () =>
    ok({ kind: 'file', data: await organisationTemplate(), contentType: XLSX, fileName: 'mau-danh-sach-to-chuc-dang.xlsx' }));

  serve(app, deps, API.importOrganisations, async (ctx) => {
    const upload = await readSheetUpload(ctx.req);
    if (!upload.ok) return upload;
    return transact(deps, async (trx) => {
      // Every organisation, deactivated ones too: a name once used stays taken (nothing is deleted).
      const existing = await trx.selectFrom('organisations').select(['name', 'position']).where('congress_id', '=', ctx.congress.id).execute();
      const valid = validateOrganisationRows(upload.value.rows, { existing });
      if (!valid.ok) return err(importRefused(valid.error, ['không tổ chức đảng nào được nhập', 'no organisation was imported']));
      const list = valid.value;
      for (let i = 0; i < list.length; i += 200) {
        await trx.insertInto('organisations').values(list.slice(i, i + 200).map((o) => ({
          congress_id: ctx.congress.id, name: o.name, role: 'member' as const, party_members: o.partyMembers, position: o.position, deactivated_at: null,
        }))).execute();
      }
      await audit(trx, { congressId: ctx.congress.id, actor: ctx.actor, role: ctx.role, action: 'organisation.import', subject: `congress:${ctx.congress.id}`,
        payload: { file: upload.value.fileName, count: list.length, names: list.map((o) => o.name) } });
      return ok(json({ imported: list.length }, 201));
    }, [{ congressId: ctx.congress.id, kind: 'congress', id: null }]);
  });
};
