import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { Mailer } from './email/mailer.service';
import { OutboxRepository } from './outbox/outbox.repository';

/** Messages to people: the outbox and the e-mail channel (delivery is the worker's). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxRepository, Mailer],
  exports: [Mailer],
})
export class NotificationsModule {}
