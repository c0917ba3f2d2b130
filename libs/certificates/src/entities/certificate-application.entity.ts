import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { anyone, Internal, NotPersonalData, ownOrganisation, PersonalData, PolicyEntity, Readable, staffOfOwnTenant } from '@chancery/policy';
import { StoredDocument } from '@chancery/documents';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { APPLICANT, COMPANY_REPLY, CONSIGNEE_ADDRESS, CONSIGNEE_DETAILS, EXPORTER_AS_SUBMITTED, SAVED_CONSIGNEE, STAFF_HANDLING_APPLICATION, STAFF_NOTE } from './personal-data.declarations';

/** The states of an application (SPEC §2); the transitions between them are in `application-workflow.ts`. */
export enum ApplicationState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  REJECTED = 'REJECTED',
  APPROVED = 'APPROVED',
  ISSUED = 'ISSUED',
  /** Taken back by the company before a decision (the shipment was cancelled): no certificate, and no more steps. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationState, { name: 'ApplicationState' });

/** The language the certificate is printed in. */
export enum CertificateLanguage {
  NL = 'NL',
  FR = 'FR',
  DE = 'DE',
  EN = 'EN',
}
registerEnumType(CertificateLanguage, { name: 'CertificateLanguage' });

/** One line of goods on the certificate. Reachable only through CertificateApplication.goods, which is policed itself. */
@ObjectType()
@PolicyEntity<GoodsLine>({ name: 'GoodsLine', visibleTo: [anyone()], relations: {} })
export class GoodsLine {
  @Readable(anyone()) @NotPersonalData('description of traded goods') @Field(() => String) description: string;
  @Readable(anyone()) @NotPersonalData('customs tariff code') @Field(() => String, { description: 'Harmonized System code, 6 to 10 digits.' }) hsCode: string;
  @Readable(anyone()) @NotPersonalData('quantity of goods') @Field(() => Float) quantity: number;
  @Readable(anyone()) @NotPersonalData('unit of the quantity') @Field(() => String) unit: string;
  @Readable(anyone()) @NotPersonalData('weight of goods') @Field(() => Float) grossWeightKg: number;
  @Readable(anyone()) @NotPersonalData('weight of goods') @Field(() => Float) netWeightKg: number;
  @Readable(anyone()) @NotPersonalData('marks on packages') @Field(() => String) marksAndNumbers: string;
  @Readable(anyone()) @NotPersonalData('number of packages') @Field(() => Int) packages: number;
}

const OWNERS_AND_STAFF = [ownOrganisation(), staffOfOwnTenant()] as const;

/**
 * An application for a certificate of origin, by a company (the exporter). A draft is the company's
 * alone: its `tenantId` relation is withheld until it is submitted, so the tenant's staff have no
 * relation to it (SPEC §2, "drafts are private to the organisation").
 */
