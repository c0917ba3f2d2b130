import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chancery/core';
import { BulkPublished, DatasheetProvisioningRepository } from '../repositories/datasheet-provisioning.repository';

/** Published datasheets made by the system in bulk (test fixtures, the benchmark's data), in the tenant's scope. */
@Injectable()
export class DatasheetsProvisioning {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly provisioning: DatasheetProvisioningRepository,
  ) {}

  provisionPublished(bulk: BulkPublished): Promise<number> {
    return this.transactions.asSystem(bulk.tenantId, () => this.provisioning.insertPublished(bulk));
  }
}
