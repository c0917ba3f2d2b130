import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { ApplicationState } from '@chancery/certificates';
import { DatasheetState } from '@chancery/datasheets';
import { Grant, Internal, NotPersonalData, PersonalData, PersonalDataDeclaration, PolicyEntity, Readable, RetentionRuleKey } from '@chancery/policy';

/**
 * What the operator sees of a tenant's companies, certificate applications and datasheets during a
 * support grant (issue 18 item 9), as `SupportAccount` does of its accounts: such a record exists
 * only inside a `duringSupportGrant` unit of work (the database checked the grant and opened that
 * tenant alone, read only), the gate shows it to the operator alone, and every read of its personal
 * data is in the tenant's access log, naming the grant and its purpose. Whose data: the company's.
 */
const UNDER_SUPPORT_GRANT: readonly Grant[] = [{ relation: 'anyone', roles: [Role.PLATFORM_ADMIN] }];

const SUPPORT_READ = (category: PersonalDataDeclaration['category'], subject: PersonalDataDeclaration['subject']): PersonalDataDeclaration => ({
  category, subject, purpose: "Support the tenant at its request, under a time-boxed grant its administrator approved (processor's support, 002 §4)",
  legalBasis: 'contract', retention: RetentionRuleKey.SUPPORT_VIEW,
});

@ObjectType({ description: "A customer company of the tenant as the platform operator sees it under an approved support grant (no bank account)." })
@PolicyEntity<SupportOrganisation>({ name: 'SupportOrganisation', visibleTo: UNDER_SUPPORT_GRANT, subject: 'organisation', relations: { tenantId: (o) => o.tenantId, organisationId: (o) => o.id } })
export class SupportOrganisation {
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('identifier of a company record') @Field(() => ID, { nullable: true }) id: string;
  @Internal() @NotPersonalData() tenantId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('identification', 'organisation')) @Field(() => String, { nullable: true }) name: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('identification', 'organisation')) @Field(() => String, { nullable: true }) companyNumber: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('identification', 'organisation')) @Field(() => String, { nullable: true }) vatNumber: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'organisation')) @Field(() => String, { nullable: true }) street: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'organisation')) @Field(() => String, { nullable: true }) postalCode: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'organisation')) @Field(() => String, { nullable: true }) city: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('a country') @Field(() => String, { nullable: true }) country: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'organisation')) @Field(() => String, { nullable: true }) email: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'organisation')) @Field(() => String, { nullable: true }) phone: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) createdAt: Date;
}

@ObjectType({ description: "A certificate application of the tenant (never a draft: that is the company's alone) as the platform operator sees it under an approved support grant." })
@PolicyEntity<SupportCertificateApplication>({
  name: 'SupportCertificateApplication', visibleTo: UNDER_SUPPORT_GRANT, subject: 'organisation',
  relations: { tenantId: (a) => a.tenantId, organisationId: (a) => a.organisationId },
})
export class SupportCertificateApplication {
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('identifier of an application') @Field(() => ID, { nullable: true }) id: string;
  @Internal() @NotPersonalData() tenantId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('the exporter: a company') @Field(() => ID, { nullable: true }) organisationId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('workflow state') @Field(() => ApplicationState, { nullable: true }) state: ApplicationState;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('identification', 'consignee')) @Field(() => String, { nullable: true }) consigneeName: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact', 'consignee')) @Field(() => String, { nullable: true }) consigneeAddress: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('a country') @Field(() => String, { nullable: true }) consigneeCountry: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('a country') @Field(() => String, { nullable: true }) countryOfOrigin: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('electronicIdentification', 'user')) @Field(() => ID, { nullable: true, description: 'Who applied.' }) createdBy: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('usageStatistics', 'user')) @Field(() => ID, { nullable: true, description: 'The clerk reviewing it.' }) claimedBy: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('usageStatistics', 'user')) @Field(() => ID, { nullable: true, description: 'The clerk who took the last decision.' }) reviewedBy: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('reference to a certificate') @Field(() => ID, { nullable: true }) certificateId: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) createdAt: Date;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) updatedAt: Date;
}

@ObjectType({ description: 'A datasheet of the tenant with its latest version, as the platform operator sees it under an approved support grant (read only).' })
@PolicyEntity<SupportDatasheet>({ name: 'SupportDatasheet', visibleTo: UNDER_SUPPORT_GRANT, subject: 'organisation', relations: { tenantId: (d) => d.tenantId, organisationId: (d) => d.organisationId } })
export class SupportDatasheet {
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => ID, { nullable: true }) id: string;
  @Internal() @NotPersonalData() tenantId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('the certificate holder: a company') @Field(() => ID, { nullable: true }) organisationId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => ID, { nullable: true }) certifiedProductId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => String, { nullable: true }) publicCode: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('electronicIdentification', 'user')) @Field(() => ID, { nullable: true, description: 'The account named as its contact.' }) contactUserId: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => Int, { nullable: true }) latestVersion: number | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => DatasheetState, { nullable: true }) latestState: DatasheetState | null;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('electronicIdentification', 'user')) @Field(() => ID, { nullable: true, description: 'Who completed the latest version.' }) completedBy: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('datasheet record') @Field(() => Date, { nullable: true }) createdAt: Date;
}
