import { Injectable } from '@nestjs/common';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { AccountsService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { registerOutputChannel } from '@chancery/policy';
import { PersonalDataHolders } from '../holders/personal-data-holders';
import { HolderErasure, PersonalDataEraser } from '../erasure/personal-data-erasure';
import { DataSubjectExport, PersonalDataExporter } from '../export/personal-data-export';
import { DataSubjectRequest, DataSubjectRequestStatus, DataSubjectRequestType } from './entities/data-subject-request.entity';
import { DataSubjectRequestRepository } from './data-subject-request.repository';
import { DataSubjectRequests } from './data-subject-requests.service';
import { DataSubjectRequestErrors } from './requests.errors';
import { RESTRICTION_LIFTED } from './request-emails';

registerOutputChannel({ name: 'data-subject-export', purpose: 'export', where: 'libs/privacy/src/export/personal-data-export.ts (each record of the export)' });

const { ACCESS, PORTABILITY, ERASURE, RESTRICTION, RECTIFICATION, OBJECTION, CONSENT_WITHDRAWAL } = DataSubjectRequestType;

/**
 * Answers to data-subject requests once the person's identity is verified: the export (access,
 * portability), erasure, restriction, and the closing of requests answered by hand (rectification,
 * objection, consent withdrawal). Each answer is one unit of work with the request's closing.
 */
@Injectable()
export class DataSubjectRights {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: DataSubjectRequests,
    private readonly repository: DataSubjectRequestRepository,
    private readonly exporter: PersonalDataExporter,
    private readonly eraser: PersonalDataEraser,
    private readonly accounts: AccountsService,
    private readonly holders: PersonalDataHolders,
    private readonly mailer: Mailer,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** The export an access or portability request asks for (privacy officers). */
  exportFor(requestId: string): Promise<DataSubjectExport> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [ACCESS, PORTABILITY]);
      const document = await this.exporter.exportOf(subject, request.type === PORTABILITY);
      await this.requests.close(request.id, JSON.stringify({ exportedRecords: document.records.length }));
      return document;
    });
  }

  /** The logged-in person's own export: the login is the identity check. */
  async exportMine(portability: boolean): Promise<DataSubjectExport> {
    const userId = personIdOf(this.context.actor);
    const me = await this.accounts.me();
    if (!me.tenantId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('The platform operator is no tenant’s data subject');
    const tenantId = me.tenantId;
    return this.transactions.run(() => this.exporter.exportOf({ tenantId, userId, email: me.email }, portability));
  }

  /**
   * Erasure: every holder deletes or de-identifies, saying why. Running it again (the request is then
   * completed) finds nothing left and changes nothing, not even the request.
   */
  erase(requestId: string): Promise<HolderErasure[]> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [ERASURE]);
      const outcomes = await this.eraser.erase(subject);
      if (request.status !== DataSubjectRequestStatus.COMPLETED) {
        await this.requests.close(request.id, JSON.stringify(outcomes));
      }
      return outcomes;
    });
  }

  /**
   * Restriction (Art. 18): the person's data is only stored from now on. In one unit of work: the
   * restriction is recorded (every job asks `ProcessingRestrictions` before it processes a person's
   * data, see docs/privacy.md), and every holder stops publishing the person (a published datasheet
   * contact leaves every public output as on an objection).
   */
  restrict(requestId: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [RESTRICTION]);
      if (!subject.userId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('Restriction applies to an account');
      await this.repository.restrict(subject.tenantId, subject.userId, request.id, this.clock.now());
      let unpublished = 0;
      for (const holder of this.holders.all()) {
        if (holder.restrictProcessing) unpublished += await holder.restrictProcessing(subject);
      }
      await this.requests.close(request.id, JSON.stringify({ restricted: true, unpublished }));
      return this.requests.find(request.id);
    });
  }

  /**
   * Lifts the restriction a restriction request put in place (the reason for it ended: the accuracy
   * checked, the objection weighed). The person is told first (Art. 18(3)), in the same unit of work;
   * from the commit the jobs process their data again (held e-mails go out). What left public outputs
   * stays off: the company names its contact again, and may name the person.
   */
  liftRestriction(requestId: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const request = await this.requests.find(requestId);
      if (request.type !== RESTRICTION) throw DataSubjectRequestErrors.WRONG_REQUEST_TYPE(`This answers ${RESTRICTION} requests`);
      if (!request.subjectUserId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('Restriction applies to an account');
      if (!(await this.repository.liftRestriction(request.tenantId, request.subjectUserId, this.clock.now()))) {
        throw DataSubjectRequestErrors.RESTRICTION_NOT_IN_FORCE("The person's processing is not restricted");
      }
      const email = await this.accounts.emailOf(request.subjectUserId);
      if (email) await this.mailer.queue(RESTRICTION_LIFTED, { tenantId: request.tenantId, to: email, language: request.language, values: {} });
      return this.requests.find(request.id);
    });
  }

  /** Closes a request answered by hand (rectification done, objection weighed, consent withdrawn), or refuses it with a reason. */
  close(requestId: string, outcome: string, refused: boolean): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const { request } = await this.requests.verifiedSubjectOf(requestId, [RECTIFICATION, OBJECTION, CONSENT_WITHDRAWAL, ACCESS, PORTABILITY, RESTRICTION]);
      await this.requests.close(request.id, outcome, refused ? DataSubjectRequestStatus.REFUSED : DataSubjectRequestStatus.COMPLETED);
      return this.requests.find(request.id);
    });
  }
}
