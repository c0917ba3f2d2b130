import { withoutEchoedValues } from './graphql-error-formatter';

describe('GraphQL error messages never echo a submitted value', () => {
  it.each([
    ['String cannot represent a non string value: 32479000222', 'String cannot represent a non string value'],
    ['Variable "$i" got invalid value "jan@x.test" at "i.phone"; String cannot represent a non string value: 1', 'Variable "$i" got an invalid value; String cannot represent a non string value'],
    ['Expected value of type "Role!", found "ADMINX"; Did you mean the enum value "ORG_ADMIN"?', 'Expected value of type "Role!"; Did you mean the enum value "ORG_ADMIN"?'],
    ['Enum "Role" cannot represent non-enum value: "jan"', 'Enum "Role" cannot represent non-enum value'],
    ['Field "tenantId" is not defined by type "LoginInput".', 'Field "tenantId" is not defined by type "LoginInput".'],
  ])('%s', (message, expected) => {
    expect(withoutEchoedValues(message)).toBe(expected);
  });
});
