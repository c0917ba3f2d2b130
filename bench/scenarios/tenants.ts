import { TenantRepository } from '@chancery/identity/repositories/tenant.repository';
import { Scenario } from './scenario';

/** The public tenant directory, anonymous: every tenant with its contact details (20 seeded). */
export const tenants: Scenario = {
  name: 'tenants',
  target: 0.5,
  load: 'default',
  operationName: 'Tenants',
  document: `query Tenants { tenants { id slug name kinds legalEntityNumber street postalCode city country phone email website
    languages privacyContactEmail servedPostalCodes { from to } } }`,
  caller: () => null,
  async baseline(call) {
    // TransactionRunner.run for an anonymous caller: tenant scope without a tenant, read-write.
    const unit = await call.open({ mode: 'tenant', tenantId: null, actorId: null, readOnly: false });
    let list;
    try {
      list = await new TenantRepository(unit.sql).list();
    } catch (error) {
      await unit.rollback();
      throw error;
    }
    await unit.commit();
    return {
      tenants: list.map((t) => ({
        id: t.id,
        slug: t.slug,
        name: t.name,
        kinds: t.kinds,
        legalEntityNumber: t.legalEntityNumber,
        street: t.street,
        postalCode: t.postalCode,
        city: t.city,
        country: t.country,
        phone: t.phone,
        email: t.email,
        website: t.website,
        languages: t.languages,
        privacyContactEmail: t.privacyContactEmail,
        servedPostalCodes: t.servedPostalCodes.map((range) => ({ from: range.from, to: range.to })),
      })),
    };
  },
};
