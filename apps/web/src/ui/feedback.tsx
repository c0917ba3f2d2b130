import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { worthAReference, type ApiError } from '../api/errors';
import { describeError } from '../i18n/errors';
import { fieldId, FieldScopeContext } from './fields';

/**
 * What went wrong, at the top of a form: one sentence, then a link to each refused field. Focused
 * when it appears, so keyboard and screen-reader users hear it at once.
 */
export function ErrorSummary({ error, overrides }: { error: ApiError | null; overrides?: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const scope = useContext(FieldScopeContext);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const described = describeError(error, overrides);
  const entries = [...described.fields.entries()];
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${scope}error-summary-title`}>
      <h2 id={`${scope}error-summary-title`} className="error-summary__title">
        {t('errors.summaryTitle')}
      </h2>
      <p>{described.message}</p>
      <ErrorReference error={error} />
      {entries.length > 0 ? (
        <ul>
          {entries.map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${fieldId(path, scope)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(path, scope));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A sentence for a failed load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{describeError(error).message}</p>
      <ErrorReference error={error} />
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** The answer's reference, for the support desk, under an error the user cannot correct themselves. */
function ErrorReference({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  if (!worthAReference(error)) return null;
  return <p className="error-reference">{t('errors.reference', { id: error.requestId })}</p>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A confirmation or information box; `role=status` lets screen readers announce it politely. */
export function Notice({ kind = 'info', title, children }: { kind?: 'info' | 'success' | 'warning'; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role="status">
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

/**
 * A value the API concealed from this viewer (it answered null for a field the viewer's role may
 * not read): says so, instead of an empty cell that looks like missing data.
 */
export function HiddenValue({ reason }: { reason?: string }) {
  const { t } = useTranslation();
  return (
    <span className="hidden-value">
      {t('common.hidden')}
      {reason ? <span className="hidden-value__reason"> — {reason}</span> : null}
    </span>
  );
}
