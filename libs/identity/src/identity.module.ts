import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './entities/api-key.entity';
import { Invitation } from './entities/invitation.entity';
import { Organisation } from './entities/organisation.entity';
import { Tenant } from './entities/tenant.entity';
import { UserAccount } from './entities/user-account.entity';
import { UserRole } from './entities/user-role.entity';
import { RecoveryCode } from './entities/recovery-code.entity';
import { AuditModule } from '@chancery/audit';
import { NotificationsModule } from '@chancery/notifications';
import { AccountRepository } from './repositories/account.repository';
import { IdentityPersonalDataRepository } from './repositories/personal-data.repository';
import { IdentityPersonalDataHolder } from './personal-data/identity-personal-data.holder';
import { AccountTokenRepository } from './repositories/account-token.repository';
import { RecoveryCodeRepository } from './repositories/recovery-code.repository';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { InvitationRepository } from './repositories/invitation.repository';
import { OrganisationRepository } from './repositories/organisation.repository';
import { TenantRepository } from './repositories/tenant.repository';
import { PeopleDirectoryRepository } from './repositories/people-directory.repository';
import { PeopleDirectory } from './services/people-directory.service';
import { IdentityResolver } from './resolvers/identity.resolver';
import { StaffSecondFactorResolver } from './resolvers/staff-second-factor.resolver';
import { AccountsService } from './services/accounts.service';
import { ApiKeyService } from './services/api-key.service';
import { IdentityProvisioning } from './services/identity-provisioning.service';
import { OrganisationPeople } from './services/organisation-people.service';
import { OrganisationRegistrationService } from './services/organisation-registration.service';
import { PartyDirectoryService } from './services/party-directory.service';
import { PolicedRecordsService } from './services/policed-records.service';
import { TenantDirectoryService } from './services/tenant-directory.service';
import { TenantSpacesModule } from './services/identity-tenant-spaces';
import { UserAdministrationService } from './services/user-administration.service';
import { StaffSecondFactorService } from './services/staff-second-factor.service';
import { UnconfirmedRegistrationRepository } from './repositories/unconfirmed-registration.repository';
import { UnconfirmedRegistrations } from './services/unconfirmed-registrations.service';

const REPOSITORIES = [
  TenantRepository, OrganisationRepository, AccountRepository, InvitationRepository, ApiKeyRepository, AccountTokenRepository, PeopleDirectoryRepository,
  IdentityPersonalDataRepository, UnconfirmedRegistrationRepository, RecoveryCodeRepository,
];

/** Tenants, companies, accounts and roles, invitations, API keys, credentials. Below auth. */
@Module({
  // The tables' entities, so the data source knows every table of the application (the declarations walk).
  imports: [TypeOrmModule.forFeature([Tenant, Organisation, UserAccount, UserRole, Invitation, ApiKey, RecoveryCode]), AuditModule, NotificationsModule, TenantSpacesModule],
  providers: [
    ...REPOSITORIES,
    TenantDirectoryService,
    OrganisationRegistrationService,
    UnconfirmedRegistrations,
    UserAdministrationService,
    AccountsService,
    ApiKeyService,
    PolicedRecordsService,
    IdentityProvisioning,
    PartyDirectoryService,
    OrganisationPeople,
    IdentityResolver,
    StaffSecondFactorService,
    StaffSecondFactorResolver,
    PeopleDirectory,
    IdentityPersonalDataHolder,
  ],
  exports: [TenantDirectoryService, AccountsService, ApiKeyService, IdentityProvisioning, PeopleDirectory, PartyDirectoryService, OrganisationPeople],
})
export class IdentityModule {}
