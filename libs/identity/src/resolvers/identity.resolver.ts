import { Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Allow, AuthenticatedPerson, Permission, Public } from '@chancery/access';
import { ThrottleAuthentication } from '@chancery/core';
import { Envelope } from '@chancery/policy';
import { ApiKey } from '../entities/api-key.entity';
import { Invitation } from '../entities/invitation.entity';
import { Organisation } from '../entities/organisation.entity';
import { Tenant } from '../entities/tenant.entity';
import { UserAccount } from '../entities/user-account.entity';
import {
  AcceptInvitationInput,
  AppointCompanyAdministratorInput,
  ChangeUserRolesInput,
  CreateApiKeyInput,
  CreateTenantInput,
  InviteTenantAdministratorInput,
  ResetCompanyAdministratorSecondFactorInput,
  ResetTenantAdministratorSecondFactorInput,
  InviteUserInput,
  RegisterOrganisationInput,
  SignatureImageArgs,
  UpdateOrganisationInput,
  UpdateUserProfileInput,
} from '../inputs/identity.inputs';
import { AccountsService } from '../services/accounts.service';
import { ApiKeyService } from '../services/api-key.service';
import { OrganisationRegistrationService } from '../services/organisation-registration.service';
import { PolicedRecordsService } from '../services/policed-records.service';
import { TenantDirectoryService } from '../services/tenant-directory.service';
import { UserAdministrationService } from '../services/user-administration.service';

/**
 * What the registrant submitted, as registered: their own input read back (the same answer whether
 * or not the address already had an account, so it tells nothing about anyone else).
 */
@Envelope('RegisteredCompany')
@ObjectType()
export class RegisteredCompany {
  @Field() name: string;
  @Field({ description: 'Normalised: country prefix and digits.' }) vatNumber: string;
  @Field() city: string;
  @Field() country: string;
  @Field({ description: 'Where the confirmation link went: the administrator confirms it to activate the account.' }) confirmationSentTo: string;
  @Field({ description: 'AWAITING_EMAIL_CONFIRMATION until the link is used: until then the company holds nothing (another registration of its VAT number may stand beside it; the first confirmed wins), and the chamber’s staff neither list it nor find it by its id.' }) status: string;
}

@Envelope('RegistrationResult')
@ObjectType()
export class RegistrationResult {
  @Field(() => RegisteredCompany, { description: 'The company as registered, to show the registrant.' }) company: RegisteredCompany;
  @Field(() => Organisation, {
    nullable: true,
    deprecationReason: 'An anonymous registrant may read nothing of the stored record; use `company`.',
    description: 'The company, as the caller may see it (an anonymous registrant: not at all).',
  })
  organisation: Organisation;
  @Field(() => Tenant, { description: 'The chamber the company registered with.' }) tenant: Tenant;
}

@Envelope('CreatedTenant')
@ObjectType()
export class CreatedTenant {
  @Field(() => Tenant) tenant: Tenant;
  @Field({ description: 'Where the invitation of its first administrator went: they choose their password from its link.' }) invitationSentTo: string;
}

@Envelope('InvitedTenantAdministrator')
@ObjectType()
export class InvitedTenantAdministrator {
  @Field(() => Tenant) tenant: Tenant;
  @Field({ description: 'Where the new invitation went: the administrator chooses their password from its link.' }) invitationSentTo: string;
  @Field(() => Int, { description: 'Unaccepted administrator invitations of the tenant that no longer work.' }) earlierInvitationsRevoked: number;
}

@Envelope('TenantAdministratorSecondFactorReset')
@ObjectType()
export class TenantAdministratorSecondFactorReset {
  @Field(() => Tenant) tenant: Tenant;
  @Field(() => ID, { description: 'The administrator whose second factor was removed: they set up a new authenticator at their next login.' }) administratorId: string;
  @Field(() => Date) resetAt: Date;
}

@Envelope('CompanyAdministratorSecondFactorReset')
@ObjectType()
export class CompanyAdministratorSecondFactorReset {
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { description: 'The administrator whose second factor was removed: they set up a new authenticator at their next login if their company or role requires one.' }) administratorId: string;
  @Field(() => Date) resetAt: Date;
}

@Envelope('CreatedApiKey')
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

/** Most companies one call lists: a page of names to choose from, not an export. */
export const ORGANISATIONS_PAGE_MAX = 100;

@ArgsType()
export class OrganisationsArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' })
  @IsOptional() @IsString() @Length(1, 100) nameContains?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these companies (e.g. to name the holders on a list).' })
  @IsOptional() @IsArray() @ArrayMaxSize(ORGANISATIONS_PAGE_MAX) @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => Int, { nullable: true, description: `At most this many (default 50, at most ${ORGANISATIONS_PAGE_MAX}).` })
  @IsOptional() @IsInt() @Min(1) @Max(ORGANISATIONS_PAGE_MAX) first?: number;
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

