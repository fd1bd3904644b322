/**
 * The browser's own messages for a field left empty or out of range ("Please fill out this field.") are in the
 * browser's language, not the page's: a Vietnamese screen on an English Chromium would answer in English. Every form
 * that leaves a check to the browser (required, min, max, minlength, pattern) gets the page's language instead: the
 * message is set when the field is found invalid and cleared as soon as it is edited.
 */
import type { TFunction } from 'i18next';
import { formatInteger } from '../../locale/vi.ts';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What a field offers that the message needs (a field, or a plain object in tests). */
export interface FieldFacts {
  readonly validity: Pick<ValidityState, 'valueMissing' | 'badInput' | 'rangeUnderflow' | 'rangeOverflow' | 'stepMismatch' | 'tooShort' | 'tooLong' | 'typeMismatch' | 'patternMismatch'>;
  readonly kind: 'select' | 'checkbox' | 'file' | 'number' | 'text';
  readonly min?: string;
  readonly max?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly length?: number;
  /** The pattern's description (the field's title), if the form gave one. */
  readonly hint?: string;
}

const number = (value: string | undefined): string => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) ? formatInteger(n) : value ?? '';
};

/** The message for the first constraint the field breaks, in the page's language; null when it breaks none. */
export const validationMessage = (f: FieldFacts, t: TFunction): string | null => {
  const v = f.validity;
  if (v.valueMissing) return t(`validation.missing.${f.kind}`);
  if (v.badInput) return t(f.kind === 'number' ? 'validation.notNumber' : 'validation.invalid');
  if (v.rangeUnderflow) return t('validation.min', { min: number(f.min) });
  if (v.rangeOverflow) return t('validation.max', { max: number(f.max) });
  if (v.stepMismatch) return t(f.kind === 'number' ? 'validation.whole' : 'validation.invalid');
  if (v.tooShort) return t('validation.tooShort', { n: formatInteger(f.minLength ?? 0), now: formatInteger(f.length ?? 0) });
  if (v.tooLong) return t('validation.tooLong', { n: formatInteger(f.maxLength ?? 0), now: formatInteger(f.length ?? 0) });
  if (v.patternMismatch && f.hint !== undefined && f.hint !== '') return t('validation.patternHint', { hint: f.hint });
  if (v.patternMismatch || v.typeMismatch) return t('validation.invalid');
  return null;
};

const isField = (x: EventTarget | null): x is Field =>
  x instanceof HTMLInputElement || x instanceof HTMLSelectElement || x instanceof HTMLTextAreaElement;

const factsOf = (el: Field): FieldFacts => {
  if (el instanceof HTMLSelectElement) return { validity: el.validity, kind: 'select' };
  if (el instanceof HTMLTextAreaElement) return { validity: el.validity, kind: 'text', minLength: el.minLength, maxLength: el.maxLength, length: el.value.length };
  const kind = el.type === 'checkbox' || el.type === 'radio' ? 'checkbox' : el.type === 'file' ? 'file' : el.type === 'number' ? 'number' : 'text';
  return { validity: el.validity, kind, min: el.min, max: el.max, minLength: el.minLength, maxLength: el.maxLength, length: el.value.length, hint: el.title };
};

/** Installs the page-language messages on every form of the document; returns how to remove them. */
export const installValidationMessages = (doc: Document, t: TFunction): (() => void) => {
  const onInvalid = (e: Event): void => {
    if (!isField(e.target)) return;
    const el = e.target;
    el.setCustomValidity('');
    const message = validationMessage(factsOf(el), t);
    if (message !== null) el.setCustomValidity(message);
  };
  const onEdit = (e: Event): void => {
    if (isField(e.target)) e.target.setCustomValidity('');
  };
  doc.addEventListener('invalid', onInvalid, true);
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
  return () => {
    doc.removeEventListener('invalid', onInvalid, true);
    doc.removeEventListener('input', onEdit, true);
    doc.removeEventListener('change', onEdit, true);
  };
};
