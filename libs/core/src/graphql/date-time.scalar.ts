import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * An RFC 3339 date-time with a four-digit year and its offset (`Z` or `±hh:mm`), e.g. 2026-12-03T09:54:33Z.
 * Nest's `GraphQLISODateTime` takes whatever `new Date()` takes: a number, a date without a time, a
 * six-digit year such as -271821, which PostgreSQL cannot store (22008: an internal error instead of
 * BAD_USER_INPUT naming the variable).
 */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const EXPECTED = 'must be an RFC 3339 date-time with a four-digit year and an offset, such as 2026-12-03T09:54:33Z';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && RFC_3339.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime ${EXPECTED}`);
  return date;
}

/** The `DateTime` scalar of every input and output (buildSchemaOptions.scalarsMap maps `Date` to it). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseDateTime,
  serialize(value) {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`DateTime ${EXPECTED}`, { nodes: ast });
    return parseDateTime(ast.value);
  },
});
