/**
 * When discussion groups sit: a group's secretary (or leader) records its opinions while the congress's current
 * agenda item is a discussion ("Thảo luận tổ" — the presidium moves the agenda there, which opens the groups, and away,
 * which closes them). The secretariat records at any time, from the groups' paper minutes.
 */
export const GROUP_DISCUSSION_KIND = 'discussion';

/** Whether the groups sit now, from the kind of the current agenda item (null: none current). */
export const groupsSitting = (currentItemKind: string | null): boolean => currentItemKind === GROUP_DISCUSSION_KIND;

export const GROUPS_NOT_SITTING = {
  vi: 'Thảo luận tổ chưa mở: Đoàn Chủ tịch mở thảo luận tổ khi chuyển chương trình sang nội dung thảo luận. Ý kiến ghi trên giấy, Đoàn Thư ký nhập sau.',
  en: 'The groups are not sitting: the presidium opens them by moving the agenda to a discussion item. Opinions noted on paper are entered by the secretariat later.',
} as const;