@ObjectType()
@PolicyEntity<CertificateApplication>({
  name: 'CertificateApplication',
  subject: 'organisation',
  visibleTo: [...OWNERS_AND_STAFF],
  relations: { tenantId: (a) => (a.state === ApplicationState.DRAFT ? null : a.tenantId), organisationId: (a) => a.organisationId },
})
@Entity({ name: 'certificate_application' })
export class CertificateApplication {
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('identifier of an application')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record')
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('the exporter: a company')
  @Field(() => ID, { nullable: true, description: 'The exporter.' }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(EXPORTER_AS_SUBMITTED)
  @Field(() => String, { nullable: true, description: "The exporter's name as submitted: the company profile at submission, which the clerk reviews and the certificate prints (null before submission)." })
  @Column({ name: 'exporter_name', type: 'text', nullable: true }) exporterName: string | null;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(EXPORTER_AS_SUBMITTED)
  @Field(() => String, { nullable: true, description: "The exporter's address as submitted (street, postal code and city), as the certificate prints it." })
  @Column({ name: 'exporter_address', type: 'text', nullable: true }) exporterAddress: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a country (ISO 3166)')
  @Field(() => String, { nullable: true, description: "The exporter's country as submitted." }) @Column({ name: 'exporter_country', type: 'text', nullable: true }) exporterCountry: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('workflow state')
  @Field(() => ApplicationState, { nullable: true }) @Column({ type: 'text' }) state: ApplicationState;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('language of the certificate')
  @Field(() => CertificateLanguage, { nullable: true }) @Column({ type: 'text' }) language: CertificateLanguage;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(CONSIGNEE_DETAILS)
  @Field(() => String, { nullable: true }) @Column({ name: 'consignee_name' }) consigneeName: string;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(CONSIGNEE_ADDRESS)
  @Field(() => String, { nullable: true }) @Column({ name: 'consignee_address' }) consigneeAddress: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a country')
  @Field(() => String, { nullable: true }) @Column({ name: 'consignee_country' }) consigneeCountry: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a country (ISO 3166)')
  @Field(() => String, { nullable: true }) @Column({ name: 'country_of_origin' }) countryOfOrigin: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('means of transport and route')
  @Field(() => String, { nullable: true }) @Column({ name: 'transport_details' }) transportDetails: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('goods lines')
  @Field(() => [GoodsLine], { nullable: true }) @Column({ type: 'jsonb' }) goods: GoodsLine[];
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('commercial invoice numbers')
  @Field(() => [String], { nullable: true }) @Column({ name: 'invoice_references', type: 'text', array: true }) invoiceReferences: string[];
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('remarks about the consignment')
  @Field(() => String, { nullable: true }) @Column() remarks: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData("the exporter's declaration")
  @Field(() => Boolean, { nullable: true }) @Column({ name: 'declaration_accepted' }) declarationAccepted: boolean;
  @Internal() @NotPersonalData('references to documents')
  @Column({ name: 'supporting_document_ids', type: 'uuid', array: true }) supportingDocumentIds: string[];
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('documents (their records are policed themselves)')
  @Field(() => [StoredDocument], { nullable: true }) supportingDocuments?: StoredDocument[];
  @Readable(...OWNERS_AND_STAFF) @PersonalData(APPLICANT)
  @Field(() => ID, { nullable: true }) @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Readable(staffOfOwnTenant()) @PersonalData(STAFF_HANDLING_APPLICATION)
  @Field(() => ID, { nullable: true, description: 'The clerk reviewing it (one at a time).' }) @Column({ name: 'claimed_by', type: 'uuid', nullable: true }) claimedBy: string | null;
  @Readable(staffOfOwnTenant()) @PersonalData(STAFF_HANDLING_APPLICATION)
  @Field(() => ID, { nullable: true, description: 'The clerk who took the last review decision.' }) @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(STAFF_NOTE)
  @Field(() => String, { nullable: true, description: 'What the clerk asked to change.' }) @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment: string | null;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(COMPANY_REPLY)
  @Field(() => String, { nullable: true, description: "The company's answer to the clerk's review comment, given when it resubmitted the application sent back for changes. For the chamber: never printed on the certificate nor signed (the certificate's Remarks are)." })
  @Column({ name: 'company_reply', type: 'text', nullable: true }) companyReply: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true, description: 'When the company gave its reply.' }) @Column({ name: 'company_replied_at', type: 'timestamptz', nullable: true }) companyRepliedAt: Date | null;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(STAFF_NOTE)
  @Field(() => String, { nullable: true }) @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to a certificate')
  @Field(() => ID, { nullable: true, description: 'The issued certificate this application replaces.' }) @Column({ name: 'replaces_certificate_id', type: 'uuid', nullable: true }) replacesCertificateId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to an application')
  @Field(() => ID, { nullable: true, description: 'The previous application it was started from (a repeat export).' }) @Column({ name: 'started_from_application_id', type: 'uuid', nullable: true }) startedFromApplicationId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to a certificate')
  @Field(() => ID, { nullable: true, description: 'The certificate issued from it.' }) @Column({ name: 'certificate_id', type: 'uuid', nullable: true }) certificateId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true }) @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true }) @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time the record was destroyed')
  @Field(() => Date, { nullable: true, description: 'When its personal data was destroyed after its retention period (CERTIFICATE_FILE; ABANDONED_APPLICATION for one sent back for changes and never resubmitted): consignee, applicant, clerks, notes, the company’s reply and supporting documents. It is never changed again.' })
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true }) destroyedAt: Date | null;
}

/** A consignee a repeat exporter keeps to fill in applications. The company's alone. */
@ObjectType()
@PolicyEntity<SavedConsignee>({ name: 'SavedConsignee', subject: 'consignee', visibleTo: [ownOrganisation()], relations: { tenantId: (c) => c.tenantId, organisationId: (c) => c.organisationId } })
@Entity({ name: 'saved_consignee' })
export class SavedConsignee {
  @Readable(ownOrganisation()) @NotPersonalData('identifier') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(ownOrganisation()) @PersonalData(SAVED_CONSIGNEE) @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(ownOrganisation()) @PersonalData(SAVED_CONSIGNEE) @Field(() => String, { nullable: true }) @Column() address: string;
  @Readable(ownOrganisation()) @NotPersonalData('a country') @Field(() => String, { nullable: true }) @Column() country: string;
  @Readable(ownOrganisation()) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
