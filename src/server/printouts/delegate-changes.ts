/**
 * What changed about delegates after the congress opened (its first check-in), read from the audit log: status
 * changes with their reason and the alternate, edits (which fields), cards revoked or reissued, delegates added.
 * Plain mapping of recorded facts for the credentials and attendance reports.
 */
import type { Kysely } from 'kysely';
import type { DelegateChange } from '../../documents/index.ts';
import type { Database, DelegateStatus } from '../../store/schema.ts';

const STATUS_VI: Readonly<Record<DelegateStatus, string>> = {
  summoned: 'Được triệu tập trở lại',
  'not-summoned': 'Không triệu tập',
  'absent-whole': 'Vắng mặt cả đại hội',
  replaced: 'Thay bằng đại biểu dự khuyết',
  'temporarily-attached': 'Sinh hoạt tạm thời nơi khác',
  exempted: 'Miễn sinh hoạt',
  suspended: 'Bị đình chỉ, truy tố, tạm giam',
};

const FIELD_VI: Readonly<Record<string, string>> = {
  code: 'số thẻ', fullName: 'họ và tên', gender: 'giới tính', birthDate: 'ngày sinh', ethnicity: 'dân tộc', education: 'trình độ chuyên môn',
  politicalTheory: 'lý luận chính trị', partyJoinDate: 'ngày vào Đảng', position: 'chức vụ', organisationId: 'đơn vị', category: 'loại đại biểu',
  standing: 'tư cách', isConveningMember: 'ủy viên cấp ủy triệu tập', seat: 'chỗ ngồi',
};

const ACTIONS = ['delegate.create', 'delegate.update', 'delegate.status', 'card.revoke', 'card.regenerate'] as const;

const describe = (action: string, payload: Record<string, unknown>, nameOf: (id: unknown) => string): { change: string; reason: string | null } => {
  switch (action) {
    case 'delegate.status': {
      const status = String(payload['status']);
      const by = status === 'replaced' ? ` ${nameOf(payload['replacedById'])}` : '';
      const labels: Readonly<Record<string, string>> = STATUS_VI;
      return { change: `${labels[status] ?? status}${by}`, reason: typeof payload['reason'] === 'string' ? payload['reason'] : null };
    }
    case 'delegate.update':
      return { change: `Sửa ${Object.keys(payload).map((k) => FIELD_VI[k] ?? k).join(', ')}`, reason: null };
    case 'card.revoke':
      return { change: 'Thu hồi thẻ đại biểu', reason: null };
    case 'card.regenerate':
      return { change: 'Cấp thẻ đại biểu mới', reason: null };
    default:
      return { change: 'Bổ sung vào danh sách', reason: null };
  }
};

export const delegateChangesAfterOpening = async (db: Kysely<Database>, congressId: number): Promise<DelegateChange[]> => {
  const first = await db.selectFrom('checkins').select((eb) => eb.fn.min('at').as('at')).where('congress_id', '=', congressId).executeTakeFirst();
  const opening = first?.at ?? null;
  if (opening === null) return [];
  const rows = await db.selectFrom('audit_log').select(['at', 'action', 'subject', 'payload']).where('congress_id', '=', congressId)
    .where('action', 'in', [...ACTIONS]).where('at', '>=', opening).orderBy('id').execute();
  const delegates = await db.selectFrom('delegates').select(['id', 'full_name']).where('congress_id', '=', congressId).execute();
  const names = new Map(delegates.map((d) => [d.id, d.full_name]));
  const nameOf = (id: unknown): string => names.get(Number(id)) ?? '';
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    const id = Number(r.subject?.split(':')[1]);
    const { change, reason } = describe(r.action, payload, nameOf);
    return { at: r.at, name: nameOf(id), change, reason };
  });
};
