import { Role } from '@chancery/access';
import { NotPersonalData, ownOrganisation, PersonalData, policedEntities, PolicyEntity, published, Readable, staffOfOwnTenant, RetentionRuleKey } from '@chancery/policy';
import { ARTICLE_30_1_ITEMS, controllerRegister, missingArticle30Items, processorRegister, renderRegisterMarkdown } from './processing-register';

@PolicyEntity<Contact>({ name: 'RegisterSpecContact', subject: 'contactPerson', visibleTo: [staffOfOwnTenant(), ownOrganisation(), published()], relations: { tenantId: (c) => c.tenantId } })
class Contact {
  @NotPersonalData() tenantId: string;
  @Readable(staffOfOwnTenant(), ownOrganisation(Role.ORG_ADMIN), published())
  @PersonalData({ category: 'contact', subject: 'contactPerson', purpose: 'Publish the datasheet contact', legalBasis: 'contract', retention: RetentionRuleKey.PUBLISHED_CONTACT })
  email: string;
  @Readable(staffOfOwnTenant())
  @PersonalData({ category: 'identification', subject: 'contactPerson', purpose: 'Publish the datasheet contact', legalBasis: 'contract', retention: RetentionRuleKey.DATASHEET_RECORD })
  name: string;
}

@PolicyEntity<Application>({ name: 'RegisterSpecApplication', subject: 'organisation', visibleTo: [staffOfOwnTenant()], relations: { tenantId: (a) => a.tenantId } })
class Application {
  @NotPersonalData() tenantId: string;
  @Readable(staffOfOwnTenant())
  @PersonalData({ category: 'identification', subject: 'consignee', purpose: 'Name the consignee', legalBasis: 'legalObligation', retention: RetentionRuleKey.CERTIFICATE_FILE, retentionInState: RetentionRuleKey.ABANDONED_APPLICATION })
  consigneeName: string;
}

const entities = () => policedEntities().filter((p) => p.cls === Contact);
const controller = { name: 'Chamber', privacyContact: 'privacy@chamber.test' };

describe('The register of processing activities (Art. 30)', () => {
  it("shows each declaration's retention rule with the tenant's period where it shortened one, held within the rule's bounds", () => {
    const register = controllerRegister({ controller, entries: [], subProcessors: [], entities: entities(), retentionPeriods: new Map([[RetentionRuleKey.DATASHEET_RECORD, 3]]) });
    expect(register.activities[0]!.retention).toContain("DATASHEET_RECORD: 3 months after the datasheet is withdrawn (tenant's period; platform default 12 months)");
    // A stored period longer than the default is never shown (or applied) as such.
    const lengthened = controllerRegister({ controller, entries: [], subProcessors: [], entities: entities(), retentionPeriods: new Map([[RetentionRuleKey.DATASHEET_RECORD, 40]]) });
    expect(lengthened.activities[0]!.retention).toContain('DATASHEET_RECORD: 12 months after the datasheet is withdrawn (platform default)');
  });

  it('names both rules of a declaration that has a second one for records in one state (an abandoned application)', () => {
    const register = controllerRegister({ controller, entries: [], subProcessors: [], entities: policedEntities().filter((p) => p.cls === Application) });
    expect(register.activities[0]!.retention).toEqual([
      "ABANDONED_APPLICATION: 12 months after the application's last change, when it was never submitted, was sent back for changes and never resubmitted, or was withdrawn by the company (platform default)",
      'CERTIFICATE_FILE: kept by legal duty: 10 years after the certificate is issued (platform default, legal minimum 7 years)',
    ]);
  });

  it('makes one activity per declared purpose with the seven Art. 30(1) items, from the declarations', () => {
    const register = controllerRegister({ controller, entries: [], subProcessors: [], entities: entities() });
    expect(register.activities).toHaveLength(1);
    const [activity] = register.activities;
    expect(activity).toMatchObject({
      name: 'Publish the datasheet contact', source: 'declared', purpose: 'Publish the datasheet contact', legalBases: ['contract'],
      categories: { dataSubjects: ['contactPerson'], personalData: ['contact details', 'identification data'] },
      transfers: 'None: all processing takes place in the EEA', retention: ['DATASHEET_RECORD: 12 months after the datasheet is withdrawn (platform default)', 'PUBLISHED_CONTACT: until the person objects or stops being the contact (removed from every public output at once)'],
      fields: ['RegisterSpecContact.email', 'RegisterSpecContact.name'],
    });
    expect(activity!.recipients).toEqual(expect.arrayContaining(["the data subject's company (ORG_ADMIN)", 'the public and the external datasheet system, once published (000 §5b)']));
    expect(missingArticle30Items(activity!)).toEqual([]);
    expect(ARTICLE_30_1_ITEMS).toHaveLength(7);
  });

  it('names a transfer outside the EEA with its safeguard, and the sub-processors as recipients', () => {
    const register = controllerRegister({
      controller, entries: [], entities: entities(),
      subProcessors: [{ name: 'Cloud Inc.', service: 'hosting', location: 'US', transferSafeguard: 'SCCs', dataCategories: [], engagedBy: 'platform' }],
    });
    expect(register.activities[0]!.transfers).toBe('Cloud Inc. (US): SCCs');
    expect(register.activities[0]!.recipients).toContain('Cloud Inc. (sub-processor of the platform: hosting)');
  });

  it("adds the tenant's own entries, and the processor's register names each controller", () => {
    const entry = { name: 'Visitors', purpose: 'Reception', legalBasis: 'legitimateInterest', dataSubjects: ['visitors'], dataCategories: ['identification'], recipients: [], transfers: 'None', retention: '1 month', securityMeasures: 'Locked drawer' };
    const register = controllerRegister({ controller, entries: [entry], subProcessors: [], entities: entities() });
    expect(register.activities.map((a) => [a.name, a.source])).toEqual([['Publish the datasheet contact', 'declared'], ['Visitors', 'tenant']]);
    expect(missingArticle30Items(register.activities[1]!)).toEqual([]);
    const processor = processorRegister({ controllers: [controller, { name: 'Body', privacyContact: 'p@body.test' }], subProcessors: [], entities: entities() });
    expect(processor.controllers!.map((c) => c.name)).toEqual(['Chamber', 'Body']);
    expect(renderRegisterMarkdown(processor)).toContain('### Publish the datasheet contact');
  });

  it('reports an activity missing an item', () => {
    const register = controllerRegister({ controller, entries: [], subProcessors: [], entities: entities() });
    expect(missingArticle30Items({ ...register.activities[0]!, transfers: ' ', recipients: [] })).toEqual(['recipients', 'transfers']);
  });
});
