import { describe, expect, it } from 'vitest';
import { CreateCongressBody, DelegateStatusBody } from '../../api/index.ts';
import { checkWith, num, orNull } from './form.tsx';

const congress = {
  code: 'chi-bo-van-phong', higherOrganisationName: 'Đảng bộ Sở Tài chính', organisationName: 'Chi bộ Văn phòng', kind: 'members',
  ordinal: 'XII', termStartYear: 2025, termEndYear: 2030, startDate: '2025-07-20', endDate: '2025-07-20', venue: 'Phòng họp', place: 'Lạng Sơn',
};

describe('forms checked with the API schema as you type', () => {
  it('a valid body passes whole, parsed by the same schema the server uses', () => {
    const r = checkWith(CreateCongressBody, congress, false);
    expect(r.errors).toEqual({});
    expect(r.value?.code).toBe('chi-bo-van-phong');
  });

  it('names each wrong field once, in Vietnamese (or English when asked)', () => {
    const r = checkWith(CreateCongressBody, { ...congress, code: 'Chi Bộ', venue: '  ', termEndYear: 2020 }, false);
    expect(r.value).toBeNull();
    expect(r.errors['code']).toBe('Sai định dạng.');
    expect(r.errors['venue']).toBe('Không được để trống.');
    expect(checkWith(CreateCongressBody, { ...congress, venue: '' }, true).errors['venue']).toBe('Must not be empty.');
  });

  it('a refinement across fields lands on its field: the term must end after it starts', () => {
    expect(checkWith(CreateCongressBody, { ...congress, termEndYear: 2024 }, false).errors['termEndYear']).toBe('Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.');
  });

  it('a status other than summoned needs its reason; a replacement its alternate', () => {
    expect(checkWith(DelegateStatusBody, { status: 'absent-whole', reason: '' }, false).errors['reason']).toBe('Không được để trống.');
    expect(checkWith(DelegateStatusBody, { status: 'replaced', reason: 'Ốm', replacedById: num('') }, false).errors['replacedById']).toBeDefined();
    expect(checkWith(DelegateStatusBody, { status: 'summoned' }, false).value).toEqual({ status: 'summoned' });
  });

  it('typed numbers and empty optional fields become what the schema expects', () => {
    expect(num(' 15 ')).toBe(15);
    expect(num('15 người')).toBe('15 người');
    expect(orNull('  ')).toBeNull();
    expect(orNull('Đại học')).toBe('Đại học');
  });
});
