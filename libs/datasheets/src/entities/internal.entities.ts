import { Internal, NotPersonalData, PolicyEntity } from '@chancery/policy';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant's datasheet settings: how long a company has to name a new contact after an objection. Output as `DatasheetSettingsResult`. */
@PolicyEntity<DatasheetSettings>({ name: 'DatasheetSettings', visibleTo: [], relations: { tenantId: (s) => s.tenantId } })
@Entity({ name: 'datasheet_settings' })
export class DatasheetSettings {
  @Internal() @NotPersonalData()
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'contact_replacement_days', type: 'integer' }) contactReplacementDays: number;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

export enum DatasheetChangeKind {
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  UNPUBLISHED = 'UNPUBLISHED',
  CONTACT_CHANGED = 'CONTACT_CHANGED',
}

/** One entry of the change log the external system follows; it holds ids only, never a copy of the datasheet. */
@PolicyEntity<DatasheetChange>({ name: 'DatasheetChange', visibleTo: [], relations: { tenantId: (c) => c.tenantId } })
@Entity({ name: 'datasheet_change' })
export class DatasheetChange {
  @Internal() @NotPersonalData()
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'datasheet_id', type: 'uuid' }) datasheetId: string;
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'version_id', nullable: true }) versionId: string | null;
  @Internal() @NotPersonalData()
  @Column('text') kind: DatasheetChangeKind;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}
