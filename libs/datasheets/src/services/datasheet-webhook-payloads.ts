import { Injectable, OnModuleInit } from '@nestjs/common';
import { Envelope } from '@chancery/policy';
import { WebhookEventRef, WebhookPayloads, WebhookPayloadSource } from '@chancery/webhooks';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';

/** A datasheet feed event as a push target receives it: the same as the pull feed's. */
@Envelope('DatasheetWebhookData')
export class DatasheetWebhookData {
  kind: string;
  datasheetId: string;
  versionId: string | null;
  /** The datasheet as it is published when the event is sent; null once it is not (the copy out there is removed). */
  datasheet: PublishedDatasheet | null;
  /** Not published when the event is sent because it was withdrawn: when and why. */
  withdrawal: WithdrawnDatasheet | null;
}

/**
 * Builds the push feed's bodies when they are sent, from the public read model as it is then: a
 * contact removed on objection is never pushed afterwards, not even by a retry of an older event.
 */
@Injectable()
export class DatasheetWebhookPayloads implements WebhookPayloadSource, OnModuleInit {
  readonly eventTypes = ['datasheet.published', 'datasheet.superseded', 'datasheet.unpublished', 'datasheet.contact_changed'];

  constructor(
    private readonly payloads: WebhookPayloads,
    private readonly published: PublishedDatasheetRepository,
  ) {}

  onModuleInit(): void {
    this.payloads.register(this);
  }

  /** In the event's tenant (the dispatcher's unit). */
  async dataOf(event: WebhookEventRef): Promise<DatasheetWebhookData> {
    const datasheetId = String(event.subject.datasheetId);
    const [datasheet] = await this.published.findByIds([datasheetId]);
    const [withdrawal] = datasheet ? [] : await this.published.findWithdrawalsByIds([datasheetId]);
    return Object.assign(new DatasheetWebhookData(), {
      kind: String(event.subject.kind),
      datasheetId,
      versionId: (event.subject.versionId as string | null) ?? null,
      datasheet: datasheet ?? null,
      withdrawal: withdrawal ?? null,
    });
  }
}
