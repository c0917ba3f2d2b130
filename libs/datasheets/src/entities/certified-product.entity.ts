import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PolicyEntity, Readable, ownOrganisation, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CertifiedProductStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CertifiedProductStatus, { name: 'CertifiedProductStatus' });

const READERS = [ownOrganisation(Role.ORG_ADMIN, Role.ORG_MEMBER), staffOfOwnTenant()];

/** A product of a certificate holder (organisation), certified by the tenant (a certification body). */
@ObjectType()
@PolicyEntity<CertifiedProduct>({ name: 'CertifiedProduct', visibleTo: READERS, relations: { tenantId: (p) => p.tenantId, organisationId: (p) => p.organisationId } })
@Entity({ name: 'certified_product' })
export class CertifiedProduct {
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => String, { nullable: true }) @Column({ name: 'product_family' }) productFamily: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => String, { nullable: true }) @Column({ name: 'certificate_reference' }) certificateReference: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => String, { nullable: true, description: 'The certification scheme, e.g. BENOR, CE.' }) @Column() scheme: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => CertifiedProductStatus, { nullable: true }) @Column('text') status: CertifiedProductStatus;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => String, { nullable: true }) @Column({ name: 'production_unit' }) productionUnit: string;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Readable(...READERS) @NotPersonalData('product record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt: Date;
}
