import { useEffect, useRef } from 'react';
import { CopyButton } from './CopyButton';

/**
 * A secret the API gives out once (an API key, a webhook's signing secret): a warning, the value
 * focused and selected for copying, a copy button, and the button that puts it away for good.
 */
export function SecretOncePanel({ id, title, warning, label, usage, secret, copyLabel, storedLabel, onStored }: {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  title: string;
  warning: string;
  label: string;
  usage: string;
  secret: string;
  copyLabel: string;
  storedLabel: string;
  onStored: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, [secret]);
  return (
    <section className="secret-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="secret-panel__warning">
        <strong>{warning}</strong>
      </p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} ref={input} className="input--secret" readOnly value={secret} onFocus={(event) => event.target.select()} spellCheck={false} aria-describedby={`${id}-usage`} />
        <p className="field__hint" id={`${id}-usage`}>
          {usage}
        </p>
      </div>
      <div className="button-row">
        <CopyButton value={secret} label={copyLabel} />
        <button type="button" className="button" onClick={onStored}>
          {storedLabel}
        </button>
      </div>
    </section>
  );
}
