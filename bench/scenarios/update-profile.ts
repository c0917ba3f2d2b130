import { PublishedDatasheetRepository } from '@chancery/datasheets/repositories/published-datasheet.repository';
import { AccountRepository } from '@chancery/identity/repositories/account.repository';
import { BaselineError } from '../baseline/call';
import { recordAudit } from '../baseline/audit';
import { pruneAuditTail } from '../growth';
import { Scenario } from './scenario';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A write: the organisation admin sets their own first name (to the seeded value, so the row stays
 * as it was). Session check in its own unit, then one unit: read, update, audit entry, read back.
 */
export const updateUserProfile: Scenario = {
  name: 'updateUserProfile',
  load: 'default',
  operationName: 'UpdateProfile',
  document: `mutation UpdateProfile($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { id firstName lastName email } }`,
  variables: (fixture) => ({ input: { userId: fixture.admin.userId, firstName: fixture.admin.firstName } }),
  caller: (fixture) => fixture.admin,
  async baseline(call, variables) {
    const input = variables.input as { userId?: unknown; firstName?: unknown } | undefined;
    const { actor } = await call.authenticate({ hold: false });
    // The input rules of UpdateUserProfileInput that this request meets.
    if (typeof input?.userId !== 'string' || !UUID.test(input.userId))
      throw new BaselineError('userId must be a UUID', 'BAD_USER_INPUT');
    if (typeof input.firstName !== 'string' || input.firstName.length < 1 || input.firstName.length > 100) {
      throw new BaselineError('firstName must be 1 to 100 characters', 'BAD_USER_INPUT');
    }
    const unit = await call.open(call.actorScope(actor));
    try {
      const accounts = new AccountRepository(unit.sql);
      const user = await accounts.findById(input.userId);
      // Visible to the person, the company and the tenant's staff; the first name is written by the person only.
      const visible =
        user &&
        user.tenantId === actor.tenantId &&
        (user.id === actor.id || user.organisationId === actor.organisationId);
      if (!user || !visible) throw new BaselineError('User not found', 'NOT_FOUND');
      if (user.id !== actor.id) throw new BaselineError('firstName: not allowed', 'FORBIDDEN');
      await accounts.updateProfile(user.id, { firstName: input.firstName });
      await recordAudit(unit, actor, call.requestId, {
        action: 'identity.user.profileUpdated',
        subjectType: 'User',
        subjectId: user.id,
        details: { fields: 'firstName' },
      });
      // The datasheets context's listener of PERSON_DETAILS_CHANGED, in the same unit: the published
      // datasheets showing the person, whose copies would follow (none for this chamber's admin).
      if ((await new PublishedDatasheetRepository(unit.sql).withContact(user.id)).length > 0) throw new BaselineError('the bench admin is no published contact', 'INTERNAL_SERVER_ERROR');
      const updated = (await accounts.findById(user.id))!;
      await unit.commit();
      return {
        updateUserProfile: {
          id: updated.id,
          firstName: updated.firstName,
          lastName: updated.lastName,
          email: updated.email,
        },
      };
    } catch (error) {
      await unit.rollback();
      throw error;
    }
  },
  growth: (owner, fixture) => pruneAuditTail(owner, fixture.tenant.id),
};
