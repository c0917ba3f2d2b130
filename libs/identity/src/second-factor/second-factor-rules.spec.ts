import { Role } from '@chancery/access';
import { secondFactorMissing, secondFactorRequired } from './second-factor-rules';

const staff = { loginMethod: null, roles: [Role.CLERK], tenantId: 'tenant', organisationId: null, tenantRequiresStaffSecondFactor: false };
const companyUser = { ...staff, roles: [Role.ORG_MEMBER], organisationId: 'company', loginMethod: 'PASSWORD' };

describe('who must have a second factor', () => {
  it('signers and tenant administrators always; a clerk only when the tenant requires it of all its staff', () => {
    expect(secondFactorRequired({ ...staff, roles: [Role.SIGNER] })).toBe(true);
    expect(secondFactorRequired({ ...staff, roles: [Role.TENANT_ADMIN] })).toBe(true);
    expect(secondFactorRequired(staff)).toBe(false);
    expect(secondFactorRequired({ ...staff, tenantRequiresStaffSecondFactor: true })).toBe(true);
    expect(secondFactorRequired({ ...staff, roles: [], tenantRequiresStaffSecondFactor: true })).toBe(true);
  });

  it('the users of a company follow their company’s login method, whatever the tenant requires of its staff', () => {
    expect(secondFactorRequired({ ...companyUser, tenantRequiresStaffSecondFactor: true })).toBe(false);
    expect(secondFactorRequired({ ...companyUser, loginMethod: 'PASSWORD_AND_TOTP' })).toBe(true);
  });

  it('the platform operator must have one, by its role (review of 7 December, F8), not as staff of a tenant', () => {
    expect(secondFactorRequired({ ...staff, roles: [Role.PLATFORM_ADMIN], tenantId: null, tenantRequiresStaffSecondFactor: false })).toBe(true);
    // An account of no tenant and no role that needs one is not caught by a tenant's staff rule.
    expect(secondFactorRequired({ ...staff, roles: [], tenantId: null, tenantRequiresStaffSecondFactor: true })).toBe(false);
  });

  it('missing: required and not enrolled', () => {
    expect(secondFactorMissing({ ...staff, tenantRequiresStaffSecondFactor: true, totpEnrolledAt: null })).toBe(true);
    expect(secondFactorMissing({ ...staff, tenantRequiresStaffSecondFactor: true, totpEnrolledAt: new Date() })).toBe(false);
    expect(secondFactorMissing({ ...staff, totpEnrolledAt: null })).toBe(false);
  });
});
