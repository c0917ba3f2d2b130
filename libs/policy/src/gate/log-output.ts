import type { DestinationStream } from 'pino';
import { ANONYMOUS_ACTOR, LogOutputOptions } from '@chancery/core';
import { personalDataLogRedactions } from '../personal-data';
import { getPolicy, policedEntities } from '../policy.registry';
import { registerOutputChannel } from './output-channels';
import { present } from './output-gate';

registerOutputChannel({ name: 'log', purpose: 'log', where: 'libs/policy/src/gate/log-output.ts (pino formatter of every process)' });

const MAX_DEPTH = 4;

/**
 * The log channel: pino passes every logged object through here (API and worker alike). A record of
 * a declared entity becomes a reference `{ entity, ref }` through the gate, wherever it sits in the
 * object; path redaction (declared personal-data field names, secrets) applies on top.
 */
export function formatLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return walk(object, 0) as Record<string, unknown>;
}

function walk(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
  const ctor = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  if (typeof ctor === 'function' && ctor !== Object) {
    return getPolicy(ctor) ? present(ANONYMOUS_ACTOR, value, 'log') : value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, inner] of Object.entries(value)) {
    const walked = walk(inner, depth + 1);
    if (walked !== inner) (copy ??= { ...(value as Record<string, unknown>) })[key] = walked;
  }
  return copy ?? value;
}

/**
 * How a process's log lines leave it: through the output gate (records become references) with every
 * field name declared personal data redacted on top. Both processes call it after loading their
 * contexts (the declarations come with them).
 */
export function logOutputThroughGate(destination?: DestinationStream): LogOutputOptions {
  return {
    redactPaths: personalDataLogRedactions(policedEntities().map((entity) => entity.cls)),
    formatLogObject,
    destination,
  };
}
