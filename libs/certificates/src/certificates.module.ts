import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { DocumentsModule } from '@chancery/documents';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { WebhooksModule } from '@chancery/webhooks';
import { CertificateApplication, SavedConsignee } from './entities/certificate-application.entity';
import { BillableLine, Certificate, CertificateCopy } from './entities/certificate.entity';
import { CertificateSettings, SigningKey } from './entities/public-verification.types';
import { CertificatePdfService } from './pdf/certificate-pdf.service';
import { CertificatesPersonalDataHolder } from './personal-data/certificates-personal-data.holder';
import { ApplicationRepository } from './repositories/application.repository';
import { CertificateRepository } from './repositories/certificate.repository';
import { CertificateRetentionRepository } from './repositories/certificate-retention.repository';
import { SigningKeyRepository } from './repositories/signing-key.repository';
import { VerificationRepository } from './repositories/verification.repository';
import { CertificatesController } from './resolvers/certificates.controller';
import { CertificatesResolver } from './resolvers/certificates.resolver';
import { ApplicationNotices } from './services/application-notices';
import { ApplicationsService } from './services/applications.service';
import { CertificateReportsService } from './services/certificate-reports.service';
import { CertificatesService } from './services/certificates.service';
import { SigningKeysService } from './services/signing-keys.service';
import { VerificationService } from './services/verification.service';

/** Room for the largest document (DOCUMENT_MAX_BYTES is checked on the bytes by the documents context). */

/** Certificates of origin: applications and their workflow, signing, PDFs, public verification, fees and statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateApplication, SavedConsignee, Certificate, CertificateCopy, BillableLine, SigningKey, CertificateSettings]),
    AuditModule,
    NotificationsModule,
    IdentityModule,
    DocumentsModule,
    WebhooksModule,
  ],
  providers: [
    ApplicationRepository,
    CertificateRepository,
    CertificateRetentionRepository,
    SigningKeyRepository,
    VerificationRepository,
    ApplicationNotices,
    ApplicationsService,
    CertificatesService,
    SigningKeysService,
    VerificationService,
    CertificateReportsService,
    CertificatePdfService,
    CertificatesResolver,
    CertificatesPersonalDataHolder,
  ],
  controllers: [CertificatesController],
  exports: [CertificatePdfService, CertificatesService, ApplicationsService],
})
export class CertificatesModule {}
