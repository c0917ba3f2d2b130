import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, issueSecret, parseSecret, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { AccountsService, IdentityProvisioning } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { DataSubject } from '@chancery/policy';
import { DataSubjectRequest, DataSubjectRequestStatus, DataSubjectRequestType } from './entities/data-subject-request.entity';
import { DataSubjectRequestRepository } from './data-subject-request.repository';
import { PrivacySettingsService } from '../settings/privacy-settings.service';
import { dayOf, extendedDeadline, firstDeadline, isOverdue } from './legal-clock';
import { REQUEST_ACKNOWLEDGEMENT, REQUEST_CONFIRM_ADDRESS, REQUEST_EXTENDED } from './request-emails';
import { DataSubjectRequestErrors } from './requests.errors';

export interface PublicRequestIntake {
  email: string;
  type: DataSubjectRequestType;
  language: string;
  details?: string | null;
  /** The tenant's slug; absent: the request goes to every tenant where the address appears. */
  tenant?: string | null;
}

const CLOSED = [DataSubjectRequestStatus.COMPLETED, DataSubjectRequestStatus.REFUSED];

/**
 * The data-subject request desk (SPEC §5): intake by a logged-in person or the public form, the legal
 * clock (one calendar month; one extension of up to two months, with a reason, before the first
 * deadline), the identity check before anything is released, and the privacy officers' queue.
 */
