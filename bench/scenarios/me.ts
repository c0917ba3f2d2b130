import { Scenario } from './scenario';

/** A logged-in organisation admin reads their own account: answered from the session check's statement. */
export const me: Scenario = {
  name: 'me',
  target: 0.6,
  load: 'default',
  operationName: 'Me',
  document: `query Me { me { id organisationId email firstName lastName phone jobTitle preferredLanguage status totpEnrolledAt
    lastLoginAt roles } }`,
  caller: (fixture) => fixture.admin,
  async baseline(call) {
    // A person reads every field of their own record (self), so nothing is concealed.
    const { access } = await call.authenticate({ hold: true });
    const a = access.account;
    return {
      me: {
        id: a.id,
        organisationId: a.organisationId,
        email: a.email,
        firstName: a.firstName,
        lastName: a.lastName,
        phone: a.phone,
        jobTitle: a.jobTitle,
        preferredLanguage: a.preferredLanguage,
        status: a.status,
        totpEnrolledAt: a.totpEnrolledAt,
        lastLoginAt: a.lastLoginAt,
        roles: a.roles,
      },
    };
  },
};
