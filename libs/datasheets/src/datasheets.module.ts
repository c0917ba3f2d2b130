import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { DocumentsModule } from '@chancery/documents';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { WebhooksModule } from '@chancery/webhooks';
import { DatasheetAttachmentsController } from './controllers/datasheet-attachments.controller';
import { PublicDatasheetsController, PublicProductFamiliesController, PublicWithdrawnDatasheetsController } from './controllers/public-datasheets.controller';
import { CertifiedProduct } from './entities/certified-product.entity';
import { DatasheetAttachment } from './entities/datasheet-attachment.entity';
import { ContactDisclosureAcknowledgement } from './entities/contact-disclosure-acknowledgement.entity';
import { DatasheetVersion } from './entities/datasheet-version.entity';
import { Datasheet } from './entities/datasheet.entity';
import { DatasheetChange, DatasheetSettings } from './entities/internal.entities';
import { ProductFamilySchema } from './entities/product-family-schema.entity';
import { PublishedDatasheet } from './entities/published-datasheet.entity';
import { PublishedDatasheetVersion } from './entities/published-datasheet-version.entity';
import { WithdrawnDatasheet } from './entities/withdrawn-datasheet.entity';
import { DatasheetsPersonalDataHolder } from './personal-data/datasheets-personal-data.holder';
import { ProjectCertificate, ProjectDistribution, ProjectParty } from './projects/project-certificate.entity';
import { ProjectCertificateRepository } from './projects/project-certificate.repository';
import { ProjectCertificateWebhookPayloads } from './projects/project-certificate-webhook-payloads';
import { ProjectCertificatesResolver } from './projects/project-certificates.resolver';
import { ProjectCertificatesService } from './projects/project-certificates.service';
import { CertifiedProductRepository } from './repositories/certified-product.repository';
import { DatasheetAttachmentRepository } from './repositories/datasheet-attachment.repository';
import { DatasheetLedgerRepository } from './repositories/datasheet-ledger.repository';
import { DisclosureAcknowledgementRepository } from './repositories/disclosure-acknowledgement.repository';
import { ProductFamilySchemaRepository } from './repositories/product-family-schema.repository';
import { DatasheetProvisioningRepository } from './repositories/datasheet-provisioning.repository';
import { DatasheetVersionRepository } from './repositories/datasheet-version.repository';
import { DatasheetRepository } from './repositories/datasheet.repository';
import { DatasheetRetentionRepository } from './repositories/datasheet-retention.repository';
import { PublishedDatasheetRepository } from './repositories/published-datasheet.repository';
import { DatasheetsResolver, PublicDatasheetsResolver } from './resolvers/datasheets.resolver';
import { CertifiedProductsService } from './services/certified-products.service';
import { ContactDisclosureService } from './services/contact-disclosure.service';
import { DatasheetAttachmentsService } from './services/datasheet-attachments.service';
import { DatasheetFeedService } from './services/datasheet-feed.service';
import { DatasheetPublication } from './services/datasheet-publication.service';
import { DatasheetsProvisioning } from './services/datasheets-provisioning.service';
import { DatasheetsService } from './services/datasheets.service';
import { HolderRecipients } from './services/holder-recipients';
import { DatasheetWebhookPayloads } from './services/datasheet-webhook-payloads';
import { PublicDatasheetsService } from './services/public-datasheets.service';

const ENTITIES = [CertifiedProduct, Datasheet, DatasheetAttachment, DatasheetVersion, PublishedDatasheet, PublishedDatasheetVersion, WithdrawnDatasheet, ProductFamilySchema, ContactDisclosureAcknowledgement, DatasheetSettings, DatasheetChange, ProjectCertificate, ProjectParty, ProjectDistribution];
const REPOSITORIES = [
  CertifiedProductRepository,
  DatasheetRepository,
  DatasheetRetentionRepository,
  DatasheetVersionRepository,
  DatasheetAttachmentRepository,
  PublishedDatasheetRepository,
  DisclosureAcknowledgementRepository,
  ProductFamilySchemaRepository,
  DatasheetLedgerRepository,
  DatasheetProvisioningRepository,
];

/** Certified products, datasheets and versions, publication, the public API and feed, the contact-disclosure rule. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES), AuditModule, NotificationsModule, IdentityModule, WebhooksModule, DocumentsModule],
  controllers: [PublicDatasheetsController, PublicProductFamiliesController, PublicWithdrawnDatasheetsController, DatasheetAttachmentsController],
  providers: [
    ...REPOSITORIES,
    DatasheetPublication,
    HolderRecipients,
    DatasheetAttachmentsService,
    CertifiedProductsService,
    DatasheetsService,
    ContactDisclosureService,
    PublicDatasheetsService,
    DatasheetFeedService,
    DatasheetWebhookPayloads,
    DatasheetsProvisioning,
    DatasheetsPersonalDataHolder,
    ProjectCertificateRepository,
    ProjectCertificatesService,
    ProjectCertificateWebhookPayloads,
    ProjectCertificatesResolver,
    DatasheetsResolver,
    PublicDatasheetsResolver,
  ],
  exports: [ContactDisclosureService, PublicDatasheetsService, DatasheetsProvisioning, DatasheetsService],
})
export class DatasheetsModule {}
