import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { ChainCheck } from '../../ui/ChainCheck';
import { PageTitle } from '../../ui/Page';
import { AuditEntriesList, CheckpointsPanel } from './audit-log-view';

const PAGE_SIZE = 50;

// TENANT_ADMIN and AUDITOR read every AuditEntry field of their own tenant.
const AuditEntries = graphql(`
  query AuditEntries($first: Int!, $afterSequence: Int) {
    auditEntries(first: $first, afterSequence: $afterSequence) {
      ...AuditEntryFields
    }
  }
`);

const VerifyAuditChain = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      ...ChainStatusFields
    }
  }
`);

// TENANT_ADMIN and AUDITOR: positions and hashes of both logs, no personal data.
const LogCheckpoints = graphql(`
  query LogCheckpoints($first: Int!) {
    logCheckpoints(first: $first) {
      ...LogCheckpointFields
    }
  }
`);

const CHECKPOINTS_SHOWN = 24;

/** The tenant's tamper-evident log, newest first, in words (with the action's code), and a check of its hash chain. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle lead={t('audit.lead')}>{t('audit.title')}</PageTitle>
      <ChainCheck check={async () => (await request(VerifyAuditChain)).verifyAuditChain} lead={t('audit.verifyLead')} />
      <CheckpointsPanel load={async () => (await request(LogCheckpoints, { first: CHECKPOINTS_SHOWN })).logCheckpoints} lead={t('audit.checkpointsLead')} />
      <AuditEntriesList load={async (afterSequence) => (await request(AuditEntries, { first: PAGE_SIZE, afterSequence })).auditEntries} pageSize={PAGE_SIZE} />
    </>
  );
}
