import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { ApiKey } from './entities/api-key.entity';
import { Invitation } from './entities/invitation.entity';
import { Organisation } from './entities/organisation.entity';
import { Tenant } from './entities/tenant.entity';
import { UserAccount } from './entities/user-account.entity';
import { UserRole } from './entities/user-role.entity';
import { IdentityResolver } from './resolvers/identity.resolver';
import { ApiKeyService } from './services/api-key.service';
import { PolicedRecordsService } from './services/policed-records.service';
import { OrganisationRegistrationService } from './services/organisation-registration.service';
import { TenantDirectoryService } from './services/tenant-directory.service';
import { UserAdministrationService } from './services/user-administration.service';

/** Tenants, companies, users and roles, invitations, API keys. */
@Module({
  imports: [TypeOrmModule.forFeature([Tenant, Organisation, UserAccount, UserRole, Invitation, ApiKey]), AuditModule],
  providers: [TenantDirectoryService, OrganisationRegistrationService, UserAdministrationService, ApiKeyService, PolicedRecordsService, IdentityResolver],
  exports: [TenantDirectoryService, UserAdministrationService],
})
export class IdentityModule {}
