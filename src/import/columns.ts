/** The columns of the delegate list template: Vietnamese headers, in order. */
export const DELEGATE_COLUMNS = [
  { key: 'code', header: 'Số thẻ', required: true, example: '001' },
  { key: 'fullName', header: 'Họ và tên', required: true, example: 'Nguyễn Văn An' },
  { key: 'gender', header: 'Giới tính', required: true, example: 'Nam' },
  { key: 'birthDate', header: 'Ngày sinh', required: false, example: '15/03/1970' },
  { key: 'ethnicity', header: 'Dân tộc', required: false, example: 'Tày' },
  { key: 'education', header: 'Trình độ chuyên môn', required: false, example: 'Thạc sĩ' },
  { key: 'politicalTheory', header: 'Lý luận chính trị', required: false, example: 'Cao cấp' },
  { key: 'partyJoinDate', header: 'Ngày vào Đảng', required: false, example: '03/02/1995' },
  { key: 'position', header: 'Chức vụ', required: false, example: 'Bí thư Đảng ủy' },
  { key: 'organisation', header: 'Đơn vị', required: true, example: 'Đảng bộ Sở Tài chính' },
  { key: 'category', header: 'Loại đại biểu', required: true, example: 'Bầu' },
  { key: 'standing', header: 'Chính thức / Dự khuyết', required: false, example: 'Chính thức' },
  { key: 'isConveningMember', header: 'Ủy viên cấp ủy triệu tập', required: false, example: 'Không' },
  { key: 'seat', header: 'Số ghế', required: false, example: 'A12' },
] as const;

export type DelegateColumnKey = (typeof DELEGATE_COLUMNS)[number]['key'];
