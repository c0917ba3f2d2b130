import i18next from 'i18next';
import type { ApiError } from '../api/errors';

/** A translated message for a key built at run time (an error code from the server), or null. */
export function translateDynamic(key: string, options?: Record<string, unknown>): string | null {
  if (!i18next.exists(key, options)) return null;
  return (i18next.t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, options);
}

/** Constraint names differ in case between class-validator and our own checks; keys are lower case. */
function constraintKey(constraint: string | undefined): string {
  return (constraint ?? '').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

export interface DescribedError {
  /** One sentence for the whole refusal. */
  message: string;
  /** Sentence per input field path (`input.vatNumber`). */
  fields: Map<string, string>;
}

/**
 * The user's-language sentence for an API error: by the specific reason when the server gives
 * one and we know it, else by the code; then one sentence per refused field, by its constraint.
 * `overrides` gives a screen's own sentence for a code or reason (e.g. a failed login), and for a
 * refused field by `<field path>.<constraint>` as `errors.field` names them (`currentPassword.currentpasswordwrong`).
 */
export function describeError(error: ApiError, overrides: Record<string, string> = {}): DescribedError {
  const fields = new Map<string, string>();
  for (const problem of error.fields) {
    const text =
      overrides[`${problem.field}.${constraintKey(problem.constraint)}`] ??
      translateDynamic(`errors.field.${problem.field}.${constraintKey(problem.constraint)}`) ??
      translateDynamic(`errors.constraint.${constraintKey(problem.constraint)}`) ??
      translateDynamic('errors.constraint.invalid')!;
    const previous = fields.get(problem.field);
    fields.set(problem.field, previous && previous !== text ? `${previous} ${text}` : text);
  }
  const byReason = error.reason ? (overrides[error.reason] ?? translateDynamic(`errors.reason.${error.reason}`)) : null;
  const byCode = overrides[error.code] ?? translateDynamic(`errors.code.${error.code}`);
  let message = byReason ?? byCode ?? translateDynamic('errors.code.UNKNOWN')!;
  if (!byReason && error.code === 'BAD_USER_INPUT' && fields.size > 0 && !overrides[error.code]) {
    message = translateDynamic('errors.fieldsToCorrect', { count: fields.size })!;
  }
  return { message, fields };
}
