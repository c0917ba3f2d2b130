import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { FieldProblem } from '@chancery/core';
import { DatasheetsErrors } from './datasheets.errors';

const compiled = new Map<string, ValidateFunction>();
let validator: Ajv | undefined;

/** Ajv (about 8 MiB resident) is loaded at the first schema checked, not with every API process. */
function ajv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
  validator ??= new (require('ajv') as typeof import('ajv')).default({ allErrors: true, strict: false });
  return validator;
}

/** A JSON object from its text, or a BAD_USER_INPUT naming the field. */
export function parseJsonObject(text: string, field: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw DatasheetsErrors.INVALID_CHARACTERISTICS('is not valid JSON', { field });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw DatasheetsErrors.INVALID_CHARACTERISTICS('must be a JSON object', { field });
  return value as Record<string, unknown>;
}

/** Checks a schema compiles (so a tenant cannot store one that refuses everything by error). */
export function assertValidSchema(schemaText: string, field: string): void {
  const schema = parseJsonObject(schemaText, field);
  try {
    ajv().compile(schema);
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
    validate = ajv().compile(JSON.parse(schemaText) as object);
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
