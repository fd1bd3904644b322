/**
 * What changed about delegates after the congress opened (its first check-in), read from the audit log: status
 * changes with the status before, their reason and the alternate, edits (which fields), cards revoked or reissued,
 * delegates added — each with who recorded it. Plain mapping of recorded facts for the credentials history on the
 * delegates screen and for the credentials and attendance reports.
 */
import type { Kysely } from 'kysely';
import { DELEGATE_STATUS_VI, type DelegateChangeView } from '../../api/delegates.ts';
import type { DelegateChange } from '../../documents/index.ts';
import type { Database, DelegateStatus } from '../../store/schema.ts';

const FIELD_VI: Readonly<Record<string, string>> = {
  code: 'số thẻ', fullName: 'họ và tên', gender: 'giới tính', birthDate: 'ngày sinh', ethnicity: 'dân tộc', education: 'trình độ chuyên môn',
  politicalTheory: 'lý luận chính trị', partyJoinDate: 'ngày vào Đảng', position: 'chức vụ', organisationId: 'đơn vị', category: 'loại đại biểu',
  standing: 'tư cách', isConveningMember: 'ủy viên cấp ủy triệu tập', seat: 'chỗ ngồi',
};

const KIND_OF = {
  'delegate.create': 'added', 'delegate.update': 'edited', 'delegate.status': 'status', 'card.revoke': 'card-revoked', 'card.regenerate': 'card-reissued',
} as const satisfies Readonly<Record<string, DelegateChangeView['kind']>>;
const ACTIONS = Object.keys(KIND_OF) as Array<keyof typeof KIND_OF>;

const isStatus = (x: unknown): x is DelegateStatus => typeof x === 'string' && x in DELEGATE_STATUS_VI;

export interface DelegateChanges {
  readonly openedAt: string | null;
  readonly changes: readonly DelegateChangeView[];
}

/** The changes after the opening, oldest first, with who recorded each ("display name (username)"). */
export const loadDelegateChanges = async (db: Kysely<Database>, congressId: number): Promise<DelegateChanges> => {
  const first = await db.selectFrom('checkins').select((eb) => eb.fn.min('at').as('at')).where('congress_id', '=', congressId).executeTakeFirst();
  const openedAt = first?.at ?? null;
  if (openedAt === null) return { openedAt, changes: [] };
  const rows = await db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'subject', 'payload']).where('congress_id', '=', congressId)
    .where('action', 'in', ACTIONS).where('at', '>=', openedAt).orderBy('id').execute();
  const delegates = await db.selectFrom('delegates').select(['id', 'full_name']).where('congress_id', '=', congressId).execute();
  const names = new Map(delegates.map((d) => [d.id, d.full_name]));
  const userIds = [...new Set(rows.map((r) => /^user:(\d+)$/u.exec(r.actor)?.[1]).filter((x) => x !== undefined).map(Number))];
  const users = userIds.length === 0 ? [] : await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', userIds).execute();
  const who = new Map(users.map((u) => [`user:${u.id}`, `${u.display_name} (${u.username})`]));
  return {
    openedAt,
    changes: rows.map((r) => {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const id = Number(r.subject?.split(':')[1]);
      const kind = KIND_OF[r.action as keyof typeof KIND_OF];
      const status = kind === 'status';
      const replacedBy = status && payload['status'] === 'replaced' ? names.get(Number(payload['replacedById'])) ?? null : null;
      return {
        id: r.id, at: r.at, by: who.get(r.actor) ?? r.actor, delegateId: Number.isInteger(id) && id > 0 ? id : null,
        fullName: names.get(id) ?? (typeof payload['fullName'] === 'string' ? payload['fullName'] : ''), kind,
        from: status && isStatus(payload['from']) ? payload['from'] : null, to: status && isStatus(payload['status']) ? payload['status'] : null,
        replacedBy, fields: kind === 'edited' ? Object.keys(payload) : [],
        reason: status && typeof payload['reason'] === 'string' ? payload['reason'] : null,
      };
    }),
  };
};

const statusVi = (s: DelegateStatus | null): string => (s === null ? '(không rõ)' : DELEGATE_STATUS_VI[s]);

/** One change as the printed reports word it, as the delegates screen does: the status before → after, the alternate. */
const wording = (c: DelegateChangeView): string => {
  switch (c.kind) {
    case 'status':
      return `${statusVi(c.from)} → ${statusVi(c.to)}${c.replacedBy === null ? '' : ` (thay bởi ${c.replacedBy})`}`;
    case 'edited':
      return `Sửa: ${c.fields.map((k) => FIELD_VI[k] ?? k).join(', ')}`;
    case 'card-revoked':
      return 'Thu hồi thẻ đại biểu';
    case 'card-reissued':
      return 'Cấp thẻ đại biểu mới';
    case 'added':
      return 'Bổ sung vào danh sách';
  }
};

export const delegateChangesAfterOpening = async (db: Kysely<Database>, congressId: number): Promise<DelegateChange[]> =>
  (await loadDelegateChanges(db, congressId)).changes.map((c) => ({ at: c.at, by: c.by, name: c.fullName, change: wording(c), reason: c.reason }));
