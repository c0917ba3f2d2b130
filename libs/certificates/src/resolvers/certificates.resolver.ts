import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { HttpRequest } from '@chancery/core';
import { Allow, Permission, Public } from '@chancery/access';
import { CertificateApplication, SavedConsignee } from '../entities/certificate-application.entity';
import { BillableLine, Certificate, CertificateCopy, ProcessingStatistic } from '../entities/certificate.entity';
import { CertificatePublicKey, CertificateSettings, CertificateVerification } from '../entities/public-verification.types';
import {
  ApplicationIdArgs,
  ApplicationListArgs,
  BillingMonthArgs,
  CertificateIdArgs,
  CertificateListArgs,
  CertificateSettingsInput,
  ConsigneeInput,
  CreateCertificateApplicationInput,
  RejectArgs,
  ReviewCommentArgs,
  RevokeArgs,
  SavedConsigneeIdArgs,
  SignArgs,
  SubmitApplicationArgs,
  StatisticsArgs,
  SupportingDocumentArgs,
  TenantSlugArgs,
  UpdateCertificateApplicationInput,
  VerifyCertificateArgs,
  VerifySignedCertificateArgs,
} from '../inputs/certificate.inputs';
import { ApplicationsService } from '../services/applications.service';
import { CertificateReportsService } from '../services/certificate-reports.service';
import { CertificatesService } from '../services/certificates.service';
import { SigningKeysService } from '../services/signing-keys.service';
import { VerificationService } from '../services/verification.service';

