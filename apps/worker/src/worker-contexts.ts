import { AuditModule } from '@chancery/audit';
import { CertificatesModule } from '@chancery/certificates';
import { DatasheetsModule } from '@chancery/datasheets';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { PrivacyModule } from '@chancery/privacy';
import { WebhooksModule } from '@chancery/webhooks';

/**
 * The contexts whose jobs the worker runs. Importing them also loads their field declarations, so
 * the worker's logs are redacted from the same declarations as the API's.
 */
export const WORKER_CONTEXTS = [AuditModule, NotificationsModule, IdentityModule, DatasheetsModule, PrivacyModule, CertificatesModule, WebhooksModule];
