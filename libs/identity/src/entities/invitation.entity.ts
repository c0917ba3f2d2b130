import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A single-use, expiring invitation to join a company (or a tenant's staff) with given roles. */
@ObjectType()
@Entity({ name: 'invitation' })
export class Invitation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Field(() => [Role]) @Column('text', { array: true }) roles: Role[];
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('uuid', { name: 'invited_by' }) invitedBy: string;
  @Field() @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