/** Certificates of origin over GraphQL: thin, one rule per operation, the services decide. */
@Resolver(() => CertificateApplication)
export class CertificatesResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly certificates: CertificatesService,
    private readonly reports: CertificateReportsService,
    private readonly keys: SigningKeysService,
    private readonly verification: VerificationService,
  ) {}

  // Applications ---------------------------------------------------------------------------------

  @Allow(Permission.ReadCertificates)
  @Query(() => [CertificateApplication], {
    description:
      "The company's applications, newest first; or the tenant's (staff, without drafts): the chamber's work (submitted, in review, approved) first, oldest submission first, then the others, newest submission first; or, for staff, one company's (without drafts), newest first.",
  })
  certificateApplications(@Args() { state, first, after, organisationId }: ApplicationListArgs): Promise<CertificateApplication[]> {
    return this.applications.list(state, first, after ?? null, organisationId ?? null);
  }

  @Allow(Permission.ReadCertificates)
  @Query(() => CertificateApplication)
  certificateApplication(@Args() { applicationId }: ApplicationIdArgs): Promise<CertificateApplication> {
    return this.applications.get(applicationId);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, { description: 'A new draft; start from a previous application or a saved consignee to repeat an export.' })
  createCertificateApplication(@Args('input') input: CreateCertificateApplicationInput): Promise<CertificateApplication> {
    return this.applications.create(input);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, { description: 'Changes a draft, or an application whose changes were requested.' })
  updateCertificateApplication(@Args('input') input: UpdateCertificateApplicationInput): Promise<CertificateApplication> {
    return this.applications.update(input);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, {
    description: 'Takes a supporting document off a draft, or an application whose changes were requested; the file is deleted unless another application names it (a replacement names its certificate’s files).',
  })
  removeSupportingDocument(@Args() { applicationId, documentId }: SupportingDocumentArgs): Promise<CertificateApplication> {
    return this.applications.removeDocument(applicationId, documentId);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => ID, { description: 'Deletes a draft never submitted, with its supporting documents; returns its id. A submitted application is the chamber’s file and stays.' })
  deleteCertificateApplicationDraft(@Args() { applicationId }: ApplicationIdArgs): Promise<string> {
    return this.applications.deleteDraft(applicationId);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, { description: "DRAFT or CHANGES_REQUESTED → SUBMITTED: to the tenant's queue; from CHANGES_REQUESTED with the company's reply to the clerk." })
  submitCertificateApplication(@Args() { applicationId, reply }: SubmitApplicationArgs): Promise<CertificateApplication> {
    return this.applications.submit(applicationId, reply);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, { description: 'SUBMITTED or CHANGES_REQUESTED → WITHDRAWN: the company takes its application back before a clerk works on it (no certificate, no further step).' })
  withdrawCertificateApplication(@Args() { applicationId }: ApplicationIdArgs): Promise<CertificateApplication> {
    return this.applications.withdraw(applicationId);
  }

  @Allow(Permission.ReviewCertificateApplications)
  @Mutation(() => CertificateApplication, { description: 'SUBMITTED → IN_REVIEW, claimed by the calling clerk alone.' })
  claimCertificateApplication(@Args() { applicationId }: ApplicationIdArgs): Promise<CertificateApplication> {
    return this.applications.claim(applicationId);
  }

  @Allow(Permission.ReleaseCertificateApplications)
  @Mutation(() => CertificateApplication, { description: "IN_REVIEW → SUBMITTED, the claim cleared: back to the queue. The claiming clerk's own claim, or anyone's for the tenant admin." })
  releaseCertificateApplication(@Args() { applicationId }: ApplicationIdArgs): Promise<CertificateApplication> {
    return this.applications.release(applicationId);
  }

  @Allow(Permission.ReviewCertificateApplications)
  @Mutation(() => CertificateApplication, { description: 'IN_REVIEW → CHANGES_REQUESTED, with comments for the company.' })
  requestCertificateApplicationChanges(@Args() { applicationId, comment }: ReviewCommentArgs): Promise<CertificateApplication> {
    return this.applications.requestChanges(applicationId, comment);
  }

  @Allow(Permission.ReviewCertificateApplications)
  @Mutation(() => CertificateApplication, { description: 'IN_REVIEW → REJECTED, with a reason.' })
  rejectCertificateApplication(@Args() { applicationId, reason }: RejectArgs): Promise<CertificateApplication> {
    return this.applications.reject(applicationId, reason);
  }

  @Allow(Permission.ReviewCertificateApplications)
  @Mutation(() => CertificateApplication, { description: 'IN_REVIEW → APPROVED: ready for a signer.' })
  approveCertificateApplication(@Args() { applicationId }: ApplicationIdArgs): Promise<CertificateApplication> {
    return this.applications.approve(applicationId);
  }

  @Allow(Permission.ApplyForCertificates)
  @Query(() => [SavedConsignee])
  savedConsignees(): Promise<SavedConsignee[]> {
    return this.applications.savedConsignees();
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => SavedConsignee)
  saveConsignee(@Args('input') input: ConsigneeInput): Promise<SavedConsignee> {
    return this.applications.saveConsignee(input);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => ID, { description: "Takes a consignee out of the company's address book; returns its id. Applications keep the consignee they were made for." })
  removeSavedConsignee(@Args() { consigneeId }: SavedConsigneeIdArgs): Promise<string> {
    return this.applications.removeSavedConsignee(consigneeId);
  }

  // Certificates ---------------------------------------------------------------------------------

  @Allow(Permission.SignCertificates)
  @Mutation(() => Certificate, { description: 'APPROVED → ISSUED: number, frozen content, signature. Idempotent per application and key.' })
  signCertificate(@Args() { applicationId, idempotencyKey }: SignArgs): Promise<Certificate> {
    return this.certificates.sign(applicationId, idempotencyKey);
  }

  @Allow(Permission.RevokeCertificates)
  @Mutation(() => Certificate, { description: 'ISSUED → REVOKED, with a reason code (shown by the public verification).' })
  revokeCertificate(@Args() { certificateId, reason }: RevokeArgs): Promise<Certificate> {
    return this.certificates.revoke(certificateId, reason);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateApplication, { description: 'A new draft prefilled from the certificate; issuing it supersedes the certificate.' })
  replaceCertificate(@Args() { certificateId }: CertificateIdArgs): Promise<CertificateApplication> {
    return this.certificates.replace(certificateId);
  }

  @Allow(Permission.ApplyForCertificates)
  @Mutation(() => CertificateCopy, { description: 'A copy (duplicate) of an issued certificate: numbered, billed and printed as a copy.' })
  requestCertificateCopy(@Args() { certificateId }: CertificateIdArgs): Promise<CertificateCopy> {
    return this.certificates.requestCopy(certificateId);
  }

  @Allow(Permission.ReadCertificates)
  @Query(() => [Certificate], { name: 'certificatesOfOrigin', description: "The company's certificates (company users) or the tenant's (staff), newest first." })
  certificatesOfOrigin(@Args() { first, after, number }: CertificateListArgs): Promise<Certificate[]> {
    return this.certificates.list(first, after ?? null, number?.trim().toUpperCase() ?? null);
  }

  @Allow(Permission.ReadCertificates)
  @Query(() => Certificate, { name: 'certificateOfOrigin' })
  certificateOfOrigin(@Args() { certificateId }: CertificateIdArgs): Promise<Certificate> {
    return this.certificates.get(certificateId);
  }

  // Tenant administration ------------------------------------------------------------------------

  @Allow(Permission.ReadCertificateSettings)
  @Query(() => CertificateSettings, { nullable: true })
  certificateSettings(): Promise<CertificateSettings | null> {
    return this.reports.settings();
  }

  @Allow(Permission.ManageCertificateSettings)
  @Mutation(() => CertificateSettings)
  setCertificateSettings(@Args('input') input: CertificateSettingsInput): Promise<CertificateSettings> {
    return this.reports.saveSettings(input);
  }

  @Allow(Permission.ManageCertificateSettings)
  @Mutation(() => CertificatePublicKey, { description: 'Retires the signing key and makes a new one; the old one still verifies what it signed.' })
  rotateCertificateSigningKey(): Promise<CertificatePublicKey> {
    return this.keys.rotate();
  }

  @Allow(Permission.ReadCertificateBilling)
  @Query(() => [BillableLine], { description: 'Fees of issued certificates and copies in a month, per company (the invoicing export).' })
  certificateBillableLines(@Args() { month, organisationId }: BillingMonthArgs): Promise<BillableLine[]> {
    return this.reports.billableLines(month, organisationId);
  }

  @Allow(Permission.ReadProcessingStatistics)
  @Query(() => [ProcessingStatistic], { description: 'Applications processed per month: one’s own; anyone’s of the tenant for its administrator.' })
  certificateProcessingStatistics(@Args() { userId }: StatisticsArgs): Promise<ProcessingStatistic[]> {
    return this.reports.statistics(userId);
  }

  // Public verification --------------------------------------------------------------------------

  @Public()
  @Query(() => CertificateVerification, { description: 'Authenticity and status by number and verification code; no person is shown.' })
  verifyCertificate(@Args() { number, code }: VerifyCertificateArgs, @Context('req') request: HttpRequest): Promise<CertificateVerification> {
    return this.verification.verify(number, code, request.ip ?? 'unknown');
  }

  @Public()
  @Query(() => CertificateVerification, { description: 'Checks a signed certificate (payload, signature, key id) against the published key, and its status.' })
  verifySignedCertificate(@Args() { payload, signature, kid }: VerifySignedCertificateArgs): Promise<CertificateVerification> {
    return this.verification.verifySigned(payload, signature, kid);
  }

  @Public()
  @Query(() => [CertificatePublicKey], { description: "A chamber's public signing keys (JWK OKP/Ed25519), active and retired." })
  certificateSigningKeys(@Args() { tenantSlug }: TenantSlugArgs): Promise<CertificatePublicKey[]> {
    return this.keys.publicKeys(tenantSlug);
  }
}

