import { Internal, NotPersonalData, PersonalData, PersonalDataDeclaration, PolicyEntity, RetentionRuleKey } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

const RECIPIENT: PersonalDataDeclaration = {
  category: 'contact',
  subject: 'recipient',
  purpose: 'Deliver the messages the application sends (confirmations, invitations, notices)',
  legalBasis: 'contract',
  retention: RetentionRuleKey.DELIVERED_MESSAGE,
};
const MESSAGE: PersonalDataDeclaration = { ...RECIPIENT, category: 'correspondence' };

/** One message to deliver, written in the transaction of the change that causes it. Never output as such. */
@PolicyEntity<OutboxMessage>({ name: 'OutboxMessage', subject: 'recipient', visibleTo: [], relations: { tenantId: (m) => m.tenantId } })
@Entity({ name: 'outbox_message' })
export class OutboxMessage {
  @Internal() @NotPersonalData() @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData() @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId: string | null;
  @Internal() @NotPersonalData() @Column('text') channel: 'EMAIL';
  @Internal() @PersonalData(RECIPIENT) @Column('text') recipient: string;
  @Internal() @NotPersonalData() @Column('text') template: string;
  @Internal() @PersonalData(MESSAGE) @Column('text') subject: string;
  /** Sealed (AES-256-GCM under SECRETS_KEY): its links carry live one-time tokens. Erased once delivered. */
  @Internal() @PersonalData(MESSAGE) @Column('text') body: string;
  @Internal() @NotPersonalData() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Internal() @NotPersonalData() @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Internal() @NotPersonalData() @Column('integer') attempts: number;
  @Internal() @NotPersonalData() @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Internal() @NotPersonalData() @Column('timestamptz', { name: 'claimed_until', nullable: true }) claimedUntil: Date | null;
  @Internal() @NotPersonalData() @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt: Date | null;
  /** Delivered even to a person whose processing is restricted (the template says so: their own rights). */
  @Internal() @NotPersonalData() @Column('boolean', { name: 'sent_during_restriction' }) sentDuringRestriction: boolean;
  /** Since when it waits for the recipient's restriction of processing (Art. 18) to be lifted; null: not held. */
  @Internal() @NotPersonalData() @Column('timestamptz', { name: 'held_at', nullable: true }) heldAt: Date | null;
  /** A code (`SMTP_550`, `ECONNREFUSED`), never the server's text, which may quote the address. */
  @Internal() @NotPersonalData() @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
}
