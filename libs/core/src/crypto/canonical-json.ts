/*
 * Canonical JSON after RFC 8785 (JCS), for the values the audit log hashes. Shared by the audit log (hash chain) and certificates (signed content). The `canonicalize`
 * package the architecture names is not installed in this repository, and the subset we need (plain
 * objects, arrays, strings, finite numbers, booleans, null) is small enough to write exactly:
 * - object members sorted by the UTF-16 code units of their names (JavaScript's default sort),
 * - numbers in ECMAScript's shortest round-trip form (what JSON.stringify emits; -0 becomes 0),
 * - strings escaped as JSON.stringify does (RFC 8785 adopts ECMAScript's rules), no whitespace.
 * Anything else (undefined, NaN, Infinity, Date, Buffer, lone surrogates) is refused rather than
 * silently coerced, so two writers can never hash different texts for the same value.
 */

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: JsonValue): string {
  return serialize(value, '$');
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'string':
      return serializeString(value, path);
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((item, i) => serialize(item, `${path}[${i}]`)).join(',')}]`;
      if (!isPlainObject(value))
        throw new CanonicalJsonError(`${path}: only plain objects have a canonical form`);
      return serializeObject(value as Record<string, unknown>, path);
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} has no JSON form`);
  }
}

function serializeObject(value: Record<string, unknown>, path: string): string {
  const members = Object.keys(value)
    .sort()
    .map((key) => {
      const member = value[key];
      if (member === undefined) throw new CanonicalJsonError(`${path}.${key}: undefined has no JSON form`);
      return `${serializeString(key, path)}:${serialize(member, `${path}.${key}`)}`;
    });
  return `{${members.join(',')}}`;
}

function serializeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path}: string is not well-formed UTF-16`);
  return JSON.stringify(value);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
