import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, isUniqueViolation, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { assertCharacteristicsValid, parseJsonObject } from '../characteristics-validator';
import { CONTACT_DISCLOSURE_NOTICE } from '../contact-disclosure-notice';
import { DatasheetsErrors } from '../datasheets.errors';
import { CertifiedProductStatus } from '../entities/certified-product.entity';
import { DatasheetState, DatasheetVersion, OPEN_STATES } from '../entities/datasheet-version.entity';
import { Datasheet } from '../entities/datasheet.entity';
import { DatasheetWithdrawalReason } from '../entities/withdrawn-datasheet.entity';
import { CreateDatasheetInput, DatasheetTextInput, UpdateDatasheetDraftInput } from '../inputs/datasheets.inputs';
import { CertifiedProductRepository, DatasheetScope } from '../repositories/certified-product.repository';
import { DisclosureAcknowledgementRepository } from '../repositories/disclosure-acknowledgement.repository';
import { ProductFamilySchemaRepository } from '../repositories/product-family-schema.repository';
import { DatasheetVersionRepository, VersionContent } from '../repositories/datasheet-version.repository';
import { DatasheetRepository } from '../repositories/datasheet.repository';
import { newPublicCode } from '../public-code';
import { DatasheetAttachmentsService } from './datasheet-attachments.service';
import { DatasheetPublication } from './datasheet-publication.service';
import { companyScopeOf, datasheetScopeOf, staffScopeOf } from './datasheet-scope';

/** Which step may follow which state (DRAFT → SUBMITTED → APPROVED → PUBLISHED, and back to CHANGES_REQUESTED). */
const ALLOWED_FROM: Record<'edit' | 'submit' | 'approve' | 'requestChanges' | 'publish', readonly DatasheetState[]> = {
  edit: [DatasheetState.DRAFT, DatasheetState.CHANGES_REQUESTED],
  submit: [DatasheetState.DRAFT, DatasheetState.CHANGES_REQUESTED],
  approve: [DatasheetState.SUBMITTED],
  requestChanges: [DatasheetState.SUBMITTED, DatasheetState.APPROVED],
  publish: [DatasheetState.APPROVED],
};
const TARGET: Record<keyof typeof ALLOWED_FROM, DatasheetState> = {
  edit: DatasheetState.DRAFT,
  submit: DatasheetState.SUBMITTED,
  approve: DatasheetState.APPROVED,
  requestChanges: DatasheetState.CHANGES_REQUESTED,
  publish: DatasheetState.PUBLISHED,
};

const PUBLIC_CODE_ATTEMPTS = 5;
/** How many of a tenant's datasheets the support view lists (newest first): an operator's look, not a register. */
const SUPPORT_VIEW_LIMIT = 1000;

/**
 * Datasheets as the certificate holder completes them (drafts, submission, new versions) and as the
 * tenant's staff review them (approval, changes requested, publication, unpublication).
 */
