import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ApiKeyScope {
  /** An organisation's ERP: its own applications and certificates. */
  ORGANISATION_ERP = 'ORGANISATION_ERP',
  /** A tenant's feed consumer: the external system that republishes datasheets. */
  DATASHEET_FEED = 'DATASHEET_FEED',
}

/** A key for an integration: shown once, stored hashed, scoped, revocable. */
@ObjectType()
@Entity({ name: 'api_key' })
export class ApiKey {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Field() @Column() name: string;
  @Field(() => [String]) @Column('text', { array: true }) scopes: ApiKeyScope[];
  @Column('bytea', { name: 'key_hash' }) keyHash: Buffer;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
