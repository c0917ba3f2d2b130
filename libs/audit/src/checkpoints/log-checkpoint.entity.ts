import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { DateTimeScalar } from '@chancery/core';
import { Grant, Internal, NotPersonalData, ownPlatform, ownTenant, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LoggedChain } from './log-checkpoint';

registerEnumType(LoggedChain, { name: 'LoggedChain', description: 'A tamper-evident log whose head the platform signs.' });

/**
 * Those who read and verify the audit log (the checkpoints of both logs carry positions and hashes only):
 * a tenant's administrators and auditors, and the operator for the platform's own chain (read in platform
 * scope, where row-level security shows the platform's checkpoints only).
 */
const CHECKPOINT_READERS: readonly Grant[] = [ownTenant(Role.TENANT_ADMIN, Role.AUDITOR), ownPlatform(Role.PLATFORM_ADMIN)];
const WHAT = 'position and hash of a log’s head, signed by the platform';

@ObjectType({ description: "A signed head of one of the tenant's tamper-evident logs (tenant admins and auditors), or of the platform's own audit log (the platform operator): keep `document`, it proves how far the log had reached." })
@PolicyEntity<LogCheckpoint>({ name: 'LogCheckpoint', visibleTo: CHECKPOINT_READERS, relations: { tenantId: (c) => c.tenantId } })
@Entity({ name: 'log_checkpoint' })
export class LogCheckpoint {
  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => ID, { nullable: true })
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Internal() @NotPersonalData(WHAT)
  @Column('uuid', { name: 'tenant_id', nullable: true })
  tenantId: string | null;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => LoggedChain, { nullable: true })
  @Column('text')
  chain: LoggedChain;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => Int, { nullable: true, description: 'How far the log had reached: the position of its newest record.' })
  @Column('bigint')
  sequence: number;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => String, { nullable: true, description: 'The chained SHA-256 of the record at `sequence` (hex).' })
  @Column('text', { name: 'head_hash' })
  headHash: string;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'checkpointed_at' })
  checkpointedAt: Date;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => String, { nullable: true, description: 'The platform attestation key that signed it (GET /platform/attestation-keys).' })
  @Column('text', { name: 'signing_key_id' })
  keyId: string;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => String, { nullable: true, description: 'Ed25519 signature of `payload` (base64url).' })
  @Column('text')
  signature: string;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => String, { nullable: true, description: 'What is signed: RFC 8785 canonical JSON of the format, chain, tenant, sequence, head hash and time.' })
  payload?: string;

  @Readable(...CHECKPOINT_READERS) @NotPersonalData(WHAT)
  @Field(() => String, { nullable: true, description: 'The document to keep (JSON: the payload, the key id, the signature): docs/verify-log-checkpoint.mjs checks it offline.' })
  document?: string;
}
