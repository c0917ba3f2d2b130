/**
 * What a log line may say about a failure: its kind, code and where it happened — never a value.
 * PostgreSQL's errors carry row values in `detail` ("Key (email)=(…) already exists", "Failing row
 * contains (…)") and sometimes in the message ("invalid input syntax for type uuid: "…""), and query
 * errors of drivers carry the statement's parameters: none of it reaches a log.
 */
export interface FailureDescription {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
}

const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()]|\([^()]*\))*\)=\((?:[^()]|\([^()]*\))*\)/g;

export function describeError(error: unknown): FailureDescription {
  if (!(error instanceof Error)) return { type: typeof error, message: 'a non-error value was thrown' };
  const e = error as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; routine?: unknown; severity?: unknown };
  const fromDatabase = typeof e.severity === 'string' || (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  return {
    type: e.name,
    // Quoted text is where drivers and PostgreSQL put values; a database error's message is cut to its kind.
    message: fromDatabase ? e.message.replace(QUOTED, '…').slice(0, 200) : e.message.replace(QUOTED, '…').slice(0, 500),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
    ...(typeof e.column === 'string' ? { column: e.column } : {}),
    ...(typeof e.routine === 'string' ? { routine: e.routine } : {}),
    // Stack frames are code locations; the first line (the message) is replaced by the cut one.
    ...(e.stack ? { stack: e.stack.split('\n').slice(1, 12).join('\n') } : {}),
  };
}
