import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { Mailer } from './email/mailer.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxPersonalDataHolder } from './outbox/outbox-personal-data.holder';
import { OutboxPersonalDataRepository } from './outbox/outbox-personal-data.repository';

/** Messages to people: the outbox and the e-mail channel (delivery is the worker's). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxRepository, Mailer, OutboxPersonalDataRepository, OutboxPersonalDataHolder],
  exports: [Mailer],
})
export class NotificationsModule {}
