import { describe, expect, it } from 'vitest';
import { hasNumber, resolutionTargetsHeading } from './resolution-targets.ts';

describe('the new term\'s targets of a resolution', () => {
  it('needs a digit in the target', () => {
    expect(['65 triệu đồng/người/năm', 'trên 90%', '2030', 'đạt 1,5 lần'].map(hasNumber)).toEqual([true, true, true, true]);
    expect(['tăng nhanh', 'hoàn thành', '', 'mười phần trăm'].map(hasNumber)).toEqual([false, false, false, false]);
  });

  it('names the section with the congress\'s term', () => {
    expect(resolutionTargetsHeading('2025 – 2030')).toBe('Các chỉ tiêu chủ yếu nhiệm kỳ 2025 – 2030');
  });
});
