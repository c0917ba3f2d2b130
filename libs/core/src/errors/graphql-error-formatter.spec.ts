import { withoutEchoedValues } from './graphql-error-formatter';

describe('GraphQL error messages never echo a submitted value', () => {
  it.each([
    ['String cannot represent a non string value: 32479000222', 'String cannot represent a non string value'],
    ['Variable "$i" got invalid value "jan@x.test" at "i.phone"; String cannot represent a non string value: 1', 'Variable "$i" got an invalid value at "i.phone"; String cannot represent a non string value'],
    ['Variable "$i" got invalid value "a; b at \\"i.x\\"; c" at "i.lines[2].name"; String cannot represent a non string value: 1', 'Variable "$i" got an invalid value at "i.lines[2].name"; String cannot represent a non string value'],
    ['Variable "$first" got invalid value "jan; x"; Int cannot represent non-integer value: "jan; x"', 'Variable "$first" got an invalid value; Int cannot represent non-integer value'],
    ['Expected value of type "Role!", found "ADMINX"; Did you mean the enum value "ORG_ADMIN"?', 'Expected value of type "Role!"; Did you mean the enum value "ORG_ADMIN"?'],
    ['Enum "Role" cannot represent non-enum value: "jan"', 'Enum "Role" cannot represent non-enum value'],
    ['Field "tenantId" is not defined by type "LoginInput".', 'Field "tenantId" is not defined by type "LoginInput".'],
  ])('%s', (message, expected) => {
    expect(withoutEchoedValues(message)).toBe(expected);
  });
});
