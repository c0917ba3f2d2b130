import { EventEmitter } from 'node:events';

/** What a redacted value reads as in a log line. */
export const LOG_REDACTION_CENSOR = '[redacted]';

/**
 * Keys whose values never reach a log line, at any depth: secrets (passwords, tokens, keys, the
 * authorization and cookie headers) and GraphQL variables. Personal-data field names are added by
 * the processes from the policy's declarations, so a newly declared field is redacted without a
 * second list to keep.
 */
export const REDACTED_LOG_KEYS: readonly string[] = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'totpCode',
  'apiKey',
  'variables',
];

/** How deep a logged object is searched (a log line is a few small objects, not a document). */
const MAX_DEPTH = 5;

export interface LogRedactionOptions {
  /** Key names to redact besides REDACTED_LOG_KEYS. */
  keys?: Iterable<string>;
  /**
   * A class instance the caller knows how to present (the policy's output gate turns a record of a
   * declared entity into a reference); undefined leaves it to the walk.
   */
  present?: (value: object) => unknown;
}

/**
 * One pass over a logged object, copying only what it changes: a value under a redacted key becomes
 * "[redacted]" wherever it sits (up to MAX_DEPTH), and a record the policy knows becomes what the
 * gate presents. It replaces pino's path redaction, which cloned every logged object once per path
 * and only looked one level below the top (`*.password`); this one finds `password` at any depth,
 * top level included, at the cost of one walk. Request and response objects, errors, buffers and
 * dates are left to pino's serializers (which keep only method, path, status and an error's kind).
 */
export function logRedaction(options: LogRedactionOptions = {}): (object: Record<string, unknown>) => Record<string, unknown> {
  const keys = new Set([...REDACTED_LOG_KEYS, ...(options.keys ?? [])]);
  const present = options.present;

  function walk(value: unknown, depth: number): unknown {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const walked = walk(value[i], depth + 1);
        if (walked !== value[i]) (copy ??= value.slice())[i] = walked;
      }
      return copy ?? value;
    }
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      const presented = present?.(value);
      if (presented !== undefined) return presented;
      if (!walkable(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      const walked = keys.has(key) ? (inner === undefined ? inner : LOG_REDACTION_CENSOR) : walk(inner, depth + 1);
      if (walked !== inner) (copy ??= { ...(value as Record<string, unknown>) })[key] = walked;
    }
    return copy ?? value;
  }

  return (object) => walk(object, 0) as Record<string, unknown>;
}

/** Instances pino serializes on its own terms (or that are too large or circular to copy). */
function walkable(value: object): boolean {
  return !(
    value instanceof EventEmitter ||
    value instanceof Error ||
    value instanceof Date ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof RegExp ||
    value instanceof Promise ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  );
}
