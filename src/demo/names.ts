/**
 * Vietnamese names as they are found in Lạng Sơn, where most people are Tày and Nùng: family names with
 * frequencies per ethnic group, middle names and given names per gender.
 */
export type Gender = 'male' | 'female';

/** The ethnic composition of the generated delegates: about 60% ethnic minorities. */
export const ETHNICITY_QUOTAS: ReadonlyArray<readonly [string, number]> = [
  ['Kinh', 102], ['Tày', 92], ['Nùng', 52], ['Dao', 6], ['Sán Chay', 2], ['H\'Mông', 1], ['Hoa', 1],
];

const TAY_NUNG: ReadonlyArray<readonly [string, number]> = [
  ['Hoàng', 18], ['Nông', 12], ['Lương', 9], ['Hà', 8], ['Vi', 8], ['Lành', 5], ['Lộc', 5], ['Triệu', 4],
  ['Chu', 4], ['Lăng', 4], ['Mã', 3], ['Lục', 3], ['Đinh', 3], ['Hứa', 3], ['Lý', 2], ['Dương', 2], ['Nguyễn', 6],
];

export const FAMILY_NAMES: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  Kinh: [
    ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Đỗ', 4], ['Đặng', 3], ['Bùi', 3],
    ['Ngô', 2], ['Dương', 2], ['Phan', 2], ['Đinh', 2], ['Trịnh', 1], ['Lương', 1],
  ],
  'Tày': TAY_NUNG,
  'Nùng': TAY_NUNG,
  Dao: [['Triệu', 5], ['Bàn', 4], ['Đặng', 3], ['Lý', 2]],
  'Sán Chay': [['Hoàng', 1], ['Ninh', 1], ['Sầm', 1]],
  'H\'Mông': [['Vàng', 1], ['Thào', 1], ['Giàng', 1]],
  Hoa: [['Lâm', 1], ['Tăng', 1], ['Chu', 1]],
};

export const MIDDLE_NAMES: Readonly<Record<Gender, ReadonlyArray<readonly [string, number]>>> = {
  male: [['Văn', 45], ['Đức', 8], ['Minh', 8], ['Quang', 6], ['Mạnh', 4], ['Xuân', 4], ['Hữu', 4], ['Ngọc', 3],
    ['Thế', 3], ['Thanh', 3], ['Tiến', 3], ['Công', 3], ['Đình', 3], ['Hồng', 2]],
  female: [['Thị', 55], ['Thu', 7], ['Thanh', 6], ['Hồng', 5], ['Minh', 4], ['Ngọc', 4], ['Phương', 3], ['Thúy', 3],
    ['Kim', 3], ['Bích', 2], ['Mai', 2], ['Diệu', 2]],
};

export const GIVEN_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  male: ['An', 'Bình', 'Cường', 'Chiến', 'Dũng', 'Duy', 'Đức', 'Hải', 'Hùng', 'Huy', 'Hưng', 'Hiếu', 'Khánh', 'Kiên',
    'Lâm', 'Long', 'Lợi', 'Mạnh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quý', 'Sơn', 'Tài', 'Thắng', 'Thành',
    'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vượng', 'Đạt', 'Định', 'Giang', 'Hòa', 'Khải', 'Tâm'],
  female: ['Anh', 'Ánh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huyền',
    'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo',
    'Thơm', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Đào', 'Hậu', 'Lệ', 'Thắm'],
};
