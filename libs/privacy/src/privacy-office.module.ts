import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { CertificatesModule } from '@chancery/certificates';
import { DatasheetsModule } from '@chancery/datasheets';
import { DocumentsModule } from '@chancery/documents';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { Breach } from './breaches/breach.entity';
import { BreachRepository } from './breaches/breach.repository';
import { BreachResolver } from './breaches/breach.resolver';
import { BreachService } from './breaches/breach.service';
import { PrivacyPolicyResponse, PrivacyPolicyVersion } from './policy-versions/privacy-policy-version.entity';
import { PrivacyPolicyRepository } from './policy-versions/privacy-policy.repository';
import { PrivacyPolicyResolver } from './policy-versions/privacy-policy.resolver';
import { PrivacyPolicyService } from './policy-versions/privacy-policy.service';
import { ProcessingActivity } from './register/processing-activity.entity';
import { ProcessingActivityRepository } from './register/processing-activity.repository';
import { ProcessingRegisterResolver } from './register/processing-register.resolver';
import { ProcessingRegisterService } from './register/processing-register.service';
import { SubProcessor, SubProcessorChange, SubProcessorObjection } from './sub-processors/sub-processor.entity';
import { SubProcessorRepository } from './sub-processors/sub-processor.repository';
import { SubProcessorResolver } from './sub-processors/sub-processor.resolver';
import { SubProcessorService } from './sub-processors/sub-processor.service';
import { TenantDestructionCertificate, TenantOffboarding } from './offboarding/tenant-offboarding.entity';
import { PlatformAttestationKey } from './attestation/attestation-key.entity';
import { AttestationKeyRepository } from './attestation/attestation-key.repository';
import { AttestationKeys } from './attestation/attestation-keys.service';
import { AttestationKeysController } from './attestation/attestation-keys.controller';
import { TenantOffboardingRepository } from './offboarding/tenant-offboarding.repository';
import { TenantOffboardingResolver } from './offboarding/tenant-offboarding.resolver';
import { TenantOffboardingService } from './offboarding/tenant-offboarding.service';
import { TenantArchiveController } from './offboarding/tenant-archive.controller';
import { PrivacySettings } from './settings/privacy-settings.entity';
import { PrivacySettingsRepository } from './settings/privacy-settings.repository';
import { PrivacySettingsResolver } from './settings/privacy-settings.resolver';
import { PrivacySettingsService } from './settings/privacy-settings.service';
import { RetentionPeriod } from './retention/retention-period.entity';
import { RetentionPeriodRepository } from './retention/retention-period.repository';
import { RetentionScheduleResolver } from './retention/retention-schedule.resolver';
import { RetentionScheduleService } from './retention/retention-schedule.service';
import { SupportAccessResolver } from './support-access/support-access.resolver';
import { SupportAccessService } from './support-access/support-access.service';
import { SupportGrant } from './support-access/support-grant.entity';
import { SupportGrantRepository } from './support-access/support-grant.repository';
import { PersonalDataHolders } from './holders/personal-data-holders';

/**
 * The privacy office of each tenant and of the platform (SPEC §5): the register of processing
 * activities, sub-processors, breaches, privacy-policy versions, support access, offboarding and the retention schedule. Imported by PrivacyModule.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProcessingActivity, SubProcessor, SubProcessorChange, SubProcessorObjection, Breach, PrivacyPolicyVersion, PrivacyPolicyResponse, SupportGrant, TenantOffboarding, TenantDestructionCertificate, PlatformAttestationKey, PrivacySettings, RetentionPeriod]),
    AuditModule,
    CertificatesModule,
    DatasheetsModule,
    DocumentsModule,
    IdentityModule,
    NotificationsModule,
    DiscoveryModule,
  ],
  controllers: [TenantArchiveController, AttestationKeysController],
  providers: [
    AttestationKeyRepository,
    AttestationKeys,
    ProcessingActivityRepository, ProcessingRegisterService, ProcessingRegisterResolver,
    SubProcessorRepository, SubProcessorService, SubProcessorResolver,
    BreachRepository, BreachService, BreachResolver,
    PrivacyPolicyRepository, PrivacyPolicyService, PrivacyPolicyResolver,
    SupportGrantRepository, SupportAccessService, SupportAccessResolver,
    TenantOffboardingRepository, TenantOffboardingService, TenantOffboardingResolver,
    PrivacySettingsRepository, PrivacySettingsService, PrivacySettingsResolver,
    RetentionPeriodRepository, RetentionScheduleService, RetentionScheduleResolver,
    // Here, not in PrivacyModule, because the offboarding's archive asks the holders too.
    PersonalDataHolders,
  ],
  exports: [AttestationKeys, PersonalDataHolders, ProcessingRegisterService, SubProcessorService, SubProcessorRepository, BreachService, PrivacyPolicyService, PrivacyPolicyRepository, PrivacySettingsService, RetentionScheduleService],
})
export class PrivacyOfficeModule {}
