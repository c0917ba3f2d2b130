import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Grant, Internal, NotPersonalData, PersonalData, PersonalDataDeclaration, PolicyEntity, Readable, RetentionRuleKey } from '@chancery/policy';

/**
 * What the operator sees of a tenant's accounts during a support grant. Such a record exists only
 * inside a `duringSupportGrant` unit of work (the database checked the grant), so the gate shows it
 * to the operator alone; every read of its personal data is in the tenant's access log.
 */
const UNDER_SUPPORT_GRANT: readonly Grant[] = [{ relation: 'anyone', roles: [Role.PLATFORM_ADMIN] }];

const SUPPORT_READ = (category: PersonalDataDeclaration['category']): PersonalDataDeclaration => ({
  category, subject: 'user', purpose: "Support the tenant at its request, under a time-boxed grant its administrator approved (processor's support, 002 §4)",
  legalBasis: 'contract', retention: RetentionRuleKey.SUPPORT_VIEW,
});

@ObjectType({ description: "A tenant's account as the platform operator sees it under an approved support grant." })
@PolicyEntity<SupportAccount>({
  name: 'SupportAccount',
  visibleTo: UNDER_SUPPORT_GRANT,
  subject: 'user',
  relations: { tenantId: (a) => a.tenantId, selfUserId: (a) => a.id, organisationId: (a) => a.organisationId },
})
export class SupportAccount {
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('electronicIdentification'))
  @Field(() => ID, { nullable: true }) id: string;
  @Internal() @NotPersonalData()
  tenantId: string;
  @Readable(...UNDER_SUPPORT_GRANT) @NotPersonalData('the company an account belongs to')
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('contact'))
  @Field(() => String, { nullable: true }) email: string;
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('security'))
  @Field(() => [String], { nullable: true }) roles: string[];
  @Readable(...UNDER_SUPPORT_GRANT) @PersonalData(SUPPORT_READ('usageStatistics'))
  @Field(() => Date, { nullable: true }) createdAt: Date;
}
