import { AuditLog1765000000400 } from './1765000000400-audit-log';

export const AUDIT_MIGRATIONS = [AuditLog1765000000400];