@Injectable()
export class DatasheetsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly products: CertifiedProductRepository,
    private readonly datasheets: DatasheetRepository,
    private readonly versions: DatasheetVersionRepository,
    private readonly schemas: ProductFamilySchemaRepository,
    private readonly acknowledgements: DisclosureAcknowledgementRepository,
    private readonly publication: DatasheetPublication,
    private readonly attachments: DatasheetAttachmentsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** A new datasheet for one of the company's products, with its first version as a draft. */
  async create(input: CreateDatasheetInput): Promise<DatasheetVersion> {
    parseJsonObject(input.characteristics, 'input.characteristics');
    const scope = companyScopeOf(this.context.actor);
    const completedBy = personIdOf(this.context.actor);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transactions.run(async () => {
          const product = scope ? await this.products.findInScope(input.certifiedProductId, scope) : null;
          if (!product || !scope) throw DatasheetsErrors.PRODUCT_NOT_FOUND('Certified product not found', { field: 'input.certifiedProductId' });
          if (product.status !== CertifiedProductStatus.ACTIVE) throw DatasheetsErrors.PRODUCT_NOT_ACTIVE('the certified product is not active', { field: 'input.certifiedProductId' });
          await this.assertAcknowledged(scope.tenantId, completedBy);
          if (await this.datasheets.existsForProduct(product.id, scope.tenantId)) throw DatasheetsErrors.DATASHEET_EXISTS('the product already has a datasheet', { field: 'input.certifiedProductId' });
          const datasheet = await this.datasheets.insert({ tenantId: scope.tenantId, organisationId: product.organisationId, certifiedProductId: product.id, publicCode: newPublicCode() });
          const version = await this.versions.insertNext(
            { tenantId: scope.tenantId, organisationId: product.organisationId, datasheetId: datasheet.id, completedBy, at: this.clock.now() },
            contentOf(input.characteristics, input.texts),
          );
          await this.audit.record({ action: 'datasheets.datasheet.created', subjectType: 'Datasheet', subjectId: datasheet.id, details: { product: product.id, version: version.id } });
          return this.attachments.withAttachments(version);
        });
      } catch (error) {
        // Two datasheets drew the same public code (1 in 2^40 per pair): draw again.
        if (isUniqueViolation(error, 'datasheet_public_code_key') && attempt < PUBLIC_CODE_ATTEMPTS) continue;
        if (isUniqueViolation(error, 'datasheet_one_open')) throw DatasheetsErrors.DATASHEET_EXISTS('the product already has a datasheet', { field: 'input.certifiedProductId' });
        throw error;
      }
    }
  }

  /** A new version of a datasheet, starting from the content of its latest version. */
  async startNewVersion(datasheetId: string): Promise<DatasheetVersion> {
    const scope = companyScopeOf(this.context.actor);
    const completedBy = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const datasheet = await this.lockDatasheet(datasheetId, scope);
      await this.assertAcknowledged(datasheet.tenantId, completedBy);
      const all = await this.versions.listOfDatasheet(datasheet.id, { tenantId: datasheet.tenantId, organisationId: datasheet.organisationId });
      if (all.some((v) => OPEN_STATES.includes(v.state))) throw DatasheetsErrors.OPEN_VERSION_EXISTS('the datasheet already has a version in the works', { field: 'datasheetId' });
      const latest = all[all.length - 1]!;
      const version = await this.versions.insertNext(
        { tenantId: datasheet.tenantId, organisationId: datasheet.organisationId, datasheetId: datasheet.id, completedBy, at: this.clock.now() },
        { characteristics: latest.characteristics, texts: latest.texts.map(({ language, title, description }) => ({ language, title, description })) },
      );
      const copied = await this.attachments.copyToNewVersion(datasheet.tenantId, latest.id, version.id);
      await this.audit.record({ action: 'datasheets.version.started', subjectType: 'DatasheetVersion', subjectId: version.id, details: { datasheet: datasheet.id, number: version.number, attachmentsCopied: copied } });
      return this.attachments.withAttachments(version);
    });
  }

  /** Changes a draft (or a version sent back with changes requested): the editor becomes the one who completed it. */
  async updateDraft(input: UpdateDatasheetDraftInput): Promise<DatasheetVersion> {
    if (input.characteristics !== undefined) parseJsonObject(input.characteristics, 'input.characteristics');
    const scope = companyScopeOf(this.context.actor);
    const completedBy = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const version = await this.lockVersion(input.versionId, scope, 'input.versionId');
      assertStep(version, 'edit');
      await this.assertAcknowledged(version.tenantId, completedBy);
      const content = contentOf(input.characteristics ?? version.characteristics, input.texts ?? version.texts);
      const updated = await this.versions.updateContent(version.id, content, completedBy, this.clock.now());
      await this.audit.record({ action: 'datasheets.version.edited', subjectType: 'DatasheetVersion', subjectId: version.id });
      return this.attachments.withAttachments(updated);
    });
  }

  /** Offers the version for approval: its characteristics must satisfy the family's schema, and it has texts in a language at least (a draft may be saved without). */
  async submit(versionId: string): Promise<DatasheetVersion> {
    const scope = companyScopeOf(this.context.actor);
    const submitter = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const version = await this.lockVersion(versionId, scope, 'versionId');
      assertStep(version, 'submit');
      await this.assertAcknowledged(version.tenantId, submitter);
      if (version.texts.length === 0) throw DatasheetsErrors.DATASHEET_TEXTS_MISSING('the version has no texts (a title) in any language', { field: 'versionId' });
      const datasheet = await this.lockDatasheet(version.datasheetId, { tenantId: version.tenantId, organisationId: version.organisationId });
      const product = await this.products.findInScope(datasheet.certifiedProductId, { tenantId: version.tenantId, organisationId: null });
      const schema = product ? await this.schemas.find(version.tenantId, product.productFamily) : null;
      if (!schema) throw DatasheetsErrors.PRODUCT_FAMILY_SCHEMA_MISSING('the tenant keeps no schema for this product family yet', { field: 'versionId' });
      assertCharacteristicsValid(version.characteristics, schema.jsonSchema, 'characteristics');
      return this.step(version, 'submit', null);
    });
  }

  async approve(versionId: string): Promise<DatasheetVersion> {
    return this.review(versionId, 'approve', null);
  }

  async requestChanges(versionId: string, comment: string): Promise<DatasheetVersion> {
    return this.review(versionId, 'requestChanges', comment);
  }

  async publish(versionId: string): Promise<DatasheetVersion> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const version = await this.lockVersion(versionId, scope, 'versionId');
      assertStep(version, 'publish');
      const datasheet = await this.lockDatasheet(version.datasheetId, { tenantId: version.tenantId, organisationId: null });
      return this.attachments.withAttachments(await this.publication.publish(datasheet, version));
    });
  }

  async unpublish(datasheetId: string): Promise<Datasheet> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const datasheet = await this.lockDatasheet(datasheetId, scope);
      if (!(await this.publication.unpublish(datasheet, DatasheetWithdrawalReason.DATASHEET_WITHDRAWN, 'unpublished by the tenant'))) throw DatasheetsErrors.DATASHEET_NOT_PUBLISHED('the datasheet has no published version', { field: 'datasheetId' });
      return datasheet;
    });
  }

  /** A page of the company's datasheets (organisation users) or the tenant's (staff), newest first; see DatasheetRepository.listInScope. */
  list(page: { first: number; after?: string; state?: DatasheetState; certifiedProductIds?: string[]; contactReplacementRequired?: boolean }): Promise<Datasheet[]> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope) return Promise.resolve([]);
    return this.transactions.run(() =>
      this.datasheets.listInScope(scope, { limit: page.first, after: page.after, state: page.state, productIds: page.certifiedProductIds, contactReplacementRequired: page.contactReplacementRequired }),
    );
  }

  /**
   * The tenant's datasheets with their latest version, for the operator under a support grant: only
   * inside privacy's `duringSupportGrant` unit, where the database opened the grant's tenant alone,
   * read only. No actor is checked: the unit's scope is what limits it.
   */
  async underSupportGrant(tenantId: string): Promise<Array<{ datasheet: Datasheet; latest: DatasheetVersion | null }>> {
    if (this.context.unitOfWork?.scope.mode !== 'support') throw new Error('read under a support grant outside a support-grant unit of work');
    const datasheets = await this.datasheets.listInScope({ tenantId, organisationId: null }, { limit: SUPPORT_VIEW_LIMIT });
    const latest = new Map((await this.versions.latestOf(datasheets.map((d) => d.id))).map((v) => [v.datasheetId, v]));
    return datasheets.map((datasheet) => ({ datasheet, latest: latest.get(datasheet.id) ?? null }));
  }

  /** Every version of each datasheet given, oldest first, in one read; none of a datasheet that is not the caller's. */
  versionsOfAll(datasheetIds: readonly string[]): Promise<DatasheetVersion[]> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope || datasheetIds.length === 0) return Promise.resolve([]);
    return this.transactions.run(async () => this.attachments.withAttachments(await this.versions.listOfDatasheets(datasheetIds, scope)));
  }

  /** Every version with its dates, oldest first; none when the datasheet is not the caller's. */
  versionsOf(datasheetId: string): Promise<DatasheetVersion[]> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope) return Promise.resolve([]);
    return this.transactions.run(async () => this.attachments.withAttachments(await this.versions.listOfDatasheet(datasheetId, scope)));
  }

  private async review(versionId: string, step: 'approve' | 'requestChanges', comment: string | null): Promise<DatasheetVersion> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const version = await this.lockVersion(versionId, scope, 'versionId');
      assertStep(version, step);
      return this.step(version, step, comment);
    });
  }

  private async step(version: DatasheetVersion, step: keyof typeof ALLOWED_FROM, comment: string | null): Promise<DatasheetVersion> {
    const updated = await this.versions.setState(version.id, TARGET[step], this.clock.now(), comment);
    await this.audit.record({ action: `datasheets.version.${TARGET[step].toLowerCase()}`, subjectType: 'DatasheetVersion', subjectId: version.id, details: { from: version.state } });
    return this.attachments.withAttachments(updated);
  }

  /** Completing a datasheet publishes one's contact details: the notice must have been acknowledged (COPRO §5b). */
  private async assertAcknowledged(tenantId: string, userId: string): Promise<void> {
    if (!(await this.acknowledgements.isAcknowledged(tenantId, userId))) {
      throw DatasheetsErrors.DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED('acknowledge the contact-disclosure notice first (acknowledgeContactDisclosureNotice)', {
        details: { noticeVersion: CONTACT_DISCLOSURE_NOTICE.version },
      });
    }
  }

  private async lockDatasheet(id: string, scope: DatasheetScope | null): Promise<Datasheet> {
    const datasheet = scope ? await this.datasheets.lockInScope(id, scope) : null;
    if (!datasheet) throw DatasheetsErrors.DATASHEET_NOT_FOUND('Datasheet not found', { field: 'datasheetId' });
    return datasheet;
  }

  private async lockVersion(id: string, scope: DatasheetScope | null, field: string): Promise<DatasheetVersion> {
    const version = scope ? await this.versions.lockInScope(id, scope) : null;
    if (!version) throw DatasheetsErrors.VERSION_NOT_FOUND('Datasheet version not found', { field });
    return version;
  }
}

function assertStep(version: DatasheetVersion, step: keyof typeof ALLOWED_FROM): void {
  if (!ALLOWED_FROM[step].includes(version.state)) {
    throw DatasheetsErrors.DATASHEET_TRANSITION_INVALID(`a ${version.state} version cannot become ${TARGET[step]}`, { details: { from: version.state, to: TARGET[step] } });
  }
}

function contentOf(characteristics: string, texts: ReadonlyArray<Pick<DatasheetTextInput, 'language' | 'title' | 'description'>>): VersionContent {
  return { characteristics, texts: texts.map(({ language, title, description }) => ({ language, title, description })) };
}