@Injectable()
export class DataSubjectRequests {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: DataSubjectRequestRepository,
    private readonly accounts: AccountsService,
    private readonly provisioning: IdentityProvisioning,
    private readonly mailer: Mailer,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly settings: PrivacySettingsService,
  ) {}

  /** A logged-in person's request about themself: the login is the identity check. */
  async submitOwn(type: DataSubjectRequestType, details: string | null): Promise<DataSubjectRequest> {
    personIdOf(this.context.actor);
    const me = await this.accounts.me();
    if (!me.tenantId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('The platform operator is no tenant’s data subject');
    const tenantId = me.tenantId;
    return this.transactions.run(() =>
      this.receive({ tenantId, type, subjectUserId: me.id, email: me.email, language: me.preferredLanguage, details, verifiedByLogin: true }),
    );
  }

  /**
   * The public form. Answers the same whether or not the address is known anywhere (no one learns
   * where a person has an account); each tenant concerned receives its own request, acknowledged and
   * sent a confirmation link.
   */
  async submitPublic(intake: PublicRequestIntake): Promise<void> {
    const email = intake.email.trim().toLowerCase();
    let tenants: string[];
    if (intake.tenant) {
      const tenant = await this.provisioning.tenantBySlug(intake.tenant);
      tenants = tenant ? [tenant.id] : [];
    } else {
      // Sent to the platform: routed to every controlling tenant where the person appears.
      tenants = (await this.accounts.tenantsWithAddress(email)).filter((id): id is string => id !== null);
    }
    for (const tenantId of tenants) {
      await this.transactions.beforeSession(tenantId, () =>
        this.receive({ tenantId, type: intake.type, subjectUserId: null, email, language: intake.language, details: intake.details ?? null, verifiedByLogin: false }),
      );
    }
  }

  /** The confirmation link of a public request: the address is the person's. */
  async confirmAddress(token: string): Promise<void> {
    const secret = parseSecret(token, 'dsr');
    if (!secret?.tenantId) throw DataSubjectRequestErrors.REQUEST_LINK_INVALID('The link is not valid');
    const confirmed = await this.transactions.forSecretHolder(secret, () => this.requests.confirmEmail(secret.hash, this.clock.now()));
    if (!confirmed) throw DataSubjectRequestErrors.REQUEST_LINK_INVALID('The link is not valid');
  }

  /** A privacy officer has checked the identity of a person whose address is confirmed (SPEC §5). */
  async recordIdentityCheck(requestId: string): Promise<DataSubjectRequest> {
    const officer = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const request = await this.find(requestId);
      if (request.status !== DataSubjectRequestStatus.AWAITING_IDENTITY_CHECK) {
        throw DataSubjectRequestErrors.IDENTITY_CHECK_NOT_DUE('The request is not waiting for an identity check');
      }
      const account = request.requesterEmail ? await this.accounts.findActiveByEmail(request.tenantId, request.requesterEmail) : null;
      await this.requests.recordIdentityCheck(request.id, officer, account?.id ?? null);
      return this.find(requestId);
    });
  }

  /** One extension of up to two months, with a reason, before the first deadline; the person is told. */
  async extend(requestId: string, months: number, reason: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      const request = await this.find(requestId);
      const now = this.clock.now();
      if (CLOSED.includes(request.status)) throw DataSubjectRequestErrors.REQUEST_CLOSED('The request is already answered');
      if (request.extensionMonths !== null || isOverdue(request.firstDueOn, now)) {
        throw DataSubjectRequestErrors.EXTENSION_NOT_ALLOWED('A request is extended once, before its first deadline');
      }
      const dueOn = extendedDeadline(request.firstDueOn, months);
      await this.requests.extend(request.id, months, reason, dueOn, now);
      if (request.requesterEmail) {
        await this.mailer.queue(REQUEST_EXTENDED, { tenantId: request.tenantId, to: request.requesterEmail, language: request.language, values: { dueOn, reason } });
      }
      return this.find(requestId);
    });
  }

  /** The privacy officers' queue: open requests by due date (or all), each saying whether it is overdue. */
  queue(open: boolean, first: number): Promise<DataSubjectRequest[]> {
    return this.transactions.run(async () => (await this.requests.queue(open, first)).map((r) => this.withClock(r)));
  }

  /** The logged-in person's own requests. */
  mine(): Promise<DataSubjectRequest[]> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async () => (await this.requests.ofSubject(userId)).map((r) => this.withClock(r)));
  }

  /** A request of the tenant, in the caller's unit of work. */
  async find(requestId: string): Promise<DataSubjectRequest> {
    const request = await this.requests.findById(requestId);
    if (!request) throw DataSubjectRequestErrors.REQUEST_NOT_FOUND('No such request');
    return this.withClock(request);
  }

  /**
   * The person a request is about, once their identity is verified; nothing is released or changed
   * before (SPEC §5). In the caller's unit of work.
   */
  async verifiedSubjectOf(requestId: string, types: readonly DataSubjectRequestType[]): Promise<{ request: DataSubjectRequest; subject: DataSubject }> {
    const request = await this.find(requestId);
    if (!types.includes(request.type)) throw DataSubjectRequestErrors.WRONG_REQUEST_TYPE(`This answers ${types.join(', ')} requests`);
    if (CLOSED.includes(request.status) && request.type !== DataSubjectRequestType.ERASURE) {
      throw DataSubjectRequestErrors.REQUEST_CLOSED('The request is already answered');
    }
    if (!request.identityVerifiedBy) throw DataSubjectRequestErrors.IDENTITY_NOT_VERIFIED('The identity of the person is not verified yet');
    const email = request.requesterEmail ?? (request.subjectUserId ? await this.accounts.emailOf(request.subjectUserId) : null);
    return { request, subject: { tenantId: request.tenantId, userId: request.subjectUserId, email: email ?? '' } };
  }

  /** Closes a request with what was done (no values: counts, holders, reasons). In the caller's unit. */
  async close(requestId: string, outcome: string, status = DataSubjectRequestStatus.COMPLETED): Promise<void> {
    await this.requests.complete(requestId, status, outcome, this.clock.now());
  }

  /** Intake, acknowledgement and its e-mail in one unit of work: a request is never without its acknowledgement. */
  private async receive(intake: {
    tenantId: string;
    type: DataSubjectRequestType;
    subjectUserId: string | null;
    email: string;
    language: string;
    details: string | null;
    verifiedByLogin: boolean;
  }): Promise<DataSubjectRequest> {
    const receivedAt = this.clock.now();
    const confirmation = intake.verifiedByLogin ? null : issueSecret('dsr', intake.tenantId);
    const request = await this.requests.insert({
      tenantId: intake.tenantId,
      type: intake.type,
      status: intake.verifiedByLogin ? DataSubjectRequestStatus.IN_PROGRESS : DataSubjectRequestStatus.AWAITING_EMAIL_VERIFICATION,
      subjectUserId: intake.subjectUserId,
      requesterEmail: intake.email,
      language: intake.language,
      details: intake.details,
      receivedAt,
      firstDueOn: firstDeadline(receivedAt, await this.settings.requestDeadlineRuleOf(intake.tenantId)),
      identityVerifiedBy: intake.verifiedByLogin ? 'LOGIN' : null,
      verificationTokenHash: confirmation?.hash ?? null,
    });
    const message = { tenantId: intake.tenantId, to: intake.email, language: intake.language };
    if (confirmation) {
      await this.mailer.queue(REQUEST_CONFIRM_ADDRESS, { ...message, values: { link: this.config.portalLink('/privacy/confirm-request', confirmation.token) } });
    }
    await this.mailer.queue(REQUEST_ACKNOWLEDGEMENT, {
      ...message,
      values: { type: intake.type.toLowerCase().replace('_', ' '), receivedOn: dayOf(receivedAt), dueOn: request.firstDueOn },
    });
    await this.requests.markAcknowledged(request.id, receivedAt);
    return this.withClock(Object.assign(request, { acknowledgedAt: receivedAt }));
  }

  private withClock(request: DataSubjectRequest): DataSubjectRequest {
    request.overdue = !CLOSED.includes(request.status) && isOverdue(request.dueOn, this.clock.now());
    return request;
  }
}
