import { Injectable } from '@nestjs/common';
import { holdsRole, Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { BadUserInputError, Clock, NotFoundError, RequestContext, TransactionRunner } from '@chancery/core';
import { cleanFileName, DocumentErrors, DocumentsService, mediaTypeOf, StoredDocument, typeMismatch } from '@chancery/documents';
import { PartyDirectoryService, Tenant, TenantDirectoryService, TenantKind } from '@chancery/identity';
import { canSee } from '@chancery/policy';
import { ApplicationStep, APPLICATION_STEPS, assertEditable, assertStep, assertTransition } from '../application-workflow';
import { CertificateErrors } from '../certificates.errors';
import { ApplicationState, CertificateApplication, CertificateLanguage, GoodsLine, SavedConsignee } from '../entities/certificate-application.entity';
import type { RevocationReason } from '../entities/certificate.entity';
import { CertificateApplicationContentInput, ConsigneeInput, CreateCertificateApplicationInput, UpdateCertificateApplicationInput } from '../inputs/certificate.inputs';
import { ApplicationContent, ApplicationRepository } from '../repositories/application.repository';
import { ApplicationNotices } from './application-notices';
import { deleteSupportingDocumentsNoLongerNamed } from './supporting-document-files';
import { describeCharacters, PrintedExporter, unprintableExporterFields } from '../pdf/printable-text';

const REQUIRED_ON_CREATE = ['language', 'consignee', 'countryOfOrigin'] as const;
/** Invoices, packing lists, transport documents, a few certificates: 30 files of up to 10 MB each is plenty, and bounds the storage one draft takes. */
export const MAX_SUPPORTING_DOCUMENTS = 30;

/**
 * Applications for certificates of origin and their review (SPEC §2): the company drafts and submits,
 * one clerk claims and decides. Each step locks the application, checks the transition in
 * `application-workflow.ts`, writes the audit log and the company's notice in the same transaction.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly applications: ApplicationRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditLog,
    private readonly notices: ApplicationNotices,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly tenants: TenantDirectoryService,
    private readonly parties: PartyDirectoryService,
  ) {}

  async create(input: CreateCertificateApplicationInput): Promise<CertificateApplication> {
    const { tenantId, organisationId, actorId } = this.exporter();
    return this.transactions.run(async () => {
      await assertChamberOfCommerce(this.tenants, tenantId);
      let base: Partial<ApplicationContent> = {};
      if (input.fromApplicationId) {
        const previous = await this.visible(input.fromApplicationId);
        if (previous.organisationId !== organisationId) throw new NotFoundError('Certificate application');
        base = contentOf(previous);
        base.declarationAccepted = false;
        base.supportingDocumentIds = [];
      }
      const content = { ...defaults(), ...base, ...changesFrom(input) } as ApplicationContent;
      const missing = REQUIRED_ON_CREATE.filter((field) => (field === 'consignee' ? !content.consigneeName : !content[field]));
      if (missing.length) throw new BadUserInputError(missing.map((field) => ({ field: `input.${field}`, reason: 'is required (or comes from fromApplicationId)', constraint: 'isDefined' })));
      const created = await this.applications.insert({ ...content, tenantId, organisationId, createdBy: actorId, replacesCertificateId: null, startedFromApplicationId: input.fromApplicationId ?? null }, this.clock.now());
      await this.audit.record({ action: 'certificates.application.created', subjectType: 'CertificateApplication', subjectId: created.id, details: { fromApplicationId: input.fromApplicationId ?? null } });
      return this.withDocuments(created);
    });
  }

  /** A new draft prefilled from an issued certificate's application; issuing it supersedes that certificate. In the caller's unit. */
  async createReplacement(source: CertificateApplication, certificateId: string): Promise<CertificateApplication> {
    const { actorId } = this.exporter();
    if (await this.applications.openReplacementOf(certificateId)) throw CertificateErrors.REPLACEMENT_PENDING('A replacement of this certificate is already in progress');
    const content = { ...contentOf(source), declarationAccepted: false };
    const created = await this.applications.insert({ ...content, tenantId: source.tenantId, organisationId: source.organisationId, createdBy: actorId, replacesCertificateId: certificateId, startedFromApplicationId: null }, this.clock.now());
    await this.audit.record({ action: 'certificates.application.replacementStarted', subjectType: 'CertificateApplication', subjectId: created.id, details: { replacesCertificateId: certificateId } });
    return created;
  }

  async update(input: UpdateCertificateApplicationInput): Promise<CertificateApplication> {
    const { organisationId } = this.exporter();
    return this.transactions.run(async () => {
      const application = await this.visible(input.applicationId, true);
      if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
      assertEditable(application.state);
      const changes = changesFrom(input);
      if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'names no field to change', 'NOTHING_TO_CHANGE');
      const updated = await this.applications.updateContent(application.id, changes, this.clock.now());
      await this.audit.record({ action: 'certificates.application.edited', subjectType: 'CertificateApplication', subjectId: application.id, details: { fields: Object.keys(changes).sort().join(',') } });
      return this.withDocuments(updated);
    });
  }

  /** Attaches an uploaded supporting document (bytes checked by the documents context). */
  async attachDocument(applicationId: string, rawFileName: string, bytes: Buffer, declaredType?: string): Promise<CertificateApplication> {
    const { organisationId } = this.exporter();
    // The name and type checks of datasheet attachments: a clerk must not open `\u202Efdp.exe` shown as `exe.pdf`.
    const { name: fileName, problem } = cleanFileName(rawFileName);
    if (problem !== undefined) throw DocumentErrors.DOCUMENT_NAME_INVALID(problem, { field: 'file.name' });
    const found = mediaTypeOf(bytes);
    const mismatch = found ? typeMismatch(fileName, found, declaredType) : undefined;
    if (mismatch) throw DocumentErrors.DOCUMENT_TYPE_MISMATCH(mismatch, { field: 'file', details: { found } });
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
      assertEditable(application.state);
      // Checked on the locked application: uploads sent together cannot all pass a count taken before them.
      if (application.supportingDocumentIds.length >= MAX_SUPPORTING_DOCUMENTS) {
        throw CertificateErrors.TOO_MANY_SUPPORTING_DOCUMENTS(`An application holds at most ${MAX_SUPPORTING_DOCUMENTS} supporting documents`, { field: 'file', details: { limit: MAX_SUPPORTING_DOCUMENTS } });
      }
      const document = await this.documents.store({ tenantId: application.tenantId, organisationId, kind: 'SUPPORTING_DOCUMENT', fileName, bytes });
      const updated = await this.applications.updateContent(application.id, { supportingDocumentIds: [...application.supportingDocumentIds, document.id] }, this.clock.now());
      await this.audit.record({ action: 'certificates.application.documentAttached', subjectType: 'CertificateApplication', subjectId: application.id, details: { documentId: document.id, sha256: document.sha256 } });
      return this.withDocuments(updated);
    });
  }

  /**
   * Takes a supporting document off an application the company may still change (a file uploaded by
   * mistake). The file is deleted, record and bytes, unless another application still names it: a
   * replacement names its certificate's files, which stay with the certificate as evidence.
   */
  async removeDocument(applicationId: string, documentId: string): Promise<CertificateApplication> {
    const { organisationId } = this.exporter();
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
      if (!application.supportingDocumentIds.includes(documentId)) throw new NotFoundError('Document');
      assertEditable(application.state);
      const remaining = application.supportingDocumentIds.filter((id) => id !== documentId);
      const updated = await this.applications.updateContent(application.id, { supportingDocumentIds: remaining }, this.clock.now());
      const fileDeleted = (await deleteSupportingDocumentsNoLongerNamed(this.applications, this.documents, [documentId])) > 0;
      await this.audit.record({ action: 'certificates.application.documentRemoved', subjectType: 'CertificateApplication', subjectId: application.id, details: { documentId, fileDeleted } });
      return this.withDocuments(updated);
    });
  }

  /**
   * Deletes a draft the company never submitted (begun by mistake), with its supporting documents
   * that no other application names. Anything submitted is the chamber's file: NOT_A_DRAFT.
   */
  async deleteDraft(applicationId: string): Promise<string> {
    const { organisationId } = this.exporter();
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
      if (application.state !== ApplicationState.DRAFT || application.submittedAt || !(await this.applications.deleteUnsubmittedDraft(application.id))) {
        throw CertificateErrors.NOT_A_DRAFT(`An application in state ${application.state} was submitted to the chamber and cannot be deleted`, { details: { state: application.state } });
      }
      const filesDeleted = await deleteSupportingDocumentsNoLongerNamed(this.applications, this.documents, application.supportingDocumentIds);
      await this.audit.record({ action: 'certificates.application.draftDeleted', subjectType: 'CertificateApplication', subjectId: application.id, details: { filesDeleted } });
      return application.id;
    });
  }

  /**
   * DRAFT or CHANGES_REQUESTED → SUBMITTED. Resubmitting an application sent back for changes takes the
   * company's reply to the clerk (required: the clerk asked something, and without a place for the answer
   * companies wrote it in the remarks, which the signed certificate prints). The reply is the exchange's,
   * never the certificate's: kept on the application beside the review comment, not printed nor signed.
   * A first submission has nobody to answer and takes none.
   */
  async submit(applicationId: string, reply?: string): Promise<CertificateApplication> {
    const { organisationId } = this.exporter();
    return this.transactions.run(async () => {
      // The certificate prints the company's name and address from its profile: refused here, where the company can correct it.
      const profile = await this.parties.companyProfile(organisationId);
      if (!profile) throw new NotFoundError('Certificate application');
      assertExporterPrintable(profile);
      return this.step(applicationId, 'submit', (application) => {
        if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
        const answersChangeRequest = application.state === ApplicationState.CHANGES_REQUESTED;
        if (answersChangeRequest && reply === undefined) {
          throw CertificateErrors.REPLY_REQUIRED("Answer the chamber's comment before resubmitting (it is not printed on the certificate)", { field: 'reply' });
        }
        if (!answersChangeRequest && reply !== undefined) {
          throw CertificateErrors.NO_CHANGES_REQUESTED('The chamber has not asked for changes to this application: there is nothing to reply to', { field: 'reply', details: { state: application.state } });
        }
        if (!application.declarationAccepted) throw CertificateErrors.DECLARATION_REQUIRED("Accept the exporter's declaration first", { field: 'input.declarationAccepted' });
        if (application.goods.length === 0) throw CertificateErrors.GOODS_REQUIRED('Add at least one goods line first', { field: 'input.goods' });
        // The exporter as submitted is what the clerk reviews and the signature certifies, whatever the profile says later.
        const answer = answersChangeRequest ? { companyReply: reply!, companyRepliedAt: this.clock.now() } : {};
        return { submittedAt: this.clock.now(), claimedBy: null, ...answer, ...exporterAsSubmitted(profile) };
      });
    });
  }

  /**
   * SUBMITTED or CHANGES_REQUESTED → WITHDRAWN: the company takes its application back before a clerk
   * works on it, or instead of making the changes asked for (the shipment was cancelled). Once a clerk
   * has claimed it, the chamber decides. No certificate, and no further step; kept as an abandoned one.
   */
  withdraw(applicationId: string): Promise<CertificateApplication> {
    const { organisationId } = this.exporter();
    return this.step(applicationId, 'withdraw', (application) => {
      if (application.organisationId !== organisationId) throw new NotFoundError('Certificate application');
      return {};
    });
  }

  /** One clerk takes the application; another clerk's claim is refused until it is decided. */
  async claim(applicationId: string): Promise<CertificateApplication> {
    const clerk = this.staffId();
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      if (application.state === ApplicationState.IN_REVIEW) {
        if (application.claimedBy === clerk) return this.withDocuments(application);
        throw CertificateErrors.CLAIMED_BY_ANOTHER_CLERK('Another clerk is reviewing this application');
      }
      assertStep('claim', application.state);
      return this.transition(application, ApplicationState.IN_REVIEW, { claimedBy: clerk });
    });
  }

  /**
   * IN_REVIEW → SUBMITTED, the claim cleared: back to the queue for any clerk. The clerk who claimed it
   * releases their own claim; the tenant admin releases anyone's (a clerk who is away). Another clerk
   * is refused as when deciding on it.
   */
  async release(applicationId: string): Promise<CertificateApplication> {
    const staff = this.staffId();
    const admin = holdsRole(this.context.actor.roles, Role.TENANT_ADMIN);
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      assertStep('release', application.state);
      if (application.claimedBy !== staff && !admin) {
        throw CertificateErrors.CLAIMED_BY_ANOTHER_CLERK('Only the clerk who claimed the application, or the tenant admin, releases it');
      }
      return this.transition(application, ApplicationState.SUBMITTED, { claimedBy: null }, undefined, { releasedClaimOf: application.claimedBy });
    });
  }

  requestChanges(applicationId: string, comment: string): Promise<CertificateApplication> {
    return this.decide(applicationId, 'requestChanges', { reviewComment: comment });
  }

  reject(applicationId: string, reason: string): Promise<CertificateApplication> {
    return this.decide(applicationId, 'reject', { rejectionReason: reason });
  }

  approve(applicationId: string): Promise<CertificateApplication> {
    return this.decide(applicationId, 'approve', {});
  }

  /**
   * A supporting document of an application, for whoever sees the application: its company, and the
   * tenant's staff once it is submitted (a draft is the company's alone). Anything else, another
   * tenant's included, is NOT_FOUND. The bytes are checked against their checksum on the way out.
   */
  async supportingDocument(applicationId: string, documentId: string): Promise<{ document: StoredDocument; bytes: Buffer }> {
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId);
      if (!application.supportingDocumentIds.includes(documentId)) throw new NotFoundError('Document');
      const found = await this.documents.read(documentId);
      // Attached by this company as a supporting document: a listed id never reaches another company's file or a certificate PDF.
      if (found.document.kind !== 'SUPPORTING_DOCUMENT' || found.document.organisationId !== application.organisationId) throw new NotFoundError('Document');
      return found;
    });
  }

  async get(applicationId: string): Promise<CertificateApplication> {
    return this.transactions.run(async () => this.withDocuments(await this.visible(applicationId)));
  }

  /**
   * The company's applications (company users) or the tenant's queue without drafts (staff); staff
   * may ask for one company's (without drafts, in the company's order), and a company user naming
   * another company than its own gets none.
   */
  async list(state: ApplicationState | undefined, first: number, after: string | null, organisationId: string | null = null): Promise<CertificateApplication[]> {
    const actor = this.context.actor;
    return this.transactions.run(async () => {
      const found = actor.organisationId
        ? organisationId === null || organisationId.toLowerCase() === actor.organisationId
          ? await this.applications.listOfOrganisation(actor.organisationId, state ?? null, first, after, false)
          : []
        : holdsRole(actor.roles, ...TENANT_STAFF_ROLES)
          ? organisationId === null
            ? await this.applications.listOfTenantQueue(state ?? null, first, after)
            : await this.applications.listOfOrganisation(organisationId, state ?? null, first, after, true)
          : [];
      return this.withDocumentsOfAll(found);
    });
  }

  /**
   * The tenant's applications but drafts (as its staff see the queue), for the operator under a
   * support grant: only inside privacy's `duringSupportGrant` unit, where the database opened the
   * grant's tenant alone, read only.
   */
  async listUnderSupportGrant(first: number): Promise<CertificateApplication[]> {
    this.assertSupportGrantUnit();
    return this.applications.listOfTenantQueue(null, first, null);
  }

  /** One application of the tenant (not a draft: the company's alone), under a support grant; else NOT_FOUND. */
  async oneUnderSupportGrant(applicationId: string): Promise<CertificateApplication> {
    this.assertSupportGrantUnit();
    const application = await this.applications.findById(applicationId);
    if (!application || application.state === ApplicationState.DRAFT) throw new NotFoundError('Certificate application');
    return application;
  }

  /** These reads check no actor: the unit's scope (the grant the database checked) is what limits them. */
  private assertSupportGrantUnit(): void {
    if (this.context.unitOfWork?.scope.mode !== 'support') throw new Error('read under a support grant outside a support-grant unit of work');
  }

  async saveConsignee(consignee: ConsigneeInput): Promise<SavedConsignee> {
    const { tenantId, organisationId } = this.exporter();
    return this.transactions.run(() => this.applications.saveConsignee({ tenantId, organisationId, name: consignee.name, address: consignee.address, country: consignee.country }));
  }

  /** Takes a consignee (often a person's name and address) out of the company's address book (rule SAVED_CONSIGNEE: until the company removes it). */
  async removeSavedConsignee(consigneeId: string): Promise<string> {
    const { organisationId } = this.exporter();
    return this.transactions.run(async () => {
      if (!(await this.applications.deleteConsignee(consigneeId, organisationId))) throw new NotFoundError('Saved consignee');
      await this.audit.record({ action: 'certificates.consignee.removed', subjectType: 'SavedConsignee', subjectId: consigneeId });
      return consigneeId;
    });
  }

  async savedConsignees(): Promise<SavedConsignee[]> {
    const { organisationId } = this.exporter();
    return this.transactions.run(() => this.applications.consigneesOf(organisationId));
  }

  /**
   * The application if the caller may see it (a draft: its company only), else NOT_FOUND. In the
   * caller's unit. Locked (`forUpdate`) means about to change: one whose record was destroyed after its
   * retention period (an abandoned one sent back for changes is still in an editable state) is a
   * CONFLICT, never changed again.
   */
  async visible(applicationId: string, forUpdate = false): Promise<CertificateApplication> {
    const application = await this.applications.findById(applicationId, forUpdate);
    if (!application || !canSee(this.context.actor, CertificateApplication, application)) throw new NotFoundError('Certificate application');
    if (forUpdate && application.destroyedAt) throw CertificateErrors.RECORD_DESTROYED('The application’s record was destroyed after its retention period', { details: { state: application.state } });
    return application;
  }

  /** Moves a locked application on, with its audit entry and the company's notice. In the caller's unit. */
  async transition(
    application: CertificateApplication, to: ApplicationState, changes: Partial<CertificateApplication> = {}, number?: string, auditDetails: Record<string, string | null> = {},
  ): Promise<CertificateApplication> {
    assertTransition(application.state, to);
    const updated = await this.applications.updateWorkflow(application.id, { ...changes, state: to }, this.clock.now());
    // A claim released is named as such in the trail (the state is SUBMITTED again, nobody submitted it).
    const released = application.state === ApplicationState.IN_REVIEW && to === ApplicationState.SUBMITTED;
    await this.audit.record({
      action: `certificates.application.${released ? 'released' : to.toLowerCase()}`, subjectType: 'CertificateApplication', subjectId: application.id,
      details: { from: application.state, to, ...(changes.certificateId ? { certificateId: changes.certificateId } : {}), ...auditDetails },
    });
    await this.notices.stateChanged(updated, number, { tellCompany: !released });
    return this.withDocuments(updated);
  }

  /** The company user who applied for a certificate is told of its revocation (in the revocation's unit of work). */
  async tellCertificateRevoked(certificate: { applicationId: string; number: string }, reason: RevocationReason): Promise<void> {
    const application = await this.applications.findById(certificate.applicationId);
    if (application) await this.notices.certificateRevoked(application, certificate.number, reason);
  }

  /**
   * The open replacement of a certificate, locked. Taken before the certificate's own lock, in the order
   * signing takes them (the application, then the certificate it replaces): a revocation and the
   * signature of its replacement at the same moment would otherwise wait for each other (a deadlock).
   */
  lockOpenReplacementsOf(certificateId: string): Promise<CertificateApplication[]> {
    return this.applications.openReplacementsOf(certificateId);
  }

  /**
   * Closes the open replacement of a certificate being revoked, within the revocation's unit of work: a
   * replacement supersedes an issued certificate (SPEC §2), and a revoked one can never be superseded,
   * so the replacement could never be signed (an approved application has no other way out). It is
   * rejected, whatever its state, with the reason; the company is told as of any rejection and may start
   * a new application from it. Not a step anyone takes: the revocation's consequence, audited as such.
   */
  async closeReplacementsOfRevoked(replacements: readonly CertificateApplication[], certificate: { id: string; number: string }, reason: string): Promise<void> {
    for (const replacement of replacements) {
      const rejectionReason = `The certificate this application replaces, ${certificate.number}, was revoked (${reason}); start a new application from this one if the goods still need a certificate.`;
      const updated = await this.applications.updateWorkflow(replacement.id, { state: ApplicationState.REJECTED, rejectionReason }, this.clock.now());
      await this.audit.record({
        action: 'certificates.application.rejected', subjectType: 'CertificateApplication', subjectId: replacement.id,
        details: { from: replacement.state, to: ApplicationState.REJECTED, cause: 'REPLACED_CERTIFICATE_REVOKED', certificateNumber: certificate.number },
      });
      await this.notices.stateChanged(updated);
    }
  }

  async withDocuments(application: CertificateApplication): Promise<CertificateApplication> {
    application.supportingDocuments = await this.documents.describe(application.supportingDocumentIds);
    return application;
  }

  /** The documents of a whole page of applications in one query, not one per application. */
  private async withDocumentsOfAll(applications: CertificateApplication[]): Promise<CertificateApplication[]> {
    const byId = new Map((await this.documents.describe(applications.flatMap((a) => a.supportingDocumentIds))).map((d) => [d.id, d]));
    for (const application of applications) {
      application.supportingDocuments = application.supportingDocumentIds.flatMap((id) => byId.get(id) ?? []);
    }
    return applications;
  }

  private async decide(applicationId: string, step: ApplicationStep, changes: Partial<CertificateApplication>): Promise<CertificateApplication> {
    const clerk = this.staffId();
    return this.step(applicationId, step, (application) => {
      if (application.state === ApplicationState.IN_REVIEW && application.claimedBy !== clerk) {
        throw CertificateErrors.CLAIMED_BY_ANOTHER_CLERK('Only the clerk who claimed the application decides on it');
      }
      return { ...changes, reviewedBy: clerk };
    });
  }

  private step(applicationId: string, step: ApplicationStep, check: (a: CertificateApplication) => Partial<CertificateApplication>): Promise<CertificateApplication> {
    return this.transactions.run(async () => {
      const application = await this.visible(applicationId, true);
      assertStep(step, application.state);
      return this.transition(application, APPLICATION_STEPS[step].to, check(application));
    });
  }

  private exporter(): { tenantId: string; organisationId: string; actorId: string } {
    const actor = this.context.actor;
    if (!actor.tenantId || !actor.organisationId || !actor.id) throw CertificateErrors.NOT_A_CHAMBER_CASE('Only a user of a company applies for certificates');
    return { tenantId: actor.tenantId, organisationId: actor.organisationId, actorId: actor.id };
  }

  private staffId(): string {
    const actor = this.context.actor;
    if (actor.kind !== 'user' || !actor.id || !actor.tenantId || actor.organisationId || !holdsRole(actor.roles, Role.CLERK, Role.TENANT_ADMIN, Role.SIGNER)) {
      throw CertificateErrors.NOT_A_CHAMBER_CASE('Only the tenant’s staff review applications');
    }
    return actor.id;
  }
}

