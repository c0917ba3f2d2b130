import { FieldShell } from '../../ui/fields';

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'name'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
};

/** Several lines of text (a request's details, a breach's description), with the form's label and error. */
export function TextAreaField({ name, label, hint, optional, value, onValue, rows = 4, ...rest }: TextAreaProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} optional={optional}>
      {(a11y) => <textarea {...rest} {...a11y} rows={rows} value={value} onChange={(event) => onValue(event.target.value)} />}
    </FieldShell>
  );
}
