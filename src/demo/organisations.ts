/**
 * The 69 grassroots Party organisations of the Provincial Agencies Bloc of Lạng Sơn in the seed congress, with
 * their Party member counts (4,294 in all). An organisation of 30 members or more is a "Đảng bộ" (with branches
 * of its own), a smaller one a "Chi bộ cơ sở".
 */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['Văn phòng Tỉnh ủy', 58], ['Ban Tổ chức Tỉnh ủy', 27], ['Ban Tuyên giáo Tỉnh ủy', 24], ['Ủy ban Kiểm tra Tỉnh ủy', 26],
  ['Ban Dân vận Tỉnh ủy', 17], ['Ban Nội chính Tỉnh ủy', 16], ['Báo Lạng Sơn', 41], ['Trường Chính trị Hoàng Văn Thụ', 52],
  ['Văn phòng Ủy ban nhân dân tỉnh', 64], ['Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 29],
  ['Sở Tài chính', 62], ['Sở Kế hoạch và Đầu tư', 48], ['Sở Nội vụ', 71], ['Sở Tư pháp', 39], ['Sở Công Thương', 83],
  ['Sở Nông nghiệp và Phát triển nông thôn', 280], ['Sở Giao thông vận tải', 92], ['Sở Xây dựng', 47],
  ['Sở Tài nguyên và Môi trường', 98], ['Sở Thông tin và Truyền thông', 34], ['Sở Lao động - Thương binh và Xã hội', 88],
  ['Sở Văn hóa, Thể thao và Du lịch', 112], ['Sở Khoa học và Công nghệ', 43], ['Sở Giáo dục và Đào tạo', 61],
  ['Sở Y tế', 54], ['Sở Ngoại vụ', 21], ['Thanh tra tỉnh', 33], ['Ban Dân tộc tỉnh', 22],
  ['Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn', 76], ['Ban Quản lý dự án đầu tư xây dựng tỉnh', 36],
  ['Trung tâm Phục vụ hành chính công tỉnh', 14], ['Đài Phát thanh và Truyền hình tỉnh', 67],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 28], ['Tỉnh đoàn', 31], ['Hội Liên hiệp Phụ nữ tỉnh', 19],
  ['Hội Nông dân tỉnh', 18], ['Hội Cựu chiến binh tỉnh', 15], ['Liên đoàn Lao động tỉnh', 35],
  ['Liên minh Hợp tác xã tỉnh', 13], ['Hội Chữ thập đỏ tỉnh', 11], ['Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 9],
  ['Hội Văn học Nghệ thuật tỉnh', 12], ['Bệnh viện Đa khoa tỉnh', 356], ['Bệnh viện Y dược cổ truyền tỉnh', 64],
  ['Bệnh viện Phổi tỉnh', 41], ['Bệnh viện Phục hồi chức năng tỉnh', 37], ['Trung tâm Kiểm soát bệnh tật tỉnh', 72],
  ['Trường Cao đẳng Sư phạm Lạng Sơn', 118], ['Trường Cao đẳng Y tế Lạng Sơn', 56], ['Trường Cao đẳng Nghề Lạng Sơn', 61],
  ['Trường Trung học phổ thông Chuyên Chu Văn An', 63], ['Trường Trung học phổ thông Việt Bắc', 58],
  ['Trường Phổ thông Dân tộc nội trú tỉnh', 47], ['Cục Thuế tỉnh', 214], ['Cục Hải quan tỉnh', 240],
  ['Kho bạc Nhà nước tỉnh', 94], ['Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh', 46], ['Bảo hiểm xã hội tỉnh', 121],
  ['Cục Thống kê tỉnh', 52], ['Tòa án nhân dân tỉnh', 84], ['Viện Kiểm sát nhân dân tỉnh', 79],
  ['Cục Thi hành án dân sự tỉnh', 68], ['Ngân hàng Chính sách xã hội chi nhánh tỉnh', 87],
  ['Chi cục Kiểm lâm tỉnh', 147], ['Quỹ Đầu tư phát triển tỉnh', 10], ['Trung tâm Lưu trữ lịch sử tỉnh', 8],
  ['Nhà xuất bản và Thư viện tỉnh', 16], ['Bảo tàng tỉnh', 17], ['Công ty Xổ số kiến thiết Lạng Sơn', 12],
];

export interface DemoOrganisation {
  readonly key: string;
  readonly name: string;
  readonly partyMembers: number;
}

export const DEMO_PARTY_MEMBERS = 4294;

export const demoOrganisations = (): readonly DemoOrganisation[] =>
  UNITS.map(([unit, members], i) => ({
    key: `org-${i + 1}`,
    name: `${members >= 30 ? 'Đảng bộ' : 'Chi bộ'} ${unit}`,
    partyMembers: members,
  }));
