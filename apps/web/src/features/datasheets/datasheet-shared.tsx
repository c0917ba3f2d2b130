import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors';
import type { DatasheetState } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { FieldErrorsContext, FieldShell } from '../../ui/fields';

/** The languages a datasheet can carry a text in (the API's DATASHEET_LANGUAGES). */
export const DATASHEET_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type DatasheetLanguage = (typeof DATASHEET_LANGUAGES)[number];

// The path the API names a characteristic by when it refuses one at submission (`characteristics/dimensions/lengthMm`).
export const CHARACTERISTICS_FIELD = 'characteristics';

/** Versions the company may still change. */
export const EDITABLE_STATES: readonly DatasheetState[] = ['DRAFT', 'CHANGES_REQUESTED'];
/** Versions in the works: no new version can be started beside one of these. */
export const OPEN_STATES: readonly DatasheetState[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'];

const BADGE: Partial<Record<DatasheetState, string>> = { PUBLISHED: 'ok', APPROVED: 'info', SUBMITTED: 'info' };

/** The form of a product family: the latest of its schemas (each save adds a version). */
export function latestSchemaOf<S extends { family?: string | null; version?: number | null }>(schemas: readonly S[], family: string | null | undefined): S | null {
  return schemas.filter((s) => s.family === family).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0] ?? null;
}

export function StateBadge({ state }: { state: DatasheetState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <span className={`badge badge--${BADGE[state] ?? 'muted'}`}>{t(`datasheets.states.${state}`)}</span>;
}

export interface TextsForm {
  nl: { title: string; description: string };
  fr: { title: string; description: string };
  de: { title: string; description: string };
  en: { title: string; description: string };
}

export function emptyTexts(): TextsForm {
  return { nl: { title: '', description: '' }, fr: { title: '', description: '' }, de: { title: '', description: '' }, en: { title: '', description: '' } };
}

export function textsFrom(texts: ReadonlyArray<{ language: string; title: string; description: string }> | null | undefined): TextsForm {
  const form = emptyTexts();
  for (const text of texts ?? []) {
    if ((DATASHEET_LANGUAGES as readonly string[]).includes(text.language)) form[text.language as DatasheetLanguage] = { title: text.title, description: text.description };
  }
  return form;
}

/** The languages filled in, in the API's shape. */
export function textsInput(form: TextsForm) {
  return DATASHEET_LANGUAGES.filter((language) => form[language].title.trim() || form[language].description.trim()).map((language) => ({
    language,
    title: form[language].title.trim(),
    description: form[language].description.trim(),
  }));
}

/** The text in the reader's language, else the first one the datasheet has. */
export function textFor<T extends { language: string }>(texts: readonly T[] | null | undefined, language: string): T | null {
  return texts?.find((text) => text.language === language) ?? texts?.[0] ?? null;
}

/**
 * JSON Schema puts a missing property's problem on its parent object (`required`, naming the property
 * in the message); the form shows it on the property's own input instead.
 */
export function onOwnFields(error: ApiError | null): ApiError | null {
  if (!error || !error.fields.some((f) => f.constraint === 'required' && f.field.startsWith(CHARACTERISTICS_FIELD))) return error;
  const fields = error.fields.map((problem) => {
    const missing = problem.constraint === 'required' ? /required property '([^']+)'/.exec(problem.reason)?.[1] : undefined;
    return missing && problem.field.startsWith(CHARACTERISTICS_FIELD) ? { ...problem, field: `${problem.field}/${missing}` } : problem;
  });
  return Object.assign(Object.create(Object.getPrototypeOf(error) as object) as ApiError, error, { fields });
}

/** "compressiveStrength" → "Compressive strength": a readable label for a key without a schema title. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function parseObject(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The part of JSON Schema the form understands; anything else is entered as JSON text. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  /** The title in other languages, by language code: `{ "fr": "Conductivité thermique λ (W/m·K)" }` (a keyword of ours; JSON Schema has none). */
  'x-titles'?: Record<string, unknown>;
}

export function parseSchema(text: string | null | undefined): JsonSchema | null {
  if (!text) return null;
  try {
    const schema = JSON.parse(text) as JsonSchema;
    return schema && typeof schema === 'object' ? schema : null;
  } catch {
    return null;
  }
}

/** A schema's title in the reader's language (`x-titles`), else its `title`, if it gives one. */
export function titleOf(node: JsonSchema | undefined, language: string): string | null {
  const translated = node?.['x-titles'] && typeof node['x-titles'] === 'object' && Object.hasOwn(node['x-titles'], language) ? node['x-titles'][language] : undefined;
  // The schema is the tenant's JSON: a title that is not text is no title (never an object in the page).
  if (typeof translated === 'string' && translated.trim()) return translated;
  return typeof node?.title === 'string' ? node.title : null;
}

/** The schema's title for a property path (`/dimensions/lengthMm`; '' for the family), in the reader's language, if it gives one. */
export function titleAt(schema: JsonSchema | null, path: string, language: string): string | null {
  let node: JsonSchema | undefined = schema ?? undefined;
  for (const key of path.split('/').filter(Boolean)) node = node?.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
  return titleOf(node, language);
}

/** The characteristics as a definition list (nested objects as nested lists). */
export function CharacteristicsList({ values, titles }: { values: Record<string, unknown>; titles?: (path: string, key: string) => string | null }) {
  const format = useFormat();
  const entries = Object.entries(values);
  const label = (path: string, key: string) => titles?.(path, key) ?? humanise(key);
  const render = (object: Record<string, unknown>, path: string) => (
    <dl className="details">
      {Object.entries(object).map(([key, value]) => (
        <div key={key}>
          <dt>{label(`${path}/${key}`, key)}</dt>
          <dd>
            {value && typeof value === 'object' && !Array.isArray(value)
              ? render(value as Record<string, unknown>, `${path}/${key}`)
              : Array.isArray(value)
                ? value.map(String).join(', ')
                : typeof value === 'boolean'
                  ? <BooleanValue value={value} />
                  : typeof value === 'number'
                    ? format.measure(value)
                    : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (entries.length === 0) return null;
  return render(values, '');
}

function BooleanValue({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('datasheets.yes') : t('datasheets.no')}</>;
}

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'name'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
};

export function TextAreaField({ name, label, hint, optional, value, onValue, ...rest }: TextAreaProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} optional={optional}>
      {(a11y) => <textarea rows={4} {...rest} {...a11y} value={value} onChange={(event) => onValue(event.target.value)} />}
    </FieldShell>
  );
}

/** Whether a field of the form in view has an error (to open a collapsed section holding it). */
export function useHasFieldError(prefix: string): boolean {
  const errors = useContext(FieldErrorsContext);
  return [...errors.keys()].some((key) => key.startsWith(prefix));
}
