/**
 * The seed congress's discussion: a draft political report of 40 paragraphs, the draft resolution, a "Mật"
 * staffing note (never on a phone), and discussion groups by organisation. Plain data; loaded by load.ts.
 */
export const DEMO_POLITICAL_REPORT = `Nhiệm kỳ 2020 – 2025, Đảng bộ Khối các cơ quan tỉnh triển khai thực hiện Nghị quyết Đại hội trong bối cảnh có nhiều thuận lợi nhưng cũng không ít khó khăn, thách thức; dịch bệnh Covid-19 tác động nặng nề đến mọi mặt đời sống xã hội.
PHẦN THỨ NHẤT: ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 – 2025
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Công tác chính trị, tư tưởng
Công tác giáo dục chính trị, tư tưởng được quan tâm thường xuyên; việc học tập, quán triệt các nghị quyết, chỉ thị của Đảng được tổ chức nghiêm túc, tỷ lệ cán bộ, đảng viên tham gia đạt trên 98%.
Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Kết luận số 01-KL/TW được đưa vào sinh hoạt chi bộ định kỳ, tạo chuyển biến rõ nét trong ý thức trách nhiệm của cán bộ, đảng viên.
Công tác nắm bắt tình hình tư tưởng, dư luận xã hội được duy trì; công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch được triển khai chủ động trên không gian mạng.
2. Công tác tổ chức, cán bộ
Tổ chức bộ máy các tổ chức cơ sở đảng được sắp xếp tinh gọn theo tinh thần Nghị quyết số 18-NQ/TW; toàn Đảng bộ hiện có 56 tổ chức cơ sở đảng với 4.294 đảng viên.
Chất lượng sinh hoạt chi bộ từng bước được nâng lên; nội dung sinh hoạt chuyên đề thiết thực hơn, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.
Trong nhiệm kỳ, Đảng bộ kết nạp 612 đảng viên mới, đạt 122% chỉ tiêu Nghị quyết; hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.
3. Công tác kiểm tra, giám sát
Cấp ủy, ủy ban kiểm tra các cấp đã kiểm tra 184 tổ chức đảng và 326 đảng viên, giám sát chuyên đề 142 tổ chức đảng và 298 đảng viên theo chương trình đã đề ra.
Việc giải quyết tố cáo, khiếu nại và thi hành kỷ luật đảng được thực hiện đúng nguyên tắc, thủ tục, bảo đảm khách quan, công tâm.
Công tác phòng, chống tham nhũng, tiêu cực, lãng phí được lãnh đạo chặt chẽ; không để xảy ra vụ việc nghiêm trọng trong các cơ quan thuộc Đảng bộ.
4. Lãnh đạo thực hiện nhiệm vụ chính trị
Các cơ quan trong Khối đã tham mưu cho Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành nhiều chủ trương, chính sách quan trọng, góp phần đưa tốc độ tăng trưởng kinh tế của tỉnh đạt bình quân 7% mỗi năm.
Cải cách hành chính được đẩy mạnh; chỉ số năng lực cạnh tranh cấp tỉnh tăng 12 bậc so với đầu nhiệm kỳ; 100% thủ tục hành chính được thực hiện trên môi trường điện tử.
Chuyển đổi số trong các cơ quan đảng được triển khai bước đầu; hệ thống quản lý văn bản và điều hành được sử dụng thống nhất trong toàn Khối.
5. Công tác dân vận và lãnh đạo các đoàn thể
Công tác dân vận chính quyền được tăng cường; phong trào thi đua "Dân vận khéo" được nhân rộng với nhiều mô hình hiệu quả.
Các tổ chức công đoàn, đoàn thanh niên, hội cựu chiến binh trong Khối hoạt động sôi nổi, chăm lo tốt đời sống vật chất và tinh thần cho đoàn viên, hội viên.
II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
1. Hạn chế, khuyết điểm
Một số chi bộ sinh hoạt còn hình thức, nội dung chưa phong phú; việc tự phê bình và phê bình ở một số nơi chưa thẳng thắn.
Công tác nắm bắt tư tưởng của đảng viên trẻ, đảng viên làm việc trong lĩnh vực công nghệ có lúc chưa kịp thời.
Chuyển đổi số trong công tác đảng còn chậm so với yêu cầu; dữ liệu đảng viên chưa được kết nối đồng bộ.
2. Nguyên nhân
Nhận thức của một số cấp ủy về vai trò của sinh hoạt chi bộ chưa đầy đủ; năng lực của một bộ phận cán bộ làm công tác đảng còn hạn chế.
Nguồn lực đầu tư cho hạ tầng công nghệ thông tin của các cơ quan đảng chưa tương xứng với yêu cầu nhiệm vụ.
III. BÀI HỌC KINH NGHIỆM
Phải thường xuyên coi trọng xây dựng, chỉnh đốn Đảng, giữ vững nguyên tắc tập trung dân chủ, phát huy vai trò gương mẫu của người đứng đầu.
Phải bám sát cơ sở, lắng nghe ý kiến của cán bộ, đảng viên và nhân dân; kịp thời tháo gỡ khó khăn, vướng mắc trong thực tiễn.
PHẦN THỨ HAI: PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 – 2030
I. MỤC TIÊU TỔNG QUÁT
Xây dựng Đảng bộ Khối trong sạch, vững mạnh toàn diện; nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng, chất lượng đội ngũ cán bộ, đảng viên.
Lãnh đạo các cơ quan trong Khối thực hiện tốt nhiệm vụ chính trị, góp phần đưa tỉnh phát triển nhanh và bền vững.
II. CÁC CHỈ TIÊU CHỦ YẾU
Hằng năm có trên 90% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên.
Kết nạp mới ít nhất 600 đảng viên trong nhiệm kỳ.
100% tổ chức cơ sở đảng ứng dụng phần mềm quản lý đảng viên và sinh hoạt chi bộ trên nền tảng số.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Xây dựng Đảng về chính trị, tư tưởng, đạo đức
Tiếp tục đổi mới nội dung, phương thức học tập, quán triệt nghị quyết; tăng cường ứng dụng công nghệ thông tin trong công tác tuyên truyền.
Đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; xây dựng văn hóa công vụ trong các cơ quan.
Chủ động đấu tranh phản bác các quan điểm sai trái, thù địch; bảo vệ vững chắc nền tảng tư tưởng của Đảng.
2. Xây dựng tổ chức bộ máy và đội ngũ cán bộ
Tiếp tục sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; nâng cao chất lượng sinh hoạt chi bộ.
Làm tốt công tác quy hoạch, đào tạo, bồi dưỡng cán bộ; chú trọng cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số.
Nâng cao chất lượng công tác phát triển đảng viên, chú trọng đoàn viên ưu tú, người lao động trẻ có trình độ cao.
3. Chuyển đổi số và cải cách hành chính
Xây dựng cơ sở dữ liệu đảng viên thống nhất, kết nối với hệ thống của Tỉnh ủy; số hóa hồ sơ đảng viên.
Đẩy mạnh cải cách hành chính trong các cơ quan đảng; thực hiện văn bản điện tử, chữ ký số trong toàn Khối.
Tổ chức các hội nghị, đại hội có ứng dụng công nghệ, tiết kiệm thời gian và chi phí.
4. Kiểm tra, giám sát và phòng, chống tham nhũng
Nâng cao chất lượng, hiệu quả công tác kiểm tra, giám sát; tập trung vào những lĩnh vực dễ phát sinh tham nhũng, tiêu cực.
Xử lý nghiêm minh, kịp thời tổ chức đảng, đảng viên vi phạm; công khai kết quả xử lý theo quy định.
IV. TỔ CHỨC THỰC HIỆN
Sau Đại hội, Ban Chấp hành Đảng bộ Khối xây dựng chương trình hành động thực hiện Nghị quyết; các cấp ủy trực thuộc cụ thể hóa thành kế hoạch của cấp mình.
Định kỳ sơ kết, tổng kết việc thực hiện Nghị quyết; kịp thời biểu dương các tập thể, cá nhân có thành tích tiêu biểu.`;

