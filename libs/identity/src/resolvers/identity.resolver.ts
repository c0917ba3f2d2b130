import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsUUID, Length, Matches } from 'class-validator';
import { ArgsType } from '@nestjs/graphql';
import { AuthenticatedPerson, Authenticated, Public, RequireRoles, Role, ThrottleAuthentication } from '@chancery/core';
import { ApiKey } from '../entities/api-key.entity';
import { Invitation } from '../entities/invitation.entity';
import { Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserAccount } from '../entities/user-account.entity';
import {
  AcceptInvitationInput,
  ChangeUserRolesInput,
  CreateApiKeyInput,
  CreateTenantInput,
  InviteUserInput,
  RegisterOrganisationInput,
  SignatureImageArgs,
  UpdateOrganisationInput,
  UpdateUserProfileInput,
} from '../inputs/identity.inputs';
import { PolicedRecordsService } from '../services/policed-records.service';
import { ApiKeyService } from '../services/api-key.service';
import { OrganisationRegistrationService } from '../services/organisation-registration.service';
import { TenantDirectoryService } from '../services/tenant-directory.service';
import { UserAdministrationService } from '../services/user-administration.service';

@ObjectType()
export class RegistrationResult {
  @Field(() => Organisation) organisation: Organisation;
  @Field(() => Tenant, { description: 'The chamber the company registered with.' }) tenant: Tenant;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey: ApiKey;
  @Field({ description: 'The key itself: shown this once, never again.' }) secret: string;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID) @IsUUID() userId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class PostalCodeArgs {
  @Field() @Matches(/^[A-Z0-9 -]{2,10}$/i) postalCode: string;
}

@ArgsType()
export class TokenArgs {
  @Field() @Length(1, 200) token: string;
}

@ArgsType()
export class SlugArgs {
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) slug: string;
}

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly directory: TenantDirectoryService,
    private readonly registration: OrganisationRegistrationService,
    private readonly users: UserAdministrationService,
    private readonly apiKeyService: ApiKeyService,
    private readonly records: PolicedRecordsService,
  ) {}

  @Public()
  @Query(() => [Tenant], { description: 'Every tenant with its public contact details.' })
  tenants(): Promise<Tenant[]> {
    return this.directory.list();
  }

  @Public()
  @Query(() => Tenant, { nullable: true })
  tenant(@Args() { slug }: SlugArgs): Promise<Tenant | null> {
    return this.directory.findBySlug(slug);
  }

  @Public()
  @Query(() => Tenant, { nullable: true, description: 'The chamber serving a postal code, proposed at registration.' })
  proposeChamber(@Args() { postalCode }: PostalCodeArgs): Promise<Tenant | null> {
    return this.directory.proposeForPostalCode(postalCode);
  }

  @RequireRoles(Role.PLATFORM_ADMIN)
  @Mutation(() => Tenant)
  createTenant(@Args('input') input: CreateTenantInput): Promise<Tenant> {
    return this.directory.create(input);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => RegistrationResult, { description: 'Registers a company and its first administrator, who then confirms the e-mail address.' })
  registerOrganisation(@Args('input') input: RegisterOrganisationInput): Promise<RegistrationResult> {
    return this.registration.register(input);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean)
  confirmEmail(@Args() { token }: TokenArgs): Promise<boolean> {
    return this.registration.confirmEmail(token);
  }

  @AuthenticatedPerson()
  @Query(() => UserAccount)
  me(): Promise<UserAccount> {
    return this.users.me();
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Query(() => [UserAccount], { description: "The company's users (organisation admin) or the tenant's staff (tenant admin)." })
  managedUsers(): Promise<UserAccount[]> {
    return this.users.listManagedUsers();
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Query(() => UserAccount)
  managedUser(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.findManagedUser(userId);
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => Invitation)
  inviteUser(@Args('input') input: InviteUserInput): Promise<Invitation> {
    return this.users.invite(input);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean)
  acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<boolean> {
    return this.users.acceptInvitation(input);
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => UserAccount)
  changeUserRoles(@Args('input') input: ChangeUserRolesInput): Promise<UserAccount> {
    return this.users.changeRoles(input);
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => UserAccount)
  disableUser(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.disable(userId);
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => CreatedApiKey)
  createApiKey(@Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.apiKeyService.create(input.name);
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Query(() => [ApiKey])
  apiKeys(): Promise<ApiKey[]> {
    return this.apiKeyService.list();
  }

  @RequireRoles(Role.ORG_ADMIN, Role.TENANT_ADMIN)
  @Mutation(() => ApiKey)
  revokeApiKey(@Args() { id }: IdArgs): Promise<ApiKey> {
    return this.apiKeyService.revoke(id);
  }

  // Open to every logged-in user: the field declarations decide who sees and changes which field.
  @Authenticated()
  @Query(() => UserAccount)
  user(@Args() { id }: IdArgs): Promise<UserAccount> {
    return this.records.findUser(id);
  }

  @Authenticated()
  @Query(() => Organisation)
  organisation(@Args() { id }: IdArgs): Promise<Organisation> {
    return this.records.findOrganisation(id);
  }

  @AuthenticatedPerson()
  @Mutation(() => UserAccount)
  updateUserProfile(@Args('input') input: UpdateUserProfileInput): Promise<UserAccount> {
    return this.records.updateUserProfile(input);
  }

  @RequireRoles(Role.SIGNER)
  @Mutation(() => UserAccount, { description: "Sets the signer's own signature image, reproduced on the certificates they sign." })
  setMySignatureImage(@Args() { image }: SignatureImageArgs): Promise<UserAccount> {
    return this.records.setSignatureImage(image);
  }

  @AuthenticatedPerson()
  @Mutation(() => Organisation)
  updateOrganisation(@Args('input') input: UpdateOrganisationInput): Promise<Organisation> {
    return this.records.updateOrganisation(input);
  }
}
