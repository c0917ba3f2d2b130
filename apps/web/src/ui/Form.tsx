import { useMemo, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../api/errors';
import { describeError } from '../i18n/errors';
import { ErrorSummary } from './feedback';
import { FieldErrorsContext, FieldScopeContext } from './fields';

interface FormProps {
  error: ApiError | null;
  /** A screen's own sentence for an error code or reason, or for a field's constraint (`currentPassword.currentpasswordwrong`). */
  overrides?: Record<string, string>;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  /** Prefix of the ids inside, when another form on the page names the same fields. */
  idScope?: string;
  'aria-labelledby'?: string;
}

/** A form that shows the API's refusal at the top and beside each named input. */
export function Form({ error, overrides, onSubmit, children, className, idScope = '', ...rest }: FormProps) {
  const fieldErrors = useMemo(() => (error ? describeError(error, overrides).fields : new Map<string, string>()), [error, overrides]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <FieldScopeContext.Provider value={idScope}>
      <form noValidate onSubmit={submit} className={className ?? 'form'} {...rest}>
        <ErrorSummary error={error} overrides={overrides} />
        <FieldErrorsContext.Provider value={fieldErrors}>{children}</FieldErrorsContext.Provider>
      </form>
    </FieldScopeContext.Provider>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: ReactNode; pendingLabel: string }) {
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
