import { Injectable, Logger } from '@nestjs/common';
import { LogCheckpoint, logCheckpointPayload, LogCheckpoints, LoggedChain } from '@chancery/audit';
import { AppConfig, JobHandler, TransactionRunner, WorkerJob } from '@chancery/core';
import { TenantDirectoryService } from '@chancery/identity';
import { WebhookEvents } from '@chancery/webhooks';
import { PersonalDataAccessLog } from '../access-log/personal-data-access-log.service';
import { AttestationKeys } from '../attestation/attestation-keys.service';

export const LOG_CHECKPOINT_JOB = 'privacy.log-checkpoints';

/**
 * Signs the heads of the tamper-evident logs that grew since their last checkpoint (review F2): the
 * platform's audit log, and each tenant's audit log and personal-data access log. A tenant's checkpoint
 * is written with its `audit.checkpoint` webhook event in the tenant's own unit, so the tenant's targets
 * receive every one; the tenant keeps them, and a log that later ends before one was truncated. Here, in
 * privacy, which holds the access log and the attestation key; the table and the verification are the audit context's.
 */
@WorkerJob()
@Injectable()
export class LogCheckpointJob implements JobHandler<Record<string, never>> {
  readonly name = LOG_CHECKPOINT_JOB;
  readonly schedule: string;
  private readonly logger = new Logger(LogCheckpointJob.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantDirectoryService,
    private readonly attestation: AttestationKeys,
    private readonly checkpoints: LogCheckpoints,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly webhooks: WebhookEvents,
    config: AppConfig,
  ) {
    this.schedule = config.LOG_CHECKPOINT_SCHEDULE;
  }

  async handle(): Promise<void> {
    // The key is read (made on first use) in platform scope, and held for this run only.
    const signer = await this.transactions.asSystem(null, () => this.attestation.signer());
    const platform = await this.transactions.asSystem(null, () => this.checkpoints.checkpointAuditChain(null, signer));
    let signed = platform ? 1 : 0;
    for (const tenant of await this.tenants.list()) {
      signed += await this.transactions.asSystem(tenant.id, async () => {
        const made = [
          await this.checkpoints.checkpointAuditChain(tenant.id, signer),
          await this.checkpoints.checkpoint(LoggedChain.PERSONAL_DATA_ACCESS, tenant.id, await this.accessLog.endOfChain(tenant.id), signer),
        ].filter((checkpoint): checkpoint is LogCheckpoint => checkpoint !== undefined);
        for (const checkpoint of made) await this.webhooks.publish({ tenantId: tenant.id, type: 'audit.checkpoint', subject: webhookSubject(checkpoint) });
        return made.length;
      });
    }
    // Counts only.
    this.logger.log({ signed, keyId: signer.keyId }, 'log checkpoints');
  }
}

/** The event's data: the document the tenant keeps, as the portal hands it out (positions, hashes, times; no personal data). */
function webhookSubject(checkpoint: LogCheckpoint): Record<string, string | number | null> {
  const document = JSON.parse(checkpoint.document!) as Record<string, string | number | null>;
  // The payload is what is signed: the same text as the stored facts give.
  if (document.payload !== logCheckpointPayload(checkpoint)) throw new Error('a checkpoint’s document does not carry its own payload');
  return document;
}
