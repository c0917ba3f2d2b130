import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertificatePdfService } from '@chancery/certificates';
import { RequestContext } from '@chancery/core';
import { Polling, PollingLoop } from '../polling-loop';

export const PDF_POLLING = Symbol('PDF_POLLING');

export type PdfPolling = Polling;

/**
 * Renders the PDFs of newly issued certificates and of copies, and stores them (see PollingLoop): the
 * exporter prints the certificate seconds after the signature, not at the next minute's cron. Each
 * PDF is claimed by the worker rendering it, and one that has its PDF is never rendered again.
 */
@Injectable()
export class CertificatePdfRenderingLoop extends PollingLoop {
  protected readonly logger = new Logger(CertificatePdfRenderingLoop.name);
  protected readonly drains = 'certificate PDF rendering';

  constructor(
    private readonly pdfs: CertificatePdfService,
    context: RequestContext,
    @Inject(PDF_POLLING) polling: PdfPolling,
  ) {
    super(context, polling);
  }

  protected runRound(): Promise<number> {
    return this.pdfs.renderAwaiting();
  }
}
