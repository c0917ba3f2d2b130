import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { FieldProblem, problemWithText } from '@chancery/core';
import { DatasheetsErrors } from './datasheets.errors';
import { linearTimeRegExp, unsafePatternReason } from './safe-pattern';

const compiled = new Map<string, ValidateFunction>();
let validator: Ajv | undefined;

/** Thrown while compiling a schema whose pattern could backtrack without end (see safe-pattern.ts). */
class UnsafePatternError extends Error {}

/**
 * Every regular expression Ajv builds goes through here, at saving and at use alike, so a pattern that
 * could freeze the API's thread is never compiled, whatever path it took into the schema (or the table).
 */
const safeRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    const reason = unsafePatternReason(pattern);
    if (reason) throw new UnsafePatternError(`the pattern ${JSON.stringify(pattern.slice(0, 60))} ${reason}`);
    return linearTimeRegExp(pattern, flags);
  },
  { code: 'safeRegExp' },
);

/**
 * Ajv (about 8 MiB resident) is loaded at the first schema checked, not with every API process.
 * Its patterns run on V8's linear-time engine (safeRegExp above), which Node 20's V8 offers only for
 * expressions without the `u` flag, hence `unicodeRegExp: false` (and `\p{…}`, `\u{…}` refused when saved).
 * One instance serves every tenant, so it keeps no schema: `addUsedSchema: false` registers none under
 * its `$id` (another tenant's `$ref` to it resolves nothing; the same `$id` twice is no conflict), and
 * `compileAlone` drops each schema from the instance's cache once compiled.
 */
function ajv(): Ajv {
  if (!validator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
    validator = new (require('ajv') as typeof import('ajv')).default({ allErrors: true, strict: false, unicodeRegExp: false, addUsedSchema: false, code: { regExp: safeRegExp } });
  }
  return validator;
}

/** Compiles a tenant's schema without leaving it in the shared instance (its validate function keeps what it needs). */
function compileAlone(schema: object): ValidateFunction {
  const instance = ajv();
  try {
    return instance.compile(schema);
  } finally {
    instance.removeSchema(schema);
  }
}

/** JSON Schema keywords whose values are data, not schemas: a `pattern` key inside them is no pattern. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
/** A key as a JSON pointer segment. */
const pointerEscape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Each unsafe `pattern` value and `patternProperties` key of the schema, with its JSON pointer. */
function unsafePatterns(node: unknown, pointer: string, found: FieldProblem[]): FieldProblem[] {
  if (found.length >= 20 || node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${pointerEscape(key)}`;
    if (!Array.isArray(node) && DATA_KEYWORDS.has(key)) continue;
    if (!Array.isArray(node) && key === 'pattern' && typeof value === 'string') {
      const reason = unsafePatternReason(value);
      if (reason) found.push({ field: at, reason: `${reason}, so it could stall the service`, constraint: 'pattern' });
    } else if (!Array.isArray(node) && key === 'patternProperties' && value !== null && typeof value === 'object') {
      for (const property of Object.keys(value)) {
        const reason = unsafePatternReason(property);
        if (reason) found.push({ field: `${at}/${pointerEscape(property)}`, reason: `${reason}, so it could stall the service`, constraint: 'pattern' });
      }
    }
    unsafePatterns(value, at, found);
  }
  return found;
}

/** The languages a title may be translated into (`x-titles`): a datasheet's. */
const TITLE_LANGUAGES = new Set(['nl', 'fr', 'de', 'en']);
const MAX_TITLE_LENGTH = 200;
/** Keywords whose value maps the data's names (or definitions' names) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
/** A title is one line of text: what no text field takes (`problemWithText`), and no line break or tab. */
const notATitle = (title: string) => /[\t\n\r\u2028\u2029]/.test(title) || problemWithText(title) !== undefined;

/**
 * Each malformed `x-titles` (the schema's titles in other languages, which the portal shows): an object
 * of nl, fr, de or en to one line of text, at most 200 characters. JSON Schema ignores the keyword; the
 * public page would otherwise show whatever a typing error put there.
 */
function badTranslatedTitles(node: unknown, pointer: string, found: FieldProblem[], keysAreNames = false): FieldProblem[] {
  if (found.length >= 20 || node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${pointerEscape(key)}`;
    // In `properties` and its kind the keys are the data's names: a characteristic may be called "x-titles".
    if (keysAreNames) {
      badTranslatedTitles(value, at, found);
      continue;
    }
    if (!Array.isArray(node) && DATA_KEYWORDS.has(key)) continue;
    if (!Array.isArray(node) && key === 'x-titles') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        found.push({ field: at, reason: 'must be an object of titles by language (nl, fr, de, en)', constraint: 'translatedTitles' });
        continue;
      }
      for (const [language, title] of Object.entries(value)) {
        const here = `${at}/${pointerEscape(language)}`;
        if (!TITLE_LANGUAGES.has(language)) found.push({ field: here, reason: 'is not a datasheet language (nl, fr, de, en)', constraint: 'translatedTitles' });
        else if (typeof title !== 'string' || !title.trim() || title.length > MAX_TITLE_LENGTH || notATitle(title)) {
          found.push({ field: here, reason: `must be one line of text, 1 to ${MAX_TITLE_LENGTH} characters`, constraint: 'translatedTitles' });
        }
      }
      continue;
    }
    badTranslatedTitles(value, at, found, !Array.isArray(node) && NAME_MAPS.has(key));
  }
  return found;
}

