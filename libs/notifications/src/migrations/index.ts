import { Outbox1765000000300 } from './1765000000300-outbox';
import { OutboxDelivery1766500000000 } from './1766500000000-outbox-delivery';

export const NOTIFICATIONS_MIGRATIONS = [Outbox1765000000300, OutboxDelivery1766500000000];
