import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { ChainCheck } from '../../ui/ChainCheck';
import { PageTitle } from '../../ui/Page';
import { AuditEntriesList, CheckpointsPanel } from '../staff/audit-log-view';

const PAGE_SIZE = 50;

// PLATFORM_ADMIN: every AuditEntry field of the platform's own chain (tenant_id NULL), never a tenant's.
const PlatformAuditEntries = graphql(`
  query PlatformAuditEntries($first: Int!, $afterSequence: Int) {
    platformAuditEntries(first: $first, afterSequence: $afterSequence) {
      ...AuditEntryFields
    }
  }
`);

const VerifyPlatformAuditChain = graphql(`
  query VerifyPlatformAuditChain {
    verifyPlatformAuditChain {
      ...ChainStatusFields
    }
  }
`);

// PLATFORM_ADMIN: positions and hashes of the platform's audit log, no personal data.
const PlatformLogCheckpoints = graphql(`
  query PlatformLogCheckpoints($first: Int!) {
    platformLogCheckpoints(first: $first) {
      ...LogCheckpointFields
    }
  }
`);

const CHECKPOINTS_SHOWN = 24;

/**
 * The operator's view of the platform's own tamper-evident log (what happens outside any tenant:
 * tenants created, the operator's logins and acts, the platform's keys), with the check of its hash
 * chain against the platform's signed checkpoints, and those checkpoints to keep.
 */
export default function PlatformAuditLogPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle lead={t('platformAudit.lead')}>{t('platformAudit.title')}</PageTitle>
      <ChainCheck check={async () => (await request(VerifyPlatformAuditChain)).verifyPlatformAuditChain} lead={t('audit.verifyLead')} />
      <CheckpointsPanel load={async () => (await request(PlatformLogCheckpoints, { first: CHECKPOINTS_SHOWN })).platformLogCheckpoints} lead={t('platformAudit.checkpointsLead')} />
      <AuditEntriesList load={async (afterSequence) => (await request(PlatformAuditEntries, { first: PAGE_SIZE, afterSequence })).platformAuditEntries} pageSize={PAGE_SIZE} />
    </>
  );
}
