import { Injectable } from '@nestjs/common';
import { SecretBox } from '@chancery/core';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches } from '@chancery/policy';
import { OutboxMessage } from './outbox-message.entity';
import { HOLDABLE_OUTBOX_RECORDS, OutboxPersonalDataRepository } from './outbox-personal-data.repository';

/** A link's one-time secret (reset, invitation, confirmation) travels in its fragment: `#token=…`. */
const LINK_SECRET = /#token=[^\s)>\]]+/g;
const SECRET_REMOVED = '#token=(removed: a one-time secret)';
const UNREADABLE = '(this message can no longer be opened: it was sealed under a key that has since been replaced)';

/** Messages to a person's address: exported, erased with the person, deleted after delivery by rule DELIVERED_MESSAGE. */
@HoldsPersonalData()
@Injectable()
export class OutboxPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'notifications.outbox';
  readonly legalHoldKinds = Object.keys(HOLDABLE_OUTBOX_RECORDS);

  constructor(
    private readonly outbox: OutboxPersonalDataRepository,
    private readonly secrets: SecretBox,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.outbox.hasHoldableRecord(kind, id);
  }

  /**
   * The messages as the person read them: the stored text is sealed (it would be ciphertext in the
   * export), so it is opened here, and the one-time secrets of its links are cut out (an export must
   * not be a way into the account, even while a reset link is still valid).
   */
  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    if (!subject.email) return [];
    return (await this.outbox.messagesTo(subject.email)).map((message) => ({ record: this.readable(message) }));
  }

  private readable(message: OutboxMessage): OutboxMessage {
    const text = this.secrets.open(message.body);
    return Object.assign(Object.create(OutboxMessage.prototype) as OutboxMessage, message, {
      body: text === null ? UNREADABLE : text.replace(LINK_SECRET, SECRET_REMOVED),
    });
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    return { deleted: subject.email ? await this.outbox.deleteMessagesTo(subject.email) : 0, deidentified: 0, keptAsReference: 0 };
  }

  sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    return this.sweepDelivered(sweep, false);
  }

  /** The e-mail sent to the platform's operators (tenant_id NULL), by the same rule with its default period. */
  sweepPlatformRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    return this.sweepDelivered(sweep, true);
  }

  private async sweepDelivered(sweep: RetentionSweep, platformRows: boolean): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const retention = sweep.intervalOf(RetentionRuleKey.DELIVERED_MESSAGE);
    const counted = await this.outbox.countDeliveredBefore(sweep.now, retention, held, platformRows);
    const deleted = await inBatches(sweep.batchSize, () => this.outbox.deleteDeliveredBefore(sweep.now, retention, held, sweep.batchSize, platformRows));
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }
}
