import { demandPermission, holdsRole, Permission, Role } from '@chancery/access';
import { AccountRepository } from '@chancery/identity/repositories/account.repository';
import { BaselineError } from '../baseline/call';
import { Scenario } from './scenario';

/** A company admin lists the company's users (exactly 20 seeded), with their roles, in one statement. */
export const managedUsers: Scenario = {
  name: 'managedUsers',
  target: 0.5,
  load: 'default',
  operationName: 'ManagedUsers',
  document: `query ManagedUsers { managedUsers { id email firstName lastName phone jobTitle status totpEnrolledAt lastLoginAt roles } }`,
  caller: (fixture) => fixture.admin,
  async baseline(call) {
    const { actor, unit } = await call.authenticate({ hold: true });
    // The access guard: a second factor owed closes everything but enrolment; then the permission.
    if (actor.secondFactorMissing) throw new BaselineError('Enrol a second factor first', 'FORBIDDEN');
    demandPermission(actor, Permission.ManageUsers, new Date());
    if (!actor.tenantId) throw new BaselineError('User not found', 'NOT_FOUND');
    // managedScopeOf: a tenant admin manages the staff, a company admin the company's users.
    const scope = holdsRole(actor.roles, Role.TENANT_ADMIN)
      ? { tenantId: actor.tenantId, organisationId: null }
      : {
          tenantId: actor.tenantId,
          organisationId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000',
        };
    const users = await new AccountRepository(unit!.sql).listManaged(scope);
    return {
      managedUsers: users.map((u) => ({
        id: u.id,
        email: u.email,
        firstName: u.firstName,
        lastName: u.lastName,
        phone: u.phone,
        jobTitle: u.jobTitle,
        status: u.status,
        totpEnrolledAt: u.totpEnrolledAt,
        // Read by the person and the tenant's privacy officer only: the admin sees their own.
        lastLoginAt: u.id === actor.id ? u.lastLoginAt : null,
        roles: u.roles,
      })),
    };
  },
};
