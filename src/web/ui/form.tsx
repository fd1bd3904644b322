/**
 * Forms checked as you type with the API's own zod schemas (src/api): the same definition the server parses the
 * request with, so a form never accepts what the server refuses. Messages are the server's (describeIssue), in the
 * reader's language. A field shows its message once touched; the submit button, disabled while anything is wrong,
 * says which fields are.
 */
import { useCallback, useId, useMemo, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeIssue } from '../../api/index.ts';
import type { ApiResult } from '../api/client.ts';
import type { ApiError } from '../api/types.ts';

export type Draft = Readonly<Record<string, string | boolean>>;

export interface Checked<T> {
  readonly value: T | null;
  /** The first message per top-level field ('' for the body as a whole). */
  readonly errors: Readonly<Record<string, string>>;
}

/** Parses `input` with `schema`; the messages of its issues by field, in the language asked. */
export const checkWith = <S extends z.ZodType>(schema: S, input: unknown, english: boolean): Checked<z.infer<S>> => {
  const r = schema.safeParse(input);
  if (r.success) return { value: r.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] ?? '' : String(issue.path[0] ?? '');
    if (errors[key] !== undefined) continue;
    const [vi, en] = describeIssue(issue);
    errors[key] = english ? en : vi;
  }
  return { value: null, errors };
};

/** '' → null; otherwise the text. */
export const orNull = (s: string | boolean | undefined): string | null => (typeof s !== 'string' || s.trim() === '' ? null : s);
/** A whole number typed, or the text itself (so the schema says what is wrong). */
export const num = (s: string | boolean | undefined): number | string => {
  if (typeof s !== 'string') return '';
  const t = s.trim();
  return /^-?\d+$/u.test(t) ? Number(t) : t;
};

export interface Form<D extends Draft, T> {
  readonly draft: D;
  readonly set: (key: keyof D & string, value: string | boolean) => void;
  readonly replace: (next: D) => void;
  readonly errorOf: (key: string) => string | null;
  readonly checked: Checked<T>;
  /** Labels of the fields still wrong, for the disabled button's reason. */
  readonly wrong: (labels: Readonly<Record<string, string>>) => string[];
  readonly serverError: ApiError | null;
  /** The server's refusal when it names no field of this form (shown above the button instead of at a field). */
  readonly generalError: ApiError | null;
  readonly setServerError: (e: ApiError | null) => void;
}

export const useForm = <D extends Draft, S extends z.ZodType>(initial: D, schema: S, toInput: (d: D) => unknown): Form<D, z.infer<S>> => {
  const { i18n } = useTranslation();
  const [draft, setDraft] = useState<D>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const checked = useMemo(() => checkWith(schema, toInput(draft), i18n.language === 'en'), [schema, toInput, draft, i18n.language]);
  const set = useCallback((key: keyof D & string, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => new Set([...t, key]));
    setServerError(null);
  }, []);
  const replace = useCallback((next: D) => {
    setDraft(next);
    setTouched(new Set());
  }, []);
  const serverField = serverError?.field?.replace(/^body\./u, '').split(/[.[]/u)[0] ?? null;
  const errorOf = (key: string): string | null => {
    if (serverField === key && serverError !== null) return i18n.language === 'en' ? serverError.message_en : serverError.message_vi;
    return touched.has(key) ? checked.errors[key] ?? null : null;
  };
  const wrong = (labels: Readonly<Record<string, string>>): string[] =>
    Object.keys(checked.errors).map((k) => labels[k] ?? k).filter((l) => l !== '');
  const generalError = serverField !== null && serverField in draft ? null : serverError;
  return { draft, set, replace, errorOf, checked, wrong, serverError, generalError, setServerError };
};

