import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/fields';
import { CHARACTERISTICS_FIELD, humanise, titleOf, type JsonSchema } from './datasheet-shared';

export type Values = Record<string, unknown>;

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  return schema.properties ? 'object' : 'string';
}

/**
 * Missing required values, checked before sending (the same rule the API applies), each named by the
 * path the API would use, so the message stands beside the input.
 */
export function missingRequired(schema: JsonSchema, values: Values, path = ''): Array<{ field: string; reason: string; constraint: string }> {
  const problems: Array<{ field: string; reason: string; constraint: string }> = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const value = values[key];
    const here = `${path}/${key}`;
    if (typeOf(child) === 'object') {
      if (schema.required?.includes(key) || value !== undefined) problems.push(...missingRequired(child, (value as Values) ?? {}, here));
    } else if (schema.required?.includes(key) && (value === undefined || value === '')) {
      problems.push({ field: `${CHARACTERISTICS_FIELD}${here}`, reason: 'required', constraint: 'required' });
    }
  }
  return problems;
}

/** Empty inputs left out, so the schema's own rules (required, type) speak about them. */
export function withoutEmpty(values: Values): Values {
  const result: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || value === undefined) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = withoutEmpty(value as Values);
      if (Object.keys(nested).length) result[key] = nested;
    } else result[key] = value;
  }
  return result;
}

/** A number where the text is one; the text otherwise (the API then names the field as not a number). */
function numberOrText(text: string): unknown {
  if (text.trim() === '') return '';
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) ? number : text;
}

interface SchemaFieldsProps {
  schema: JsonSchema;
  values: Values;
  onChange: (values: Values) => void;
  path?: string;
}

/** Inputs generated from the product family's JSON Schema; each input's name is the API's path for it. */
export function SchemaFields({ schema, values, onChange, path = '' }: SchemaFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, child]) => {
        const here = `${path}/${key}`;
        const name = `${CHARACTERISTICS_FIELD}${here}`;
        const label = titleOf(child, i18n.language) ?? humanise(key);
        const optional = !schema.required?.includes(key);
        const value = values[key];
        const set = (next: unknown) => onChange({ ...values, [key]: next });
        const type = typeOf(child);
        const range = [child.minimum !== undefined ? `≥ ${child.minimum}` : null, child.maximum !== undefined ? `≤ ${child.maximum}` : null].filter(Boolean).join(', ');
        const hint = [child.description, range].filter(Boolean).join(' · ') || undefined;
        if (type === 'object') {
          return (
            <fieldset key={key} className="form-section">
              <legend>{label}</legend>
              {child.description ? <p className="field__hint">{child.description}</p> : null}
              <SchemaFields schema={child} values={(value as Values) ?? {}} onChange={set} path={here} />
            </fieldset>
          );
        }
        if (child.enum) {
          return (
            <SelectField
              key={key}
              name={name}
              label={label}
              hint={hint}
              optional={optional}
              value={value === undefined ? '' : String(value)}
              onValue={(text) => set(text === '' ? '' : (child.enum!.find((option) => String(option) === text) ?? text))}
              options={[{ value: '', label: t('datasheets.choose') }, ...child.enum.map((option) => ({ value: String(option), label: String(option) }))]}
            />
          );
        }
        if (type === 'boolean') {
          return (
            <SelectField
              key={key}
              name={name}
              label={label}
              hint={hint}
              optional={optional}
              value={value === undefined || value === '' ? '' : String(value)}
              onValue={(text) => set(text === '' ? '' : text === 'true')}
              options={[
                { value: '', label: t('datasheets.choose') },
                { value: 'true', label: t('datasheets.yes') },
                { value: 'false', label: t('datasheets.no') },
              ]}
            />
          );
        }
        if (type === 'number' || type === 'integer') {
          return (
            <TextField
              key={key}
              name={name}
              label={label}
              hint={hint}
              optional={optional}
              inputMode={type === 'integer' ? 'numeric' : 'decimal'}
              className="input--short"
              value={value === undefined ? '' : String(value)}
              onValue={(text) => set(numberOrText(text))}
            />
          );
        }
        return <TextField key={key} name={name} label={label} hint={hint} optional={optional} value={value === undefined ? '' : String(value)} onValue={set} />;
      })}
    </>
  );
}
