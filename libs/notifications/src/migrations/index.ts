import { Outbox1765000000300 } from './1765000000300-outbox';
import { OutboxDelivery1766500000000 } from './1766500000000-outbox-delivery';
import { OutboxRestriction1767200000300 } from './1767200000300-outbox-restriction';
import { OutboxOfTenant1767600000300 } from './1767600000300-outbox-of-tenant';
import { OutboxOfRecipient1767820000000 } from './1767820000000-outbox-of-recipient';

export const NOTIFICATIONS_MIGRATIONS = [Outbox1765000000300, OutboxDelivery1766500000000, OutboxRestriction1767200000300, OutboxOfTenant1767600000300, OutboxOfRecipient1767820000000];
