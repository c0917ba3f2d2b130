export * from './audit.module';
export * from './audit-log.service';
export * from './audit-entry.input';
export type { AuditChainVerification, AuditDetails, AuditDetailValue } from './audit-chain';
export { AuditChainStatus, AuditDetail, AuditEntry } from './entities/audit-entry.type';