function defaults(): Partial<ApplicationContent> {
  return { language: CertificateLanguage.EN, transportDetails: '', goods: [], invoiceReferences: [], remarks: '', declarationAccepted: false, supportingDocumentIds: [] };
}

function contentOf(a: CertificateApplication): ApplicationContent {
  return {
    language: a.language, consigneeName: a.consigneeName, consigneeAddress: a.consigneeAddress, consigneeCountry: a.consigneeCountry, countryOfOrigin: a.countryOfOrigin,
    transportDetails: a.transportDetails, goods: a.goods.map((g) => ({ ...g })), invoiceReferences: [...a.invoiceReferences], remarks: a.remarks,
    declarationAccepted: a.declarationAccepted, supportingDocumentIds: [...a.supportingDocumentIds],
  };
}

function changesFrom(input: CertificateApplicationContentInput): Partial<ApplicationContent> {
  const changes: Partial<ApplicationContent> = {};
  if (input.language !== undefined) changes.language = input.language;
  if (input.consignee !== undefined) Object.assign(changes, { consigneeName: input.consignee.name, consigneeAddress: input.consignee.address, consigneeCountry: input.consignee.country.toUpperCase() });
  if (input.countryOfOrigin !== undefined) changes.countryOfOrigin = input.countryOfOrigin.toUpperCase();
  if (input.transportDetails !== undefined) changes.transportDetails = input.transportDetails;
  if (input.goods !== undefined) changes.goods = input.goods.map((g) => Object.assign(new GoodsLine(), { ...g }));
  if (input.invoiceReferences !== undefined) changes.invoiceReferences = input.invoiceReferences;
  if (input.remarks !== undefined) changes.remarks = input.remarks;
  if (input.declarationAccepted !== undefined) changes.declarationAccepted = input.declarationAccepted;
  return changes;
}

