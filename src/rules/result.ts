/** Expected failures are values, not exceptions (see STYLE.md). */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A rule broken by the input: what a person at the congress must be told, in Vietnamese first. */
export interface RuleError {
  readonly code: string;
  readonly message_vi: string;
  readonly message_en: string;
  /** Path of the input field at fault, e.g. `ballots[3].struck[0]`. */
  readonly field?: string;
}

export const ruleError = (code: string, message_vi: string, message_en: string, field?: string): RuleError =>
  field === undefined ? { code, message_vi, message_en } : { code, message_vi, message_en, field };
