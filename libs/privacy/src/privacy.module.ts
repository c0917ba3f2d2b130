import { Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { WebhooksModule } from '@chancery/webhooks';
import { onPersonalDataPresented } from '@chancery/policy';
import { PersonalDataAccessLogPlugin } from './access-log/personal-data-access-log.plugin';
import { PersonalDataAccessLog } from './access-log/personal-data-access-log.service';
import { PersonalDataAccessRepository } from './access-log/personal-data-access.repository';
import { PersonalDataAccessResolver } from './access-log/personal-data-access.resolver';
import { collectPersonalDataPresented } from './access-log/personal-data-reads';
import { PrivacyOfficeModule } from './privacy-office.module';
import { PersonalDataEraser } from './erasure/personal-data-erasure';
import { PersonalDataExporter } from './export/personal-data-export';
import { PrivacyPersonalDataHolder } from './holders/privacy-personal-data.holder';
import { DataSubjectRequest } from './requests/entities/data-subject-request.entity';
import { LegalHold } from './requests/entities/legal-hold.entity';
import { DataSubjectExportController } from './requests/data-subject-export.controller';
import { DataSubjectRequestRepository } from './requests/data-subject-request.repository';
import { DataSubjectRequestsResolver } from './requests/data-subject-requests.resolver';
import { DataSubjectRequests } from './requests/data-subject-requests.service';
import { DataSubjectRights } from './requests/data-subject-rights.service';
import { ProcessingRestrictionsModule } from './requests/privacy-processing-restrictions';
import { RetentionSweeper, RetentionSweepJob } from './retention/retention-sweep';
import { RegistrationLapseGuard } from './requests/registration-lapse-guard';
import { LogCheckpointJob } from './log-checkpoints/log-checkpoint.job';

/** Data-subject requests, their export and erasure over every context's personal-data holder (SPEC §5, #18 items 1–3). */
const DATA_SUBJECT_REQUESTS = [
  PersonalDataExporter,
  PersonalDataEraser,
  PrivacyPersonalDataHolder,
  DataSubjectRequestRepository,
  DataSubjectRequests,
  DataSubjectRights,
  DataSubjectRequestsResolver,
  RetentionSweeper,
  RetentionSweepJob,
  RegistrationLapseGuard,
];

/**
 * Privacy operations (SPEC §5). For now the personal-data access log: the output gate reports every
 * record it presents with personal data in it, this module keeps the reads that are someone else's
 * personal data by staff or the operator, and its Apollo plugin writes them once per request.
 */
@Module({
  imports: [PrivacyOfficeModule, ProcessingRestrictionsModule, TypeOrmModule.forFeature([DataSubjectRequest, LegalHold]), IdentityModule, NotificationsModule, AuditModule, WebhooksModule],
  controllers: [DataSubjectExportController],
  providers: [PersonalDataAccessRepository, PersonalDataAccessLog, PersonalDataAccessResolver, PersonalDataAccessLogPlugin, ...DATA_SUBJECT_REQUESTS, LogCheckpointJob],
  exports: [PersonalDataAccessLog, PersonalDataAccessLogPlugin],
})
export class PrivacyModule implements OnModuleInit, OnModuleDestroy {
  onModuleInit(): void {
    onPersonalDataPresented(collectPersonalDataPresented);
  }

  onModuleDestroy(): void {
    onPersonalDataPresented(undefined);
  }
}
