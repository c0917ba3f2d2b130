export * from './notifications.module';
export * from './email/email-template';
export * from './email/mailer.service';
export { OutboxMessage } from './outbox/outbox-message.entity';
export { MailDeliveryModule } from './delivery/mail-delivery.module';
export { OutboxDelivery, MAX_ATTEMPTS, retryDelayMs, MAIL_TRANSPORT } from './delivery/outbox-delivery.service';
export type { DeliveryRound } from './delivery/outbox-delivery.service';
export { FileMailTransport, PermanentDeliveryError } from './delivery/mail-transport';
export type { MailTransport, OutgoingEmail } from './delivery/mail-transport';