@Resolver(() => UserAccount)
export class IdentityResolver {
  constructor(
    private readonly directory: TenantDirectoryService,
    private readonly registration: OrganisationRegistrationService,
    private readonly users: UserAdministrationService,
    private readonly accounts: AccountsService,
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

  @Allow(Permission.CreateTenant)
  @Mutation(() => CreatedTenant, { description: 'Opens a tenant and e-mails its first administrator an invitation (role TENANT_ADMIN); no account exists until they accept it.' })
  async createTenant(@Args('input') input: CreateTenantInput): Promise<CreatedTenant> {
    return Object.assign(new CreatedTenant(), await this.directory.create(input));
  }

  @Allow(Permission.CreateTenant)
  @Mutation(() => InvitedTenantAdministrator, {
    description: 'Invites the administrator of a tenant that has no active one (its first administrator’s invitation expired or went astray); earlier unaccepted administrator invitations stop working. CONFLICT while the tenant has an active administrator.',
  })
  async inviteTenantAdministrator(@Args('input') input: InviteTenantAdministratorInput): Promise<InvitedTenantAdministrator> {
    return Object.assign(new InvitedTenantAdministrator(), await this.directory.inviteAdministrator(input));
  }

  @Allow(Permission.ResetTenantAdministratorSecondFactor)
  @Mutation(() => TenantAdministratorSecondFactorReset, {
    description:
      'Removes the second factor of a tenant’s only active administrator, who lost both phone and recovery codes, after the operator checked them out of band (the reference is kept in the tenant’s audit log; the administrator is told by e-mail). CONFLICT while the tenant has another active administrator: they reset it.',
  })
  async resetTenantAdministratorSecondFactor(@Args('input') input: ResetTenantAdministratorSecondFactorInput): Promise<TenantAdministratorSecondFactorReset> {
    return Object.assign(new TenantAdministratorSecondFactorReset(), await this.directory.resetAdministratorSecondFactor(input));
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => RegistrationResult, {
    description: 'Registers a company and its first administrator, who then confirms the e-mail address. The same answer whether or not the address already has an account (then nothing is made and its owner is e-mailed); COMPANY_ALREADY_REGISTERED only when a confirmed company holds the VAT number.',
  })
  async registerOrganisation(@Args('input') input: RegisterOrganisationInput): Promise<RegistrationResult> {
    const registration = await this.registration.register(input);
    return Object.assign(new RegistrationResult(), registration, { company: Object.assign(new RegisteredCompany(), registration.company) });
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean, {
    description: 'Confirms a registration’s address from its e-mailed link: the account is activated and the company confirmed. CONFLICT COMPANY_REGISTERED_MEANWHILE when another registration of the same company was confirmed first (nothing changes).',
  })
  confirmEmail(@Args() { token }: TokenArgs): Promise<boolean> {
    return this.registration.confirmEmail(token);
  }

  @AuthenticatedPerson()
  @Query(() => UserAccount)
  me(): Promise<UserAccount> {
    return this.accounts.me();
  }

  @Allow(Permission.ManageUsers)
  @Query(() => [UserAccount], { description: "The company's users (organisation admin) or the tenant's staff (tenant admin)." })
  managedUsers(): Promise<UserAccount[]> {
    return this.users.listManagedUsers();
  }

  @Allow(Permission.ManageUsers)
  @Query(() => UserAccount)
  managedUser(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.findManagedUser(userId);
  }

  @Allow(Permission.InviteUsers)
  @Mutation(() => Invitation)
  inviteUser(@Args('input') input: InviteUserInput): Promise<Invitation> {
    return this.users.invite(input);
  }

  @Allow(Permission.InviteUsers)
  @Query(() => [Invitation], { description: 'Pending invitations of the company (organisation admin) or of the staff (tenant admin), newest first.' })
  invitations(): Promise<Invitation[]> {
    return this.users.listPendingInvitations();
  }

  @Allow(Permission.InviteUsers)
  @Mutation(() => Invitation, { description: 'Revokes a pending invitation: its link stops working.' })
  revokeInvitation(@Args() { id }: IdArgs): Promise<Invitation> {
    return this.users.revokeInvitation(id);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean)
  acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<boolean> {
    return this.users.acceptInvitation(input);
  }

  @Allow(Permission.ChangeUserRoles)
  @Mutation(() => UserAccount)
  changeUserRoles(@Args('input') input: ChangeUserRolesInput): Promise<UserAccount> {
    return this.users.changeRoles(input);
  }

  @Allow(Permission.AppointCompanyAdministrator)
  @Mutation(() => UserAccount, { description: 'Makes an active user of a company that has no active administrator its administrator (ORG_ADMIN). Tenant admins.' })
  appointCompanyAdministrator(@Args('input') input: AppointCompanyAdministratorInput): Promise<UserAccount> {
    return this.users.appointCompanyAdministrator(input);
  }

  @Allow(Permission.ResetCompanyAdministratorSecondFactor)
  @Mutation(() => CompanyAdministratorSecondFactorReset, {
    description:
      'Removes the second factor of a company’s only active administrator, who lost both phone and recovery codes, after the tenant’s administrator called them back on the company’s number on record (the reference is kept in the tenant’s audit log; the administrator is told by e-mail). CONFLICT while the company has another active administrator: they reset it.',
  })
  async resetCompanyAdministratorSecondFactor(@Args('input') input: ResetCompanyAdministratorSecondFactorInput): Promise<CompanyAdministratorSecondFactorReset> {
    return Object.assign(new CompanyAdministratorSecondFactorReset(), await this.users.resetOnlyCompanyAdministratorSecondFactor(input));
  }

  @Allow(Permission.DisableUsers)
  @Mutation(() => UserAccount)
  disableUser(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.disable(userId);
  }

  @Allow(Permission.EnableUsers)
  @Mutation(() => UserAccount, { description: 'Enables a disabled account again; the person logs in anew (old sessions stay ended).' })
  enableUser(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.enable(userId);
  }

  @Allow(Permission.ResetSecondFactor)
  @Mutation(() => UserAccount, { description: "Removes a user's second factor (a lost phone): their sessions end and they enrol again at the next login." })
  resetSecondFactor(@Args() { userId }: UserIdArgs): Promise<UserAccount> {
    return this.users.resetSecondFactor(userId);
  }

  @Allow(Permission.ManageApiKeys)
  @Mutation(() => CreatedApiKey)
  async createApiKey(@Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return Object.assign(new CreatedApiKey(), await this.apiKeyService.create(input.name));
  }

  @Allow(Permission.ReadApiKeys)
  @Query(() => [ApiKey])
  apiKeys(): Promise<ApiKey[]> {
    return this.apiKeyService.list();
  }

  @Allow(Permission.ManageApiKeys)
  @Mutation(() => ApiKey)
  revokeApiKey(@Args() { id }: IdArgs): Promise<ApiKey> {
    return this.apiKeyService.revoke(id);
  }

  // The field declarations decide who sees which field of the record; the record itself must be visible.
  @Allow(Permission.ReadUserRecords)
  @Query(() => UserAccount)
  user(@Args() { id }: IdArgs): Promise<UserAccount> {
    return this.records.findUser(id);
  }

  @Allow(Permission.ReadOrganisationRecords)
  @Query(() => Organisation, { description: 'A company by id (what of it: the field declarations). A registration not confirmed yet is NOT_FOUND, as a company that does not exist.' })
  organisation(@Args() { id }: IdArgs): Promise<Organisation> {
    return this.records.findOrganisation(id);
  }

  @Allow(Permission.ListTenantOrganisations)
  @Query(() => [Organisation], { description: "The tenant's companies by name (staff): those whose name contains `nameContains`, or with the given `ids`." })
  organisations(@Args() args: OrganisationsArgs): Promise<Organisation[]> {
    return this.records.listOrganisations(args.nameContains ?? null, args.ids?.map((id) => id.toLowerCase()) ?? null, args.first ?? 50);
  }

  @AuthenticatedPerson()
  @Mutation(() => UserAccount)
  updateUserProfile(@Args('input') input: UpdateUserProfileInput): Promise<UserAccount> {
    return this.records.updateUserProfile(input);
  }

  @Allow(Permission.SetOwnSignatureImage)
  @Mutation(() => UserAccount, { description: "Sets the signer's own signature image, reproduced on the certificates they sign." })
  setMySignatureImage(@Args() { image }: SignatureImageArgs): Promise<UserAccount> {
    return this.records.setSignatureImage(image);
  }

  @Allow(Permission.UpdateOrganisation)
  @Mutation(() => Organisation)
  updateOrganisation(@Args('input') input: UpdateOrganisationInput): Promise<Organisation> {
    return this.records.updateOrganisation(input);
  }

  /** Large, and rarely asked for: read only when selected, under the field's declaration. */
  @ResolveField(() => String, { nullable: true })
  signatureImage(@Parent() user: UserAccount): Promise<string | null> {
    return this.records.signatureImageOf(user);
  }
}
