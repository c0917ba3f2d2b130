import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, projectParty, Readable, self, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { PROJECT_CONTACT, PROJECT_DISTRIBUTOR } from '../entities/personal-data.declarations';
import { DatasheetContactKind } from '../entities/published-datasheet.entity';

export enum ProjectPartyRole {
  CLIENT = 'CLIENT',
  CONTRACTOR = 'CONTRACTOR',
  INTERMEDIATE_STORAGE = 'INTERMEDIATE_STORAGE',
}
registerEnumType(ProjectPartyRole, { name: 'ProjectPartyRole', description: 'The status of a company in a project (COPRO §5c).' });

export enum ProjectCertificateState {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProjectCertificateState, { name: 'ProjectCertificateState' });

/** The members of the three companies of the project, and the certification body's staff. */
const PARTIES_AND_STAFF = [projectParty(), staffOfOwnTenant()];

/**
 * One party of a project: a company in one role, with the contact person published to the parties
 * (or the company's general contact, flagged, while a new contact must be named).
 */
@ObjectType()
@PolicyEntity<ProjectParty>({
  name: 'ProjectParty',
  // The contact is a user of the platform: they see what is held about them (access log, export).
  subject: 'user',
  visibleTo: [...PARTIES_AND_STAFF, self()],
  relations: { tenantId: (p) => p.tenantId, projectPartyOrganisationIds: (p) => p.partyOrganisationIds ?? [], selfUserId: (p) => p.contactUserId ?? p.contactSuspendedUserId },
})
@Entity({ name: 'project_party' })
export class ProjectParty {
  @Internal() @NotPersonalData() @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Internal() @NotPersonalData() @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...PARTIES_AND_STAFF, self()) @NotPersonalData('a status in the project')
  @Field(() => ProjectPartyRole, { nullable: true }) @PrimaryColumn('text') role: ProjectPartyRole;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('a company')
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...PARTIES_AND_STAFF, self()) @NotPersonalData('name of a company')
  @Field(() => String, { nullable: true }) @Column({ name: 'organisation_name' }) organisationName: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('whether a person or the company is shown')
  @Field(() => DatasheetContactKind, { nullable: true }) @Column('text', { name: 'contact_kind' }) contactKind: DatasheetContactKind;
  @Readable(...PARTIES_AND_STAFF, self()) @PersonalData(PROJECT_CONTACT)
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'contact_user_id', nullable: true }) contactUserId: string | null;
  @Readable(...PARTIES_AND_STAFF, self()) @PersonalData(PROJECT_CONTACT)
  @Field(() => String, { nullable: true }) @Column({ name: 'contact_name' }) contactName: string;
  @Readable(...PARTIES_AND_STAFF, self()) @PersonalData(PROJECT_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Readable(...PARTIES_AND_STAFF, self()) @PersonalData(PROJECT_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Readable(...PARTIES_AND_STAFF, self()) @PersonalData(PROJECT_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_position', nullable: true }) contactPosition: string | null;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('a flag')
  @Field(() => Boolean, { nullable: true, description: 'CONTACT_REPLACEMENT_REQUIRED: the company must name a contact person.' })
  @Column({ name: 'contact_replacement_required' }) contactReplacementRequired: boolean;
  /** Whom to show again when their restriction of processing is lifted (internal: the party shows the company's contact meanwhile). */
  @Internal() @PersonalData(PROJECT_CONTACT)
  @Column('uuid', { name: 'contact_suspended_user_id', nullable: true }) contactSuspendedUserId: string | null;
  /** Not a column: the companies of the project, set when loaded (the relation `projectParty`). */
  @Internal() @NotPersonalData() partyOrganisationIds?: string[];
}

/** A recorded distribution of a project certificate to an external system. */
@ObjectType()
@PolicyEntity<ProjectDistribution>({
  name: 'ProjectDistribution',
  visibleTo: PARTIES_AND_STAFF,
  relations: { tenantId: (d) => d.tenantId, projectPartyOrganisationIds: (d) => d.partyOrganisationIds ?? [], selfUserId: (d) => d.distributedBy },
})
@Entity({ name: 'project_distribution' })
export class ProjectDistribution {
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('a record id') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData() @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData() @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Readable(...PARTIES_AND_STAFF) @PersonalData(PROJECT_DISTRIBUTOR)
  @Field(() => ID, { nullable: true, description: 'Who distributed it; null once forgotten after the retention period (CERTIFICATE_FILE, from the distribution).' })
  @Column({ name: 'distributed_by', type: 'uuid', nullable: true }) distributedBy: string | null;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('the name of an external system')
  @Field(() => String, { nullable: true }) @Column() target: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'distributed_at' }) distributedAt: Date;
  @Internal() @NotPersonalData() partyOrganisationIds?: string[];
}

