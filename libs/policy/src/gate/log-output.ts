import type { DestinationStream } from 'pino';
import { ANONYMOUS_ACTOR, LogOutputOptions, logRedaction } from '@chancery/core';
import { personalDataLogRedactions } from '../personal-data';
import { getPolicy, policedEntities } from '../policy.registry';
import { registerOutputChannel } from './output-channels';
import { present } from './output-gate';

registerOutputChannel({ name: 'log', purpose: 'log', where: 'libs/policy/src/gate/log-output.ts (pino formatter of every process)' });

/** A record of a declared entity, as the gate presents it to a log line (a reference); undefined for anything else. */
function presentRecord(value: object): unknown {
  const ctor = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  return typeof ctor === 'function' && getPolicy(ctor) ? present(ANONYMOUS_ACTOR, value, 'log') : undefined;
}

/**
 * How a process's log lines leave it: one walk over every logged object (API and worker alike) in
 * which a record of a declared entity becomes a reference `{ entity, ref }` through the gate,
 * wherever it sits, and every field name declared personal data (and every secret) is redacted.
 * Both processes call it after loading their contexts (the declarations come with them).
 */
export function logOutputThroughGate(destination?: DestinationStream): LogOutputOptions {
  return {
    redactKeys: personalDataLogRedactions(policedEntities().map((entity) => entity.cls)),
    presentRecord,
    destination,
  };
}

/** The log channel's walk with this process's declarations (what pino applies to every line). */
export function formatLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const { redactKeys, presentRecord: present } = logOutputThroughGate();
  return logRedaction({ keys: redactKeys, present })(object);
}
