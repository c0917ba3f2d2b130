import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Refused fields of the form being shown, by the server's path (`input.vatNumber`). */
export const FieldErrorsContext = createContext<Map<string, string>>(new Map());

/** Distinguishes the ids of two forms on one page that name the same field (a form and a dialog). */
export const FieldScopeContext = createContext('');

/** The element id of the input for a field path; the error summary links to it. */
export function fieldId(path: string, scope = ''): string {
  return `${scope}field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export function useFieldId(path: string): string {
  return fieldId(path, useContext(FieldScopeContext));
}

interface FieldShellProps {
  /** The server's path for this input, e.g. `input.administrator.email`. */
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true; name: string }) => ReactNode;
}

/** Label, hint and error of one input, tied to it with `for` and `aria-describedby`. */
export function FieldShell({ name, label, hint, optional, children }: FieldShellProps) {
  const { t } = useTranslation();
  const errors = useContext(FieldErrorsContext);
  const error = errors.get(name);
  const id = useFieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t('common.optional')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.error')}: </span>
          {error}
        </p>
      ) : null}
      {children({ id, name, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
};

export function TextField({ name, label, hint, optional, value, onValue, ...rest }: InputProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} optional={optional}>
      {(a11y) => <input {...rest} {...a11y} value={value} onChange={(event) => onValue(event.target.value)} />}
    </FieldShell>
  );
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'name'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
  options: Array<{ value: string; label: string; lang?: string }>;
};

export function SelectField({ name, label, hint, optional, value, onValue, options, ...rest }: SelectProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} optional={optional}>
      {(a11y) => (
        <select {...rest} {...a11y} value={value} onChange={(event) => onValue(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  hint?: string;
  type: 'checkbox' | 'radio';
  options: Array<{ value: T; label: string; description?: string }>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}

/** Checkboxes or radio buttons in a fieldset; its error is tied to the group. */
export function ChoiceGroup<T extends string>({ name, legend, hint, type, options, selected, onChange }: ChoiceGroupProps<T>) {
  const { t } = useTranslation();
  const errors = useContext(FieldErrorsContext);
  const error = errors.get(name);
  const id = useFieldId(name);
  const groupName = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: T, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset className={error ? 'field field--invalid choice-group' : 'field choice-group'} id={id} tabIndex={-1} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.error')}: </span>
          {error}
        </p>
      ) : null}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const descriptionId = option.description ? `${optionId}-description` : undefined;
        return (
          <div className="choice" key={option.value}>
            <input
              type={type}
              id={optionId}
              name={groupName}
              value={option.value}
              checked={selected.includes(option.value)}
              aria-describedby={descriptionId}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.description ? (
              <p className="choice__description" id={descriptionId}>
                {option.description}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