/** A multi-party project certificate (DIGITAR): the three parties, their contacts, and where it was sent. */
@ObjectType()
@PolicyEntity<ProjectCertificate>({
  name: 'ProjectCertificate',
  visibleTo: PARTIES_AND_STAFF,
  relations: { tenantId: (p) => p.tenantId, projectPartyOrganisationIds: (p) => p.partyOrganisationIds ?? [] },
})
@Entity({ name: 'project_certificate' })
export class ProjectCertificate {
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('a record id') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData() @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('project reference') @Field(() => String, { nullable: true }) @Column() reference: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('work site') @Field(() => String, { nullable: true }) @Column() site: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('material') @Field(() => String, { nullable: true, description: 'e.g. tar-containing asphalt for thermal cleaning' }) @Column() material: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('quantity')
  @Field(() => Float, { nullable: true }) @Column('numeric', { name: 'quantity_tonnes' }) quantityTonnes: number;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('state') @Field(() => ProjectCertificateState, { nullable: true }) @Column('text') state: ProjectCertificateState;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('a company')
  @Field(() => ID, { nullable: true }) @Column({ name: 'created_by_organisation_id', type: 'uuid' }) createdByOrganisationId: string;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'issued_at', nullable: true }) issuedAt: Date | null;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('time of the record')
  @Field(() => Date, { nullable: true, description: 'When the certification body withdrew it (state WITHDRAWN); null otherwise.' })
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('why the certification body withdrew the certificate')
  @Field(() => String, { nullable: true, description: 'Why the certification body withdrew it, as its staff wrote it; null unless WITHDRAWN.' })
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: string | null;
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('the parties (each declared)') @Field(() => [ProjectParty], { nullable: true }) parties?: ProjectParty[];
  @Readable(...PARTIES_AND_STAFF) @NotPersonalData('the distributions (each declared)') @Field(() => [ProjectDistribution], { nullable: true }) distributions?: ProjectDistribution[];
  @Internal() @NotPersonalData() partyOrganisationIds?: string[];
}

/** The users of the certification body's companies: they open projects naming other companies. */
const COMPANY_USERS_OF_TENANT = [ownTenant(Role.ORG_ADMIN, Role.ORG_MEMBER)];

/**
 * A company that can be named as a party of a new project, found by its VAT number: only what a public
 * VAT register says of it too (name and city), enough for the person opening the project to check
 * that the number they typed is the company they mean.
 */
@ObjectType({ description: 'A company of the certification body that can be named as a project party, found by its VAT number.' })
@PolicyEntity<ProjectPartyCandidate>({ name: 'ProjectPartyCandidate', visibleTo: COMPANY_USERS_OF_TENANT, relations: { tenantId: (c) => c.tenantId } })
export class ProjectPartyCandidate {
  @Readable(...COMPANY_USERS_OF_TENANT) @NotPersonalData('a company') @Field(() => ID, { nullable: true }) organisationId: string;
  @Internal() @NotPersonalData() tenantId: string;
  @Readable(...COMPANY_USERS_OF_TENANT) @NotPersonalData('name of a company, as in the public VAT register') @Field(() => String, { nullable: true }) name: string;
  @Readable(...COMPANY_USERS_OF_TENANT) @NotPersonalData('a company’s city, as in the public VAT register') @Field(() => String, { nullable: true }) city: string;
  @Readable(...COMPANY_USERS_OF_TENANT) @NotPersonalData('a company’s VAT number (compact)') @Field(() => String, { nullable: true }) vatNumber: string;
}
