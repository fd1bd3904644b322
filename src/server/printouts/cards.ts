/** Delegate cards (PDF, sheets to cut): every valid card of the congress, or the delegates asked for, in card-number order. */
import type { Kysely } from 'kysely';
import { formatCardCode } from '../../api/card-code.ts';
import { renderDelegateCardsPdf, type DelegateCard } from '../../documents/index.ts';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import type { Congress, Database } from '../../store/schema.ts';
import { conflict, notFound, type Problem } from '../problems.ts';
import type { FileOut } from '../route.ts';
import { cardPayload } from '../routes/delegate-fields.ts';
import { congressHeader, rendered } from './common.ts';

/** The cards' PDF, and which delegates' cards it holds (the route records them as printed). */
export const delegateCards = async (
  db: Kysely<Database>, congress: Congress, ids: readonly number[] | undefined, today: string,
): Promise<Result<{ readonly file: FileOut; readonly printed: readonly number[] }, Problem>> => {
  let q = db.selectFrom('delegates').leftJoin('organisations', 'organisations.id', 'delegates.organisation_id')
    .select(['delegates.id', 'delegates.full_name', 'delegates.seat', 'delegates.standing', 'delegates.status', 'delegates.category',
      'delegates.card_token', 'delegates.card_code', 'delegates.card_revoked_at', 'organisations.name as organisation'])
    .where('delegates.congress_id', '=', congress.id).orderBy('delegates.code');
  if (ids !== undefined) q = q.where('delegates.id', 'in', [...ids]);
  const rows = await q.execute();
  if (ids !== undefined) {
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) return err(notFound(`đại biểu #${missing.join(', #')}`, `Delegate #${missing.join(', #')}`, 'query.ids'));
    const refused = rows.filter((r) => r.card_revoked_at !== null || r.standing === 'probationary' || r.status === 'not-summoned');
    if (refused.length > 0) {
      return err(conflict(ruleError('printout.card-refused',
        `Không in thẻ cho: ${refused.map((r) => r.full_name).join(', ')} (thẻ đã thu hồi, không được triệu tập hoặc không phải đại biểu chính thức, dự khuyết).`,
        `No card for: ${refused.map((r) => r.full_name).join(', ')} (card revoked, not summoned, or neither official nor alternate).`, 'query.ids')));
    }
  }
  const printable = rows.filter((r) => r.card_revoked_at === null && r.standing !== 'probationary' && r.status !== 'not-summoned');
  const cards: DelegateCard[] = printable
    .map((r) => ({
      name: r.full_name, delegation: r.organisation ?? congress.organisation_name, seat: r.seat,
      status: r.standing === 'alternate' ? 'alternate' : 'official', category: r.category,
      token: cardPayload(congress.code, r.card_token), code: r.card_code === null ? null : formatCardCode(r.card_code),
    }));
  if (cards.length === 0) {
    return err(conflict(ruleError('printout.no-cards', 'Không có thẻ đại biểu nào để in.', 'There are no delegate cards to print.')));
  }
  const file = rendered(await renderDelegateCardsPdf({ header: congressHeader(congress, today), cards }), 'pdf', `the-dai-bieu-${congress.code}`);
  return file.ok ? ok({ file: file.value, printed: printable.map((r) => r.id) }) : file;
};