/** A labelled control with its message (announced, linked by aria-describedby). */
export const Field = ({ label, error, hint, children }: {
  readonly label: string;
  readonly error: string | null;
  readonly hint?: string;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) => {
  const id = useId();
  const described = [hint === undefined ? null : `${id}-hint`, error === null ? null : `${id}-error`].filter((x) => x !== null).join(' ');
  return (
    <div className={`field${error === null ? '' : ' invalid'}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== null, 'aria-describedby': described === '' ? undefined : described })}
      {hint !== undefined && <span id={`${id}-hint`} className="muted small">{hint}</span>}
      {error !== null && <span id={`${id}-error`} className="error small" role="alert">{error}</span>}
    </div>
  );
};

/** A text input bound to a form's draft. */
export const TextField = <D extends Draft>({ form, name, label, type = 'text', hint, autoComplete }: {
  readonly form: Form<D, unknown>;
  readonly name: keyof D & string;
  readonly label: string;
  readonly type?: 'text' | 'date' | 'number' | 'datetime-local';
  readonly hint?: string;
  readonly autoComplete?: string;
}) => (
  <Field label={label} error={form.errorOf(name)} {...(hint === undefined ? {} : { hint })}>
    {(p) => (
      <input {...p} type={type} value={String(form.draft[name] ?? '')} autoComplete={autoComplete ?? 'off'}
        onChange={(e) => form.set(name, e.target.value)} />
    )}
  </Field>
);

export const SelectField = <D extends Draft>({ form, name, label, options }: {
  readonly form: Form<D, unknown>;
  readonly name: keyof D & string;
  readonly label: string;
  readonly options: ReadonlyArray<readonly [string, string]>;
}) => (
  <Field label={label} error={form.errorOf(name)}>
    {(p) => (
      <select {...p} value={String(form.draft[name] ?? '')} onChange={(e) => form.set(name, e.target.value)}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    )}
  </Field>
);

export const CheckField = <D extends Draft>({ form, name, label }: {
  readonly form: Form<D, unknown>;
  readonly name: keyof D & string;
  readonly label: string;
}) => (
  <label className="check">
    <input type="checkbox" checked={form.draft[name] === true} onChange={(e) => form.set(name, e.target.checked)} /> {label}
  </label>
);

/**
 * The submit button: disabled while the form is wrong or saving, and then it says why (the fields still wrong, or
 * `blocked`, a reason from outside the form such as a missing right).
 */
export const Submit = ({ form, labels, text, busy, blocked }: {
  readonly form: Pick<Form<Draft, unknown>, 'wrong' | 'checked'>;
  readonly labels: Readonly<Record<string, string>>;
  readonly text: string;
  readonly busy: boolean;
  readonly blocked?: string | null;
}) => {
  const { t } = useTranslation();
  const wrong = form.wrong(labels);
  const reason = blocked ?? (wrong.length > 0 ? t('prepare.form.fix', { fields: wrong.join(', ') })
    : form.checked.value === null ? t('prepare.form.nothing') : null);
  const id = useId();
  return (
    <div className="submit-line">
      <button type="submit" className="button primary" disabled={reason !== null || busy} aria-describedby={reason === null ? undefined : id}>{text}</button>
      {reason !== null && <span id={id} className="muted small" data-testid="why-disabled">{reason}</span>}
    </div>
  );
};

/**
 * Sending a checked form, once at a time: `saved` after the server took it (and `onSent` with its answer), its refusal
 * shown at the field it names.
 */
export const useSubmit = <D extends Draft, T, V>(
  form: Form<D, T>, send: (value: T) => Promise<ApiResult<V>>, onSent: (value: V) => void = () => undefined,
): { readonly busy: boolean; readonly saved: boolean; readonly submit: (e: SubmitEvent) => Promise<void> } => {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (form.checked.value === null || busy) return;
    setBusy(true);
    const r = await send(form.checked.value);
    setBusy(false);
    setSaved(r.ok);
    if (r.ok) onSent(r.value);
    else form.setServerError(r.error);
  };
  return { busy, saved, submit };
};
