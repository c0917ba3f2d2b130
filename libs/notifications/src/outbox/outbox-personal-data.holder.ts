import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, PersonalDataHolder, RetentionOutcome, RetentionSweep } from '@chancery/policy';
import { OutboxPersonalDataRepository } from './outbox-personal-data.repository';

/** Messages to a person's address: exported, erased with the person, deleted 90 days after delivery. */
@HoldsPersonalData()
@Injectable()
export class OutboxPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'notifications.outbox';

  constructor(private readonly outbox: OutboxPersonalDataRepository) {}

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    return subject.email ? (await this.outbox.messagesTo(subject.email)).map((record) => ({ record })) : [];
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    return { deleted: subject.email ? await this.outbox.deleteMessagesTo(subject.email) : 0, deidentified: 0, keptAsReference: 0 };
  }

  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const counted = await this.outbox.countDeliveredBefore(sweep.now, held);
    let deleted = 0;
    for (;;) {
      const batch = await this.outbox.deleteDeliveredBefore(sweep.now, held, sweep.batchSize);
      deleted += batch;
      if (batch < sweep.batchSize) break;
    }
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }
}
