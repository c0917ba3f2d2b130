import { formatGraphQLError, withoutEchoedValues } from './graphql-error-formatter';

describe('GraphQL error messages never echo a submitted value', () => {
  it.each([
    ['String cannot represent a non string value: 32479000222', 'String cannot represent a non string value'],
    ['Variable "$i" got invalid value "jan@x.test" at "i.phone"; String cannot represent a non string value: 1', 'Variable "$i" got an invalid value at "i.phone"; String cannot represent a non string value'],
    ['Variable "$i" got invalid value "a; b at \\"i.x\\"; c" at "i.lines[2].name"; String cannot represent a non string value: 1', 'Variable "$i" got an invalid value at "i.lines[2].name"; String cannot represent a non string value'],
    ['Variable "$first" got invalid value "jan; x"; Int cannot represent non-integer value: "jan; x"', 'Variable "$first" got an invalid value; Int cannot represent non-integer value'],
    ['Expected value of type "Role!", found "ADMINX"; Did you mean the enum value "ORG_ADMIN"?', 'Expected value of type "Role!"; Did you mean the enum value "ORG_ADMIN"?'],
    ['Enum "Role" cannot represent non-enum value: "jan"', 'Enum "Role" cannot represent non-enum value'],
    ['Field "tenantId" is not defined by type "LoginInput".', 'Field "tenantId" is not defined by type "LoginInput".'],
    ['Value "COOKY" does not exist in "RefreshTokenDelivery" enum. Did you mean the enum value "COOKIE"?', 'The value does not exist in "RefreshTokenDelivery" enum. Did you mean the enum value "COOKIE"?'],
  ])('%s', (message, expected) => {
    expect(withoutEchoedValues(message)).toBe(expected);
  });
});

describe('GraphQL errors in production suggest nothing of the schema', () => {
  const refused = (message: string) => ({ message, extensions: { code: 'BAD_USER_INPUT' } });
  const enumTypo = 'Variable "$r" got invalid value "COOKI"; Value "COOKI" does not exist in "RefreshTokenDelivery" enum. Did you mean the enum value "COOKIE"?';

  it('drops "Did you mean" where suggestions are hidden, and names the variable as the refused field', () => {
    const answer = formatGraphQLError(refused(enumTypo), new Error(enumTypo), { hideSuggestions: true });
    expect(answer.message).toBe('Variable "$r" got an invalid value; The value does not exist in "RefreshTokenDelivery" enum.');
    expect(answer.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'r', reason: 'The value does not exist in "RefreshTokenDelivery" enum.', constraint: 'type' }] });
  });

  it('keeps the suggestion where introspection is on anyway (development)', () => {
    expect(formatGraphQLError(refused(enumTypo), new Error(enumTypo)).message).toContain('Did you mean the enum value "COOKIE"?');
  });

  it('drops an inline enum suggestion in a document too', () => {
    const inline = 'Value "COOKY" does not exist in "RefreshTokenDelivery" enum. Did you mean the enum value "COOKIE"?';
    expect(formatGraphQLError({ message: inline, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new Error(inline), { hideSuggestions: true }).message).toBe('The value does not exist in "RefreshTokenDelivery" enum.');
  });
});
