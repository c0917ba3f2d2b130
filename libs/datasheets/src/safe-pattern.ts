import { setFlagsFromString } from 'node:v8';

/**
 * Tenant admins write the regular expressions of their product-family schemas, and company users choose
 * the text they run on; JavaScript's engine backtracks, on the API's one thread, for every tenant. So a
 * pattern is accepted only if V8's linear-time engine can run it, and it always runs there
 * (`linearTimeRegExp`): no backtracking at all, whatever the text. That engine takes no lookaround, no
 * backreference and no counted repetition above 16 (`{1,35}`: write `+` and a `maxLength`).
 * Before that, and with clearer reasons: no repeated group that itself repeats or offers alternatives
 * (star height above one: `(a+)+`, `(a*)*`, `(a|aa)+`, `((ab)*c)+`), no backreference, a length cap.
 * Deliberately conservative: `(foo|bar)+` is refused too; write `(?:foo|bar)` once, or a character class.
 */
export const MAX_PATTERN_LENGTH = 200;

/** Why the pattern is refused, or null if it is safe to run on any input. */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  // One frame per open group: does it (or a group inside it) repeat or hold alternatives?
  const groups: Array<{ repeats: boolean; alternates: boolean }> = [{ repeats: false, alternates: false }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let atomEnd = i + 1;
    let closed: { repeats: boolean; alternates: boolean } | null = null;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return 'holds a backreference';
      // Patterns run without the `u` flag (see characteristics-validator.ts), where these would
      // silently mean something else (`\p{Lu}` the letters "p{Lu}").
      if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{') return 'uses a Unicode property or code-point escape, which is not supported';
      atomEnd = i + 2;
    } else if (c === '[') {
      // A character class is one atom: skip to its closing bracket (escapes inside included).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (c === '(') {
      groups.push({ repeats: false, alternates: false });
      i += pattern[i + 1] === '?' ? (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!' ? pattern.indexOf('>', i) + 1 - i : 3) : 1;
      continue;
    } else if (c === ')') {
      closed = groups.length > 1 ? groups.pop()! : { repeats: false, alternates: false };
    } else if (c === '|') {
      groups[groups.length - 1].alternates = true;
      i++;
      continue;
    }
    const quantifier = /^(?:[*+]|\{(\d+)(,(\d*))?\})\??/.exec(pattern.slice(atomEnd));
    // `?`, `{0,1}` and `{1}` match at most once: they do not repeat.
    const repeats = quantifier !== null && !(quantifier[1] !== undefined && Number(quantifier[3] || (quantifier[2] ? Infinity : quantifier[1])) <= 1);
    const current = groups[groups.length - 1];
    if (closed) {
      if (repeats && (closed.repeats || closed.alternates)) return closed.repeats ? 'repeats a group that itself repeats (nested quantifiers)' : 'repeats a group of alternatives';
      if (closed.repeats || repeats) current.repeats = true;
      // Alternatives anywhere inside make the enclosing group's repetition ambiguous too: ((a|ab)b?)+.
      if (closed.alternates) current.alternates = true;
    } else if (repeats) {
      current.repeats = true;
    }
    i = atomEnd + (quantifier ? quantifier[0].length : pattern[atomEnd] === '?' ? 1 : 0);
  }
  if (!runsInLinearTime(pattern)) return 'cannot be run in linear time (lookarounds and counted repetitions above 16, such as {1,35}, are not supported: use + or * with minLength and maxLength)';
  return null;
}

let linearEngineEnabled = false;

/**
 * The pattern compiled for V8's linear-time engine (the `l` flag, behind
 * `--enable-experimental-regexp-engine`, set here once, process-wide): the same matches as the
 * backtracking engine, in time linear in the text. Throws a SyntaxError if that engine cannot run it.
 * Without the `u` flag: Node 20's V8 runs no unicode expression there (hence `\p{…}` and `\u{…}` refused).
 */
export function linearTimeRegExp(pattern: string, flags = ''): RegExp {
  if (!linearEngineEnabled) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    linearEngineEnabled = true;
  }
  return new RegExp(pattern, `${flags}l`);
}

/** False only when the pattern is valid but the linear-time engine cannot run it; a malformed pattern is the schema compiler's to report. */
function runsInLinearTime(pattern: string): boolean {
  try {
    linearTimeRegExp(pattern);
    return true;
  } catch (error) {
    return !(error instanceof SyntaxError && /linear time/.test(error.message) && isValidPattern(pattern));
  }
}

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
