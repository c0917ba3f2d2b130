import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AuthenticatedPerson, Permission, Public } from '@chancery/access';
import { ObjectToPrivacyPolicyInput, PolicyVersionIdArgs, PrivacyPolicyVersionsArgs, PublishPrivacyPolicyInput } from '../shared/privacy-office.inputs';
import { PrivacyPolicyResponse, PrivacyPolicyVersion } from './privacy-policy-version.entity';
import { PrivacyPolicyService } from './privacy-policy.service';

@Resolver(() => PrivacyPolicyVersion)
export class PrivacyPolicyResolver {
  constructor(private readonly policies: PrivacyPolicyService) {}

  @Public()
  @Query(() => [PrivacyPolicyVersion], { description: "A tenant's published privacy-policy versions, newest first. Public." })
  privacyPolicyVersions(@Args() args: PrivacyPolicyVersionsArgs): Promise<PrivacyPolicyVersion[]> {
    return this.policies.publicVersions(args.tenantSlug);
  }

  @Allow(Permission.PublishPrivacyPolicy)
  @Mutation(() => PrivacyPolicyVersion, { description: 'Publishes a new version: every user sees it in the application and may object within three working days.' })
  publishPrivacyPolicy(@Args('input') input: PublishPrivacyPolicyInput): Promise<PrivacyPolicyVersion> {
    return this.policies.publish(input);
  }

  @AuthenticatedPerson()
  @Query(() => PrivacyPolicyResponse, { nullable: true, description: "The newest version of your tenant's privacy policy and your answer to it (the in-application notice)." })
  myPrivacyPolicyNotice(): Promise<PrivacyPolicyResponse | null> {
    return this.policies.myNotice();
  }

  @AuthenticatedPerson()
  @Mutation(() => PrivacyPolicyResponse, { description: 'Accepts a privacy-policy version.' })
  acceptPrivacyPolicy(@Args() args: PolicyVersionIdArgs): Promise<PrivacyPolicyResponse> {
    return this.policies.accept(args.versionId);
  }

  @AuthenticatedPerson()
  @Mutation(() => PrivacyPolicyResponse, { description: 'Objects to a privacy-policy version, within three working days of its publication.' })
  objectToPrivacyPolicy(@Args('input') input: ObjectToPrivacyPolicyInput): Promise<PrivacyPolicyResponse> {
    return this.policies.object(input.versionId, input.reason ?? null);
  }

  @Allow(Permission.ReadPrivacyPolicyResponses)
  @Query(() => [PrivacyPolicyResponse], { description: "Every user's answer to a version: accepted, objected, pending, or deemed accepted." })
  privacyPolicyResponses(@Args() args: PolicyVersionIdArgs): Promise<PrivacyPolicyResponse[]> {
    return this.policies.responses(args.versionId);
  }
}
