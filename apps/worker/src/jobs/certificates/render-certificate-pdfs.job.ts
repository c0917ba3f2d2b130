import { Injectable } from '@nestjs/common';
import { CertificatePdfService } from '@chancery/certificates';
import { JobHandler, WorkerJob } from '@chancery/core';

export const RENDER_CERTIFICATE_PDFS_JOB = 'certificates.render-pdfs';

/**
 * Renders the PDFs of newly issued certificates and copies and stores them (every minute, and on
 * demand). Safe to repeat: a certificate that has its PDF is not rendered again.
 */
@WorkerJob()
@Injectable()
export class RenderCertificatePdfsJob implements JobHandler<Record<string, never>> {
  readonly name = RENDER_CERTIFICATE_PDFS_JOB;
  readonly schedule = '* * * * *';

  constructor(private readonly pdfs: CertificatePdfService) {}

  async handle(): Promise<void> {
    await this.pdfs.renderAwaiting();
  }
}
