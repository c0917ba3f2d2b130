import { Internal, NotPersonalData, PersonalData, PolicyEntity, self } from '@chancery/policy';
import { USER_ACCOUNT_ID, USER_ACCOUNT_STATE, USER_CREDENTIALS } from './personal-data.declarations';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One second-factor recovery code of an account: only its keyed hash is kept. Never an output of the
 * API (the person sees the codes once, when they are made; after that only how many are left). In the
 * person's export: when each was made and used; the hash is withheld, as the second-factor secret is.
 */
@PolicyEntity<RecoveryCode>({ name: 'RecoveryCode', subject: 'user', visibleTo: [self()], relations: { tenantId: (c) => c.tenantId, selfUserId: (c) => c.userId } })
@Entity({ name: 'recovery_code' })
export class RecoveryCode {
  @Internal() @NotPersonalData()
  @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Internal() @PersonalData(USER_ACCOUNT_ID)
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Internal() @PersonalData(USER_CREDENTIALS)
  @Column('bytea', { name: 'code_hash' }) codeHash: Buffer;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
}
