import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, parseSecret, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { AccountsService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { registerOutputChannel } from '@chancery/policy';
import { PersonalDataHolders } from '../holders/personal-data-holders';
import { HolderErasure, PersonalDataEraser } from '../erasure/personal-data-erasure';
import { DataSubjectExport, PersonalDataExporter } from '../export/personal-data-export';
import { DataSubjectAnswerKind, DataSubjectRequest, DataSubjectRequestStatus, DataSubjectRequestType } from './entities/data-subject-request.entity';
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
    private readonly audit: AuditLog,
  ) {}

  /** The export an access or portability request asks for (privacy officers). */
  exportFor(requestId: string): Promise<DataSubjectExport> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [ACCESS, PORTABILITY]);
      const document = await this.exporter.exportOf(subject, request.type === PORTABILITY);
      await this.requests.answer(request, {
        kind: DataSubjectAnswerKind.EXPORT,
        outcome: JSON.stringify({ exportedRecords: document.records.length }),
        to: subject.email || null,
      });
      return document;
    });
  }

  /**
   * The export an answered access or portability request's link downloads (the person, with the
   * secret their answer e-mail carried); null for an unknown, expired or spent link, or one whose
   * person was erased since. The export is built again here, through the same exporter and output
   * gate as the officer's, rather than kept from the answer: a stored copy would be a second copy of
   * all the person's data at rest (to seal, keep, and erase with them) for up to the link's 7 days,
   * and the person gets their data as it stands when they take it. One unit of work: the download
   * counted, the export built and the audit entry written, or none of them.
   */
  async downloadExport(token: string): Promise<{ document: DataSubjectExport; requestId: string } | null> {
    const secret = parseSecret(token, 'dse');
    if (!secret?.tenantId) return null;
    return this.transactions.forSecretHolder(secret, async () => {
      const taken = await this.requests.takeExportDownload(secret.hash);
      if (!taken) return null;
      const document = await this.exporter.exportOf(taken.subject, taken.request.type === PORTABILITY);
      await this.audit.record({
        action: 'privacy.request.exportDownloaded',
        subjectType: 'DataSubjectRequest',
        subjectId: taken.request.id,
        details: { records: document.records.length, downloadsLeft: taken.downloadsLeft },
        tenantId: taken.request.tenantId,
      });
      return { document, requestId: taken.request.id };
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
      // A hold is a claim to establish or defend (Art. 17(3)(e)): the account waits until it is released.
      if (subject.userId && (await this.repository.isHeld(`User:${subject.userId}`))) {
        throw DataSubjectRequestErrors.LEGAL_HOLD_IN_FORCE('A legal hold is in force on the person’s account', { details: { requestId } });
      }
      const outcomes = await this.eraser.erase(subject);
      if (request.status !== DataSubjectRequestStatus.COMPLETED) {
        // The address was taken before the erasure: the person is told, once.
        await this.requests.answer(request, { kind: DataSubjectAnswerKind.ERASURE, outcome: JSON.stringify(outcomes), to: subject.email || null, kept: outcomes.flatMap((o) => o.kept ?? []) });
      }
      return outcomes;
    });
  }

  /**
   * An objection upheld (Art. 21): every holder stops publishing the person as on their own objection
   * (the published datasheet contact: SPEC §3), and the request is answered, in one unit of work.
   */
  upholdObjection(requestId: string, statement: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [OBJECTION]);
      if (!subject.userId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('An objection to what is published applies to an account');
      let changed = 0;
      for (const holder of this.holders.all()) {
        if (holder.object) changed += await holder.object(subject);
      }
      await this.requests.answer(request, { kind: DataSubjectAnswerKind.STATEMENT, outcome: statement, to: subject.email || null });
      await this.audit.record({ action: 'privacy.objection.upheld', subjectType: 'DataSubjectRequest', subjectId: request.id, details: { unpublished: changed } });
      return this.requests.find(request.id);
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
      await this.requests.answer(request, { kind: DataSubjectAnswerKind.RESTRICTION, outcome: JSON.stringify({ restricted: true, unpublished }), to: subject.email || null });
      return this.requests.find(request.id);
    });
  }

  /**
   * Lifts the restriction a restriction request put in place (the reason for it ended: the accuracy
   * checked, the objection weighed). The person is told first (Art. 18(3)), in the same unit of work;
   * from the commit the jobs process their data again (held e-mails go out), and every holder publishes
   * again what it stopped publishing for the restriction (a datasheet contact is shown again, unless
   * the company named someone else meanwhile).
   */
  liftRestriction(requestId: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const request = await this.requests.find(requestId);
      if (request.type !== RESTRICTION) throw DataSubjectRequestErrors.WRONG_REQUEST_TYPE(`This answers ${RESTRICTION} requests`);
      if (!request.subjectUserId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('Restriction applies to an account');
      if (!(await this.repository.liftRestriction(request.tenantId, request.subjectUserId, this.clock.now()))) {
        throw DataSubjectRequestErrors.RESTRICTION_NOT_IN_FORCE("The person's processing is not restricted");
      }
      // The request says so from now on (the person's view and the officer's), and the audit log says who lifted it when.
      await this.repository.recordRestrictionLifted(request.id, this.clock.now());
      const email = await this.accounts.emailOf(request.subjectUserId);
      const subject = { tenantId: request.tenantId, userId: request.subjectUserId, email: email ?? '' };
      let republished = 0;
      for (const holder of this.holders.all()) {
        if (holder.restrictionLifted) republished += await holder.restrictionLifted(subject);
      }
      await this.audit.record({ action: 'privacy.request.restrictionLifted', subjectType: 'DataSubjectRequest', subjectId: request.id, details: { republished } });
      if (email) await this.mailer.queue(RESTRICTION_LIFTED, { tenantId: request.tenantId, to: email, language: request.language, values: {} });
      return this.requests.find(request.id);
    });
  }

  /**
   * Closes a request answered by hand (rectification done, objection weighed, consent withdrawn), or
   * refuses it with a reason. An erasure request is only refused here, with its ground (Art. 17(3): a
   * legal obligation, a legal claim under a hold…; Art. 12(4): the person is told why and of their right
   * to complain): only the erasure itself completes it, so no one is told their data was erased when it was not.
   */
  close(requestId: string, outcome: string, refused: boolean): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const { request, subject } = await this.requests.verifiedSubjectOf(requestId, [RECTIFICATION, OBJECTION, CONSENT_WITHDRAWAL, ACCESS, PORTABILITY, RESTRICTION, ERASURE]);
      if (request.type === ERASURE && !refused) {
        throw DataSubjectRequestErrors.WRONG_REQUEST_TYPE('An erasure request is answered by erasing (eraseForDataSubjectRequest), or refused here with the reason');
      }
      await this.requests.answer(request, { kind: DataSubjectAnswerKind.STATEMENT, outcome, refused, to: subject.email || null });
      return this.requests.find(request.id);
    });
  }
}
