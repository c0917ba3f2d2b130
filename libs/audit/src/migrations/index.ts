import { AuditLog1765000000400 } from './1765000000400-audit-log';
import { LogCheckpoints1767800000000 } from './1767800000000-log-checkpoints';

export const AUDIT_MIGRATIONS = [AuditLog1765000000400, LogCheckpoints1767800000000];
