import { PersonalDataAccessLog1765000000500 } from './1765000000500-personal-data-access-log';
import { PersonalDataAccessChain1766300000000 } from './1766300000000-personal-data-access-chain';
import { DataSubjectRequests1766300000100 } from './1766300000100-data-subject-requests';
import { PrivacyOffice1766400000000 } from './1766400000000-privacy-office';
import { SupportAccess1766810000000 } from './1766810000000-support-access';
import { TenantOffboarding1766810000100 } from './1766810000100-tenant-offboarding';
import { PrivacySettings1766810000200 } from './1766810000200-privacy-settings';
import { DestructionCertificateSignature1767250000100 } from './1767250000100-destruction-certificate-signature';
import { RetentionPeriods1767300000000 } from './1767300000000-retention-periods';
import { DestructionCertificatesSigned1767400000200 } from './1767400000200-destruction-certificates-signed';
import { DepartingTenantObjects1767500000200 } from './1767500000200-departing-tenant-objects';
import { PersonalDataAccessPruning1767510000000 } from './1767510000000-personal-data-access-pruning';
import { SubProcessorObjectionRetention1767510000100 } from './1767510000100-sub-processor-objection-retention';
import { PolicyAnswerRetention1767520000000 } from './1767520000000-policy-answer-retention';
import { DataSubjectAnswers1767550000000 } from './1767550000000-data-subject-answers';
import { TenantOffboardingWithdrawal1767680000000 } from './1767680000000-tenant-offboarding-withdrawal';
import { ArchiveStaleness1767700000000 } from './1767700000000-archive-staleness';

export const PRIVACY_MIGRATIONS = [PersonalDataAccessLog1765000000500, PersonalDataAccessChain1766300000000, DataSubjectRequests1766300000100, PrivacyOffice1766400000000, SupportAccess1766810000000, TenantOffboarding1766810000100, PrivacySettings1766810000200, DestructionCertificateSignature1767250000100, RetentionPeriods1767300000000, DestructionCertificatesSigned1767400000200, DepartingTenantObjects1767500000200, PersonalDataAccessPruning1767510000000, SubProcessorObjectionRetention1767510000100, PolicyAnswerRetention1767520000000, DataSubjectAnswers1767550000000, TenantOffboardingWithdrawal1767680000000, ArchiveStaleness1767700000000];
