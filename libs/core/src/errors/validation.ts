import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { BadUserInputError, FieldProblem } from './domain-error';
import { memoiseValidationRules } from './validation-rules-memo';

/** Flattens class-validator's tree into one problem per field, with the full path of each. */
export function toFieldProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    // A null where the field may only be left out (`Optional`): that is the one problem; the rules a
    // value would have to meet (length, type) are not about it.
    const broken = constraints.notNull ? { notNull: constraints.notNull } : constraints;
    for (const [constraint, reason] of Object.entries(broken)) {
      problems.push({ field: path, reason: humanise(reason, error.property, path), constraint });
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, path));
  }
  return problems;
}

// class-validator's messages start with the bare property name ("email must be an email");
// the field is already named separately, so say the reason only, and never echo the value.
function humanise(reason: string, property: string, path: string): string {
  if (reason.startsWith(`property ${property} should not exist`)) return 'is not a known field';
  if (reason.startsWith(`${property} `)) return reason.slice(property.length + 1);
  if (reason.startsWith(`${path} `)) return reason.slice(path.length + 1);
  return reason;
}

/**
 * Characters no text field of ours takes: NUL and other C0 controls but tab and line breaks, direction
 * overrides and isolates, and tag characters (invisible, they carry hidden text: "ASCII smuggling").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/u;
/**
 * Nothing but white space, invisible format characters and the fillers that render as nothing (Hangul
 * fillers, the blank Braille pattern); stops at the first visible character (every input string passes here).
 */
const BLANK = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;
/** More combining marks on one character than any language writes ("Zalgo" text, spilling over the lines around). */
const STACKED_MARKS = /\p{M}{6,}/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (not well-formed UTF-16). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a string of an input, whatever the field: text a database or a reader would
 * choke on, or a value that is only blank. Undefined when it is fine.
 */
export function problemWithText(value: string): string | undefined {
  if (FORBIDDEN_CHARACTER.test(value)) return 'contains a control or text-direction character that is not allowed';
  if (LONE_SURROGATE.test(value)) return 'is not well-formed text (an unpaired surrogate)';
  // Invisible format characters (zero-width space and joiners, word joiner, BOM, soft hyphen: Unicode Cf) count as blank too:
  // a purpose or a title of nothing but those reads as nothing to whoever decides on it.
  if (value.length > 0 && BLANK.test(value)) return 'must not be blank';
  if (STACKED_MARKS.test(value)) return 'stacks too many accents or marks on one character';
  return undefined;
}

/**
 * Every string in the value (objects and arrays walked), with its path, that `problemWithText` refuses.
 * Paths are written as class-validator writes them (`input.goods.0.description`), so one field has one
 * name whichever check refused it: the portal puts each message under the field of that name.
 */
export function unsafeTextIn(value: unknown, path: string, seen = new WeakSet<object>()): FieldProblem[] {
  if (typeof value === 'string') {
    const reason = problemWithText(value);
    return reason ? [{ field: path, reason, constraint: 'safeText' }] : [];
  }
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value) || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextIn(item, path ? `${path}.${i}` : String(i), seen));
  return Object.entries(value).flatMap(([key, item]) => unsafeTextIn(item, path ? `${path}.${key}` : key, seen));
}

/** A line break of any kind: CR, LF, next line, line and paragraph separators. */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
/** The input classes' fields that take several lines, by class (see `MultiLine`). */
const MULTI_LINE_FIELDS = new WeakMap<object, Set<string>>();

/**
 * A text field that may hold several lines: a description, a reason, an address on a certificate, a
 * JSON document. Every other string of an input class is one line (review M6): a name, an e-mail, a
 * title or a code with a line break in it would split an e-mail header, a CSV row, a log line or a
 * printed box. The rule is the reverse list on purpose: a field added later is one line until it says otherwise.
 */
export function MultiLine(): PropertyDecorator {
  return (target, property) => {
    const fields = MULTI_LINE_FIELDS.get(target) ?? new Set<string>();
    fields.add(String(property));
    MULTI_LINE_FIELDS.set(target, fields);
  };
}

function takesSeveralLines(instance: object, property: string): boolean {
  for (let proto = Object.getPrototypeOf(instance) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (MULTI_LINE_FIELDS.get(proto)?.has(property)) return true;
  }
  return false;
}

/**
 * The strings of a validated input (instances of our input classes, walked with their nested inputs
 * and lists) that hold a line break where the field is one line. A top-level string argument is one
 * line too. Plain objects (no input class) are not ours to judge.
 */
