// @vitest-environment jsdom
import { fireEvent } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.ts';
import { renderVi } from '../test-support/render.tsx';
import { installValidationMessages, validationMessage, type FieldFacts } from './native-validation.ts';

const i18n = initI18n('vi');
let remove: (() => void) | null = null;
afterEach(() => {
  remove?.();
  void i18n.changeLanguage('vi');
});

const form = () => renderVi(
  <form>
    <label htmlFor="label">Tên tập phiếu</label><input id="label" required />
    <label htmlFor="count">Số phiếu đếm tay</label><input id="count" type="number" min={1} max={100000} step={1} />
    <label htmlFor="code">Mã</label><input id="code" pattern="[a-z0-9-]+" title="chữ thường không dấu, số và dấu gạch ngang" />
    <label htmlFor="role">Vai trò</label><select id="role" required><option value="">—</option><option value="a">A</option></select>
  </form>,
);

describe('the browser\'s own field checks speak the page\'s language', () => {
  it('says in Vietnamese what is missing or out of range, and forgets it once the field is edited', () => {
    remove = installValidationMessages(document, i18n.t.bind(i18n));
    const { getByLabelText } = form();
    const label = getByLabelText('Tên tập phiếu') as HTMLInputElement;
    const count = getByLabelText('Số phiếu đếm tay') as HTMLInputElement;
    const role = getByLabelText('Vai trò') as HTMLSelectElement;
    fireEvent.change(count, { target: { value: '-3' } });
    expect(label.form!.checkValidity()).toBe(false);
    expect(label.validationMessage).toBe('Xin điền vào ô này.');
    expect(count.validationMessage).toBe('Giá trị phải từ 1 trở lên.');
    expect(role.validationMessage).toBe('Xin chọn một mục trong danh sách.');
    fireEvent.change(count, { target: { value: '250000' } });
    count.checkValidity();
    expect(count.validationMessage).toBe('Giá trị không được lớn hơn 100.000.');
    fireEvent.input(label, { target: { value: 'Hòm phiếu số 1' } });
    expect(label.validationMessage).toBe('');
    expect(label.checkValidity()).toBe(true);
  });

  it('describes a pattern by the field\'s title when it has one (jsdom does not check patterns: the message alone)', () => {
    const none = { valueMissing: false, badInput: false, rangeUnderflow: false, rangeOverflow: false, stepMismatch: false, tooShort: false, tooLong: false, typeMismatch: false, patternMismatch: false };
    const facts = (hint?: string): FieldFacts => ({ validity: { ...none, patternMismatch: true }, kind: 'text', ...(hint === undefined ? {} : { hint }) });
    const t = i18n.t.bind(i18n);
    expect(validationMessage(facts('chữ thường không dấu, số và dấu gạch ngang'), t)).toBe('Giá trị chưa đúng yêu cầu: chữ thường không dấu, số và dấu gạch ngang');
    expect(validationMessage(facts(), t)).toBe('Giá trị chưa hợp lệ.');
    expect(validationMessage({ validity: { ...none, tooShort: true }, kind: 'text', minLength: 8, length: 3 }, t)).toBe('Xin nhập ít nhất 8 ký tự (hiện có 3).');
    expect(validationMessage({ validity: none, kind: 'text' }, t)).toBeNull();
  });

  it('follows the language the user switched to', async () => {
    remove = installValidationMessages(document, i18n.t.bind(i18n));
    const { getByLabelText } = form();
    await i18n.changeLanguage('en');
    const label = getByLabelText('Tên tập phiếu') as HTMLInputElement;
    label.checkValidity();
    expect(label.validationMessage).toBe('Please fill in this field.');
  });

  it('leaves the browser\'s own words when not installed (what the first check above replaces)', () => {
    const { getByLabelText } = form();
    const label = getByLabelText('Tên tập phiếu') as HTMLInputElement;
    label.checkValidity();
    expect(label.validationMessage).not.toBe('Xin điền vào ô này.');
  });
});
