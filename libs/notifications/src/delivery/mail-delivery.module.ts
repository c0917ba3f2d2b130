import { Module } from '@nestjs/common';
import { AppConfig } from '@chancery/core';
import { OutboxRepository } from '../outbox/outbox.repository';
import { mailTransportFor, MailTransport } from './mail-transport';
import { MAIL_TRANSPORT, OutboxDelivery } from './outbox-delivery.service';

/** Delivery of the outbox, for the worker only: the API queues, it never sends. */
@Module({
  providers: [
    OutboxRepository,
    { provide: MAIL_TRANSPORT, inject: [AppConfig], useFactory: (config: AppConfig): MailTransport | null => mailTransportFor(config) },
    OutboxDelivery,
  ],
  exports: [OutboxDelivery],
})
export class MailDeliveryModule {}