export function lineBreaksIn(value: unknown, path: string, severalLines = false): FieldProblem[] {
  if (typeof value === 'string') return !severalLines && LINE_BREAK.test(value) ? [{ field: path, reason: 'must be one line (no line breaks)', constraint: 'singleLine' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => lineBreaksIn(item, path ? `${path}.${i}` : String(i), severalLines));
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value) || Object.getPrototypeOf(value) === Object.prototype) return [];
  return Object.entries(value).flatMap(([key, item]) => lineBreaksIn(item, path ? `${path}.${key}` : key, takesSeveralLines(value, key)));
}

/**
 * An input field that may be left out, but not set to null: GraphQL's nullable input fields let a
 * client send `null`, which for a field that must have a value would reach the database as a
 * violation (a 500). Use `@OptionalNullable()` where null means "clear the value".
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_object: object, value: unknown) => value !== undefined, options)(target, property);
    registerDecorator({
      name: 'notNull',
      target: target.constructor,
      propertyName: property as string,
      options: { message: 'must not be null (leave the field out to keep its value)', ...options },
      validator: { validate: (value: unknown) => value !== null },
    });
  };
}

/**
 * How many digits a finite number has after the decimal point, whatever notation JavaScript writes it
 * in: String(1e-7) is '1e-7' and String(1.5e-7) '1.5e-7', which class-validator's
 * `IsNumber({ maxDecimalPlaces })` splits at the '.' (a TypeError without one, a wrong count with one).
 */
export function decimalPlaces(value: number): number {
  const [, fraction = '', exponent = '0'] = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value)) ?? [];
  return Math.max(0, fraction.length - Number(exponent));
}

/** A finite number with at most `max` decimal places; use it instead of `IsNumber({ maxDecimalPlaces })` (see `decimalPlaces`). */
export function IsDecimal(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: property as string,
      options: { message: 'must be a number', ...options },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) },
    });
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: target.constructor,
      propertyName: property as string,
      options: { message: `must have at most ${max} decimal places`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'number' || !Number.isFinite(value) || decimalPlaces(value) <= max },
    });
  };
}

/**
 * A query's argument that may be left out or given as null: either means absent (what the schema
 * documents for it). Generated clients send null for a variable the caller left unset, and GraphQL
 * allows it for a nullable argument. The resolver sees `undefined` for both. Not for inputs that
 * change a record, where null would mean "clear it": those use `Optional` or `OptionalNullable`.
 */
export function OptionalArgument(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) => (value === null ? undefined : value))(target, property);
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null, options)(target, property);
  };
}

/** An input field that may be left out, or set to null to clear the stored value. */
export function OptionalNullable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null, options);
}

/**
 * The query-string parameters given more than once (`?tenant=a&tenant=b` arrives as a list): no
 * parameter of ours is a list, so each is refused for what it is rather than for a rule of its value.
 */
function repeatedParameters(value: unknown, name: string | undefined): FieldProblem[] {
  const problem = (field: string): FieldProblem => ({ field, reason: 'is given more than once', constraint: 'once' });
  if (name) return Array.isArray(value) ? [problem(name)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (Array.isArray(item) ? [problem(key)] : []));
}

/**
 * The global pipe: refuses a query-string parameter given twice, and text no field takes (controls,
 * unpaired surrogates, direction overrides, blank values) wherever it is in the input, then whitelist +
 * refuse unknown properties + transform, then line breaks in one-line fields (`MultiLine`),
 * and a refusal that names every field with its path under the argument (`input.vatNumber`), as a
 * `BAD_USER_INPUT`.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadUserInputError(toFieldProblems(errors)),
    });
    memoiseValidationRules();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Client input only: a custom parameter (the actor, the request) is ours, not the client's.
    if (metadata.type === 'query') {
      const repeated = repeatedParameters(value, metadata.data);
      if (repeated.length) throw new BadUserInputError(repeated);
    }
    const unsafe = metadata.type === 'custom' ? [] : unsafeTextIn(value, metadata.data ?? '');
    if (unsafe.length) throw new BadUserInputError(unsafe);
    const validated = await this.validated(value, metadata);
    const broken = metadata.type === 'custom' ? [] : lineBreaksIn(validated, metadata.data ?? '');
    if (broken.length) throw new BadUserInputError(broken);
    return validated;
  }

  /** class-validator's rules, the fields of a refusal named under the argument. */
  private async validated(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof BadUserInputError && metadata.data) {
        const fields = (error.fields ?? []).map((f) => ({ ...f, field: `${metadata.data}.${f.field}` }));
        throw new BadUserInputError(fields);
      }
      throw error;
    }
  }
}
