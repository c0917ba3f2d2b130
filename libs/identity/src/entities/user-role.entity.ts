import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity } from '@chancery/policy';
import { USER_ACCOUNT_ID, USER_ACCOUNT_STATE } from './personal-data.declarations';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One role a person holds. A person can hold several; withdrawing one deletes its row. Never output
 * as such: roles reach clients as `User.roles`, under that field's declaration.
 */
@PolicyEntity<UserRole>({ name: 'UserRole', subject: 'user', visibleTo: [], relations: { tenantId: (r) => r.tenantId, selfUserId: (r) => r.userId } })
@Entity({ name: 'user_role' })
export class UserRole {
  @Internal() @PersonalData(USER_ACCOUNT_ID)
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @PrimaryColumn({ type: 'text' }) role: Role;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'granted_at' }) grantedAt: Date;
  @Internal() @PersonalData({ ...USER_ACCOUNT_ID, purpose: 'Evidence of who granted a role' })
  @Column('uuid', { name: 'granted_by', nullable: true }) grantedBy: string | null;
}