/** Certificates of origin are a chamber of commerce's (SPEC §1–2): a certification body's space has none. In the caller's unit. */
export async function assertChamberOfCommerce(tenants: TenantDirectoryService, tenantId: string): Promise<Tenant> {
  const [tenant] = await tenants.findByIds([tenantId]);
  if (!tenant?.kinds.includes(TenantKind.CHAMBER_OF_COMMERCE)) throw CertificateErrors.NOT_A_CHAMBER_OF_COMMERCE('Certificates of origin are issued in a chamber of commerce’s space only');
  return tenant;
}

/** CONFLICT EXPORTER_NOT_PRINTABLE when the company profile's printed details have characters the certificate font lacks. */
/** The exporter as the certificate prints it, from the company profile at submission. */
export function exporterAsSubmitted(profile: PrintedExporter & { country: string }): Pick<CertificateApplication, 'exporterName' | 'exporterAddress' | 'exporterCountry'> {
  return { exporterName: profile.name, exporterAddress: `${profile.street}, ${profile.postalCode} ${profile.city}`, exporterCountry: profile.country };
}

export function assertExporterPrintable(exporter: PrintedExporter | null): void {
  if (!exporter) return;
  const { fields, characters } = unprintableExporterFields(exporter);
  if (fields.length === 0) return;
  throw CertificateErrors.EXPORTER_NOT_PRINTABLE(
    `The company profile (${fields.join(', ')}) has characters the certificate cannot print: ${describeCharacters(characters)}; the company corrects its profile with Latin, Greek or Cyrillic letters`,
    { details: { fields, characters } },
  );
}
