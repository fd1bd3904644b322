/** The sessions and agenda of the seed congress (docs/rules.md §9); times are UTC (Hà Nội is UTC+7). */
import type { DemoSession } from './seed-types.ts';

export const DEMO_SESSIONS: readonly DemoSession[] = [
  { kind: 'preparatory', title: 'Phiên trù bị', startsAt: '2020-07-15T00:30:00.000Z', items: [
    { title: 'Chào cờ; tuyên bố lý do, giới thiệu đại biểu', kind: 'opening' },
    { title: 'Bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu', kind: 'vote' },
    { title: 'Thông qua Chương trình, Nội quy, Quy chế làm việc và Quy chế bầu cử của Đại hội', kind: 'vote' },
    { title: 'Quán triệt mục đích, yêu cầu, nhiệm vụ của Đại hội', kind: 'other' },
  ] },
  { kind: 'official', title: 'Phiên chính thức - ngày thứ nhất', startsAt: '2020-07-15T06:30:00.000Z', items: [
    { title: 'Khai mạc Đại hội', kind: 'opening' },
    { title: 'Báo cáo thẩm tra tư cách đại biểu', kind: 'report' },
    { title: 'Báo cáo chính trị của Ban Chấp hành Đảng bộ Khối khóa XIII', kind: 'report' },
    { title: 'Báo cáo kiểm điểm của Ban Chấp hành khóa XIII, nhiệm kỳ 2015 - 2020', kind: 'report' },
    { title: 'Thảo luận, tham luận', kind: 'discussion' },
    { title: 'Phát biểu chỉ đạo của đồng chí lãnh đạo Tỉnh ủy', kind: 'speech' },
  ] },
  { kind: 'official', title: 'Phiên chính thức - ngày thứ hai', startsAt: '2020-07-16T00:30:00.000Z', items: [
    { title: 'Bầu Ban Chấp hành Đảng bộ Khối khóa XIV, nhiệm kỳ 2020 - 2025', kind: 'election' },
    { title: 'Lấy phiếu giới thiệu Bí thư Đảng ủy Khối khóa XIV', kind: 'election' },
    { title: 'Bầu đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII', kind: 'election' },
    { title: 'Thông qua Nghị quyết Đại hội', kind: 'vote' },
    { title: 'Bế mạc Đại hội', kind: 'closing' },
  ] },
];
