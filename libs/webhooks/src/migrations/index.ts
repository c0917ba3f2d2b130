import { Webhooks1766600000000 } from './1766600000000-webhooks';

export const WEBHOOKS_MIGRATIONS = [Webhooks1766600000000];
