export * from './notifications.module';
export * from './email/email-template';
export * from './email/mailer.service';
export { OutboxMessage } from './outbox/outbox-message.entity';