/** A lone surrogate: JSON escapes can spell one, and PostgreSQL's jsonb refuses it (as it refuses U+0000). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Each place in a parsed JSON value that jsonb would refuse: a string, or a key (named by its object), holding U+0000 or a lone surrogate. */
function unstorableIn(value: unknown, path: string, found: FieldProblem[]): FieldProblem[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (unstorable(value)) found.push({ field: path, reason: 'holds U+0000 or an unpaired surrogate, which cannot be stored', constraint: 'storableText' });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) found.push({ field: path, reason: 'has a key holding U+0000 or an unpaired surrogate, which cannot be stored', constraint: 'storableText' });
      else unstorableIn(item, `${path}/${pointerEscape(key)}`, found);
    }
  }
  return found;
}

type InvalidJson = typeof DatasheetsErrors.INVALID_CHARACTERISTICS;

/** Deepest nesting accepted in characteristics (technical values are two or three levels deep). */
export const MAX_CHARACTERISTICS_DEPTH = 32;
/** Deepest nesting accepted in a family schema (each level of data takes two: `properties`, then the name). */
export const MAX_SCHEMA_DEPTH = 64;

/**
 * Whether the parsed value nests objects and arrays deeper than `limit` (the value itself is level 1).
 * Iterative: what comes after it (the jsonb check, Ajv, the tenant archive's serialisation) recurses,
 * and 5,000 levels in 10 kB overflowed their stacks.
 */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const item of Object.values(node)) if (item !== null && typeof item === 'object') pending.push([item, depth + 1]);
  }
  return false;
}

/** A JSON object from its text that the database can store, or a BAD_USER_INPUT (`invalid`'s reason) naming the field. */
export function parseJsonObject(
  text: string,
  field: string,
  invalid: InvalidJson = DatasheetsErrors.INVALID_CHARACTERISTICS,
  maxDepth = MAX_CHARACTERISTICS_DEPTH,
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('is not valid JSON', { field });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('must be a JSON object', { field });
  if (nestedDeeperThan(value, maxDepth)) {
    throw invalid(`nests objects and arrays more than ${maxDepth} levels deep`, { fields: [{ field, reason: `must not nest more than ${maxDepth} levels deep`, constraint: 'maxDepth' }] });
  }
  // Checked here, not left to PostgreSQL, whose refusal (22P05, 22P02) would be an internal error.
  const unstorableText = unstorableIn(value, field, []);
  if (unstorableText.length > 0) throw invalid('holds text that cannot be stored', { fields: unstorableText });
  return value as Record<string, unknown>;
}

/** Checks a schema compiles (so a tenant cannot store one that refuses everything by error). */
export function assertValidSchema(schemaText: string, field: string): void {
  const schema = parseJsonObject(schemaText, field, DatasheetsErrors.INVALID_SCHEMA, MAX_SCHEMA_DEPTH);
  const unsafe = unsafePatterns(schema, field, []);
  if (unsafe.length > 0) throw DatasheetsErrors.INVALID_SCHEMA('holds a regular expression that could backtrack without end', { fields: unsafe });
  const badTitles = badTranslatedTitles(schema, field, []);
  if (badTitles.length > 0) throw DatasheetsErrors.INVALID_SCHEMA('holds titles in other languages (x-titles) that are not one line of text by nl, fr, de or en', { fields: badTitles });
  try {
    compileAlone(schema);
  } catch (error) {
    throw DatasheetsErrors.INVALID_SCHEMA(`is not a valid JSON Schema: ${(error as Error).message.slice(0, 200)}`, { field });
  }
}

/**
 * Validates characteristics against the family's schema (compiled once per schema text). Each problem
 * becomes a field entry, `input.characteristics/<json pointer>`, so a form can show it where it belongs.
 */
export function assertCharacteristicsValid(characteristics: string, schemaText: string, field: string): void {
  const value = parseJsonObject(characteristics, field);
  let validate = compiled.get(schemaText);
  if (!validate) {
    try {
      validate = compileAlone(JSON.parse(schemaText) as object);
    } catch (error) {
      // A schema stored before a stricter check (an unsafe pattern, a reference to another schema) is never run.
      throw DatasheetsErrors.PRODUCT_FAMILY_SCHEMA_UNUSABLE(`the product family schema cannot be used: ${(error as Error).message.slice(0, 200)}`, { field });
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(schemaText, validate);
  }
  if (validate(value)) return;
  const fields: FieldProblem[] = (validate.errors ?? []).slice(0, 20).map((e) => ({
    field: `${field}${e.instancePath}`,
    reason: e.message ?? 'is not valid',
    constraint: e.keyword,
  }));
  throw DatasheetsErrors.INVALID_CHARACTERISTICS('do not satisfy the product family schema', { fields });
}