export const DEMO_RESOLUTION = `Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ XIV, nhiệm kỳ 2025 – 2030 đã thảo luận và thống nhất quyết nghị:
I. THÔNG QUA BÁO CÁO CHÍNH TRỊ
Tán thành những nội dung cơ bản đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2020 – 2025 và phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ 2025 – 2030 nêu trong Báo cáo chính trị.
II. THÔNG QUA BÁO CÁO KIỂM ĐIỂM CỦA BAN CHẤP HÀNH
Tán thành Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ Khối nhiệm kỳ 2020 – 2025.
III. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 – 2030
Xây dựng Đảng bộ Khối trong sạch, vững mạnh toàn diện; hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.
IV. TỔ CHỨC THỰC HIỆN
Đại hội giao Ban Chấp hành Đảng bộ Khối khóa XIV căn cứ Nghị quyết xây dựng chương trình hành động và tổ chức thực hiện thắng lợi Nghị quyết.`;

export const DEMO_SECRET_NOTE = `Phương án nhân sự Ban Chấp hành khóa XIV (tài liệu Mật, chỉ dùng trong Đoàn Chủ tịch).
Dự kiến cơ cấu, số lượng và danh sách giới thiệu nhân sự.`;

/** The new term's targets the draft resolution proposes (chỉ tiêu chủ yếu nhiệm kỳ 2025 – 2030). */
export const DEMO_RESOLUTION_TARGETS: readonly { readonly name: string; readonly target: string }[] = [
  { name: 'Tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên hằng năm', target: 'trên 90%' },
  { name: 'Đảng viên được đánh giá hoàn thành tốt nhiệm vụ trở lên hằng năm', target: 'trên 90%' },
  { name: 'Kết nạp đảng viên mới trong nhiệm kỳ', target: 'từ 1.000 đảng viên trở lên' },
  { name: 'Cơ quan, đơn vị đạt chuẩn văn hóa hằng năm', target: 'từ 95% trở lên' },
];

export interface DemoDiscussionDocument {
  readonly kind: 'political-report' | 'draft-resolution' | 'other';
  readonly title: string;
  readonly access: 'public' | 'delegates' | 'staff' | 'secret';
  readonly text: string;
  /** A draft resolution's new-term targets. */
  readonly targets?: readonly { readonly name: string; readonly target: string }[];
}

export const DEMO_DISCUSSION_DOCUMENTS: readonly DemoDiscussionDocument[] = [
  { kind: 'political-report', title: 'Dự thảo Báo cáo chính trị trình Đại hội', access: 'delegates', text: DEMO_POLITICAL_REPORT },
  { kind: 'draft-resolution', title: 'Dự thảo Nghị quyết Đại hội', access: 'delegates', text: DEMO_RESOLUTION, targets: DEMO_RESOLUTION_TARGETS },
  { kind: 'other', title: 'Phương án nhân sự (Mật)', access: 'secret', text: DEMO_SECRET_NOTE },
];

/** How many discussion groups the seed congress has: its organisations dealt round-robin into them. */
export const DEMO_GROUPS = 4;
