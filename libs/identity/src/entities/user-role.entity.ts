import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { USER_ACCOUNT_ID, USER_ACCOUNT_STATE } from './personal-data.declarations';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant's administrator: the only reader of role grants as such (the tenant archive). */
const GRANT_READERS = ownTenant(Role.TENANT_ADMIN);

/**
 * One role a person holds. A person can hold several; withdrawing one deletes its row. Reaches clients
 * as `User.roles`, under that field's declaration; as such only in the archive a departing tenant takes
 * with it (who was authorised, since when, granted by whom: evidence of who could sign).
 */
@PolicyEntity<UserRole>({ name: 'UserRole', subject: 'user', visibleTo: [GRANT_READERS], relations: { tenantId: (r) => r.tenantId, selfUserId: (r) => r.userId } })
@Entity({ name: 'user_role' })
export class UserRole {
  @Readable(GRANT_READERS) @PersonalData(USER_ACCOUNT_ID)
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Readable(GRANT_READERS) @PersonalData(USER_ACCOUNT_STATE)
  @PrimaryColumn({ type: 'text' }) role: Role;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Readable(GRANT_READERS) @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'granted_at' }) grantedAt: Date;
  @Readable(GRANT_READERS) @PersonalData({ ...USER_ACCOUNT_ID, purpose: 'Evidence of who granted a role' })
  @Column('uuid', { name: 'granted_by', nullable: true }) grantedBy: string | null;
}
