import { Injectable } from '@nestjs/common';
import { JobHandler, WorkerJob } from '@chancery/core';
import { ContactDisclosureService } from '../services/contact-disclosure.service';

export const CONTACT_REPLACEMENT_DEADLINE_JOB = 'datasheets.contact-replacement-deadline';

/**
 * Hourly: datasheets whose contact objected and whose company named no new contact within the
 * tenant's deadline (default 30 days) are unpublished (COPRO §5b). Safe to repeat: an unpublished
 * datasheet is no longer flagged as published.
 */
@WorkerJob()
@Injectable()
export class ContactReplacementDeadlineJob implements JobHandler<Record<string, never>> {
  readonly name = CONTACT_REPLACEMENT_DEADLINE_JOB;
  readonly schedule = '17 * * * *';

  constructor(private readonly disclosure: ContactDisclosureService) {}

  async handle(): Promise<void> {
    await this.disclosure.unpublishOverdue();
  }
}
