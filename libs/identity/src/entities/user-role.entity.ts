import { Role } from '@chancery/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One role a person holds. A person can hold several; withdrawing one deletes its row. */
@Entity({ name: 'user_role' })
export class UserRole {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'text' }) role: Role;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column('timestamptz', { name: 'granted_at' }) grantedAt: Date;
  @Column('uuid', { name: 'granted_by', nullable: true }) grantedBy: string | null;
}
