import { Injectable } from '@nestjs/common';
import { OrganisationPeople } from '@chancery/identity';
import { ProcessingRestrictions } from '@chancery/policy';

/** Where a message to a certificate holder goes, and in which language. */
export interface HolderRecipient {
  to: string;
  language: string;
}

/**
 * Who hears for a certificate holder about its datasheets: its active administrators, each in their
 * language, else the company's general address, in the certification body's first language (a company
 * has no language of its own; the body's is the one its companies deal with it in), as the tenant's own
 * addresses are written to.
 */
@Injectable()
export class HolderRecipients {
  constructor(
    private readonly people: OrganisationPeople,
    private readonly restrictions: ProcessingRestrictions,
  ) {}

  /**
   * `except`: a person not to count (the one whose objection the message is about). `leaveOutRestricted`:
   * administrators whose processing is restricted are not written to at all (a scheduled job must not
   * touch them, T14); without it their message is queued and held until the restriction is lifted.
   */
  async of(tenantId: string, organisationId: string, options: { except?: string | null; leaveOutRestricted?: boolean } = {}): Promise<HolderRecipient[]> {
    let admins = await this.people.activeAdministrators(tenantId, organisationId, options.except ?? null);
    if (options.leaveOutRestricted && admins.length) {
      const restricted = await this.restrictions.restrictedAmong(admins.map((admin) => admin.id));
      admins = admins.filter((admin) => !restricted.has(admin.id));
    }
    if (admins.length) return admins.map((admin) => ({ to: admin.email, language: admin.preferredLanguage }));
    const organisation = await this.people.organisation(organisationId);
    if (!organisation) return [];
    const tenant = await this.people.tenant(tenantId);
    return [{ to: organisation.email, language: tenant?.languages[0] ?? 'en' }];
  }
}
