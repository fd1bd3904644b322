/** The columns of the import templates (delegates, organisations): Vietnamese headers, in order, and how to fill them. */

/** One column of a template: its key in the code, its Vietnamese header, an example value and how to write it. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
  readonly example: string;
  /** How to fill the column, for the template's help sheet. */
  readonly how?: string;
}

export const DELEGATE_COLUMNS = [
  { key: 'code', header: 'Số thẻ', required: true, example: '001', how: 'Số in trên thẻ đại biểu, không trùng' },
  { key: 'fullName', header: 'Họ và tên', required: true, example: 'Nguyễn Văn An', how: 'Họ, tên đệm và tên' },
  { key: 'gender', header: 'Giới tính', required: true, example: 'Nam', how: 'Nam hoặc Nữ' },
  { key: 'birthDate', header: 'Ngày sinh', required: false, example: '15/03/1970', how: 'ngày/tháng/năm, ví dụ 15/03/1970' },
  { key: 'ethnicity', header: 'Dân tộc', required: false, example: 'Tày' },
  { key: 'education', header: 'Trình độ chuyên môn', required: false, example: 'Thạc sĩ' },
  { key: 'politicalTheory', header: 'Lý luận chính trị', required: false, example: 'Cao cấp' },
  { key: 'partyJoinDate', header: 'Ngày vào Đảng', required: false, example: '03/02/1995', how: 'ngày/tháng/năm' },
  { key: 'position', header: 'Chức vụ', required: false, example: 'Bí thư Đảng ủy' },
  { key: 'organisation', header: 'Đơn vị', required: true, example: 'Đảng bộ Sở Tài chính', how: 'Tên đơn vị đúng như trong danh sách đơn vị của đại hội' },
  { key: 'category', header: 'Loại đại biểu', required: true, example: 'Bầu', how: 'Đương nhiên, Bầu hoặc Chỉ định' },
  { key: 'standing', header: 'Chính thức / Dự khuyết', required: false, example: 'Chính thức', how: 'Chính thức (mặc định) hoặc Dự khuyết' },
  { key: 'isConveningMember', header: 'Ủy viên cấp ủy triệu tập', required: false, example: 'Không', how: 'Có hoặc Không (mặc định)' },
  { key: 'seat', header: 'Số ghế', required: false, example: 'A12' },
] as const satisfies readonly ColumnSpec[];

export type DelegateColumnKey = (typeof DELEGATE_COLUMNS)[number]['key'];

/** The member organisations (grassroots Party organisations) of a congress, as the organisations table holds them. */
export const ORGANISATION_COLUMNS = [
  { key: 'ordinal', header: 'Số thứ tự', required: false, example: '1',
    how: 'Thứ tự trong danh sách (số nguyên dương, không trùng); bỏ trống thì theo thứ tự các dòng' },
  { key: 'name', header: 'Tên tổ chức đảng', required: true, example: 'Chi bộ Văn phòng',
    how: 'Tên đầy đủ, không trùng với tổ chức đảng đã có của đại hội' },
  { key: 'partyMembers', header: 'Số đảng viên', required: false, example: '15', how: 'Số nguyên, có thể bỏ trống' },
] as const satisfies readonly ColumnSpec[];

export type OrganisationColumnKey = (typeof ORGANISATION_COLUMNS)[number]['key'];
