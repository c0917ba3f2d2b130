import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { ANONYMOUS_ACTOR, AppConfig, Clock, DAY_MS, describeError, issueSecret, parseSecret, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { AccountsService, IdentityProvisioning, normaliseEmailAddress } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { DataSubject, effectivePeriod, KEPT_ON_ERASURE_RETENTION, KeptOnErasure, KeptRecords, retentionRule } from '@chancery/policy';
import { DataSubjectAnswerKind, DataSubjectRequest, DataSubjectRequestStatus, DataSubjectRequestType } from './entities/data-subject-request.entity';
import { DataSubjectRequestRepository } from './data-subject-request.repository';
import { PrivacySettingsService } from '../settings/privacy-settings.service';
import { dayOf, extendedDeadline, firstDeadline, isOverdue } from './legal-clock';
import { KeptItem, REQUEST_ACKNOWLEDGEMENT, REQUEST_ANSWERED, REQUEST_CONFIRM_ADDRESS, REQUEST_EXTENDED, REQUEST_REFUSED } from './request-emails';
import { RetentionScheduleService } from '../retention/retention-schedule.service';
import { DataSubjectRequestErrors } from './requests.errors';
import { CONFIRMATION_LINK_LIFETIME_MS } from './confirmation-link';

export interface PublicRequestIntake {
  email: string;
  type: DataSubjectRequestType;
  language: string;
  details?: string | null;
  /** The tenant's slug; absent: the request goes to every tenant where the address appears. */
  tenant?: string | null;
}

const CLOSED = [DataSubjectRequestStatus.COMPLETED, DataSubjectRequestStatus.REFUSED];
/** Requests of the public form awaiting the confirmation of one address, per tenant and day, past which another is dropped. */
export const MAX_UNCONFIRMED_PUBLIC_REQUESTS_A_DAY = 3;

/** An export's download link: 7 days, three downloads (a failed or interrupted one may be retried). */
export const EXPORT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;
export const EXPORT_LINK_DOWNLOADS = 3;

/** How a request is answered: the record kept (`outcome`, evidence, no values) and what the person is told. */
export interface RequestAnswer {
  kind: DataSubjectAnswerKind;
  /** Kept on the request: the officer's words (STATEMENT), or counts and holders. */
  outcome: string;
  refused?: boolean;
  /** Where the answer goes: the address the request came from, or the account's (taken before an erasure). */
  to: string | null;
  /** An erasure's records kept under a duty: the person is told what, in what form, why and how long. */
  kept?: readonly KeptRecords[];
}

/**
 * The data-subject request desk (SPEC §5): intake by a logged-in person or the public form, the legal
 * clock (one calendar month; one extension of up to two months, with a reason, before the first
 * deadline), the identity check before anything is released, and the privacy officers' queue.
 */
@Injectable()
export class DataSubjectRequests {
  private readonly logger = new Logger(DataSubjectRequests.name);

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
    private readonly audit: AuditLog,
    private readonly retention: RetentionScheduleService,
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
  /**
   * The public form answers at once and does its work after the response (as a password reset's
   * look-up): routing an address with accounts took twice as long as one without, which told anyone
   * whether an address has an account anywhere on the platform.
   */
  async submitPublic(intake: PublicRequestIntake): Promise<void> {
    this.context
      .afterResponse(ANONYMOUS_ACTOR, () => this.receivePublic(intake))
      .catch((error: unknown) => this.logger.error(`public data-subject request not handled: ${describeError(error)}`));
  }

  private async receivePublic(intake: PublicRequestIntake): Promise<void> {
    const email = normaliseEmailAddress(intake.email);
    let tenants: string[];
    if (intake.tenant) {
      const tenant = await this.provisioning.tenantBySlug(intake.tenant);
      tenants = tenant ? [tenant.id] : [];
    } else {
      // Sent to the platform: routed to every controlling tenant where the person appears.
      tenants = (await this.accounts.tenantsWithAddress(email)).filter((id): id is string => id !== null);
    }
    const since = new Date(this.clock.now().getTime() - DAY_MS);
    for (const tenantId of tenants) {
      await this.transactions.beforeSession(tenantId, async () => {
        // The form mails whatever address it is given: past a few unconfirmed requests a day, another
        // one is dropped, with the same answer (the person has the links already sent).
        if ((await this.requests.unconfirmedPublicRequests(tenantId, email, since)) >= MAX_UNCONFIRMED_PUBLIC_REQUESTS_A_DAY) return;
        await this.receive({ tenantId, type: intake.type, subjectUserId: null, email, language: intake.language, details: intake.details ?? null, verifiedByLogin: false });
      });
    }
  }

  /** The confirmation link of a public request: the address is the person's. */
  async confirmAddress(token: string): Promise<void> {
    const secret = parseSecret(token, 'dsr');
    if (!secret?.tenantId) throw DataSubjectRequestErrors.REQUEST_LINK_INVALID('The link is not valid');
    const now = this.clock.now();
    const confirmed = await this.transactions.forSecretHolder(secret, () => this.requests.confirmEmail(secret.hash, now, new Date(now.getTime() - CONFIRMATION_LINK_LIFETIME_MS)));
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
      // The person's account whatever its state: a disabled or unconfirmed account still holds their data
      // (name, address, password hash, sessions), which erasure, export and restriction must reach.
      const accountId = request.requesterEmail ? await this.accounts.findIdByEmailAnyStatus(request.tenantId, request.requesterEmail) : null;
      await this.requests.recordIdentityCheck(request.id, officer, accountId);
      await this.audit.record({ action: 'privacy.request.identityChecked', subjectType: 'DataSubjectRequest', subjectId: request.id, details: { type: request.type } });
      return this.find(requestId);
    });
  }

  /** One extension of up to two months, with a reason, before the first deadline; the person is told. */
  async extend(requestId: string, months: number, reason: string): Promise<DataSubjectRequest> {
    return this.transactions.run(async () => {
      // Locked: extensions sent at the same moment take their turn, and only the first extends and tells.
      const request = await this.find(requestId, true);
      const now = this.clock.now();
      if (CLOSED.includes(request.status)) throw DataSubjectRequestErrors.REQUEST_CLOSED('The request is already answered');
      if (request.extensionMonths !== null || isOverdue(request.firstDueOn, now)) {
        throw DataSubjectRequestErrors.EXTENSION_NOT_ALLOWED('A request is extended once, before its first deadline');
      }
      const dueOn = extendedDeadline(request.firstDueOn, months);
      if (!(await this.requests.extend(request.id, months, reason, dueOn, now))) {
        throw DataSubjectRequestErrors.EXTENSION_NOT_ALLOWED('A request is extended once, before its first deadline');
      }
      await this.audit.record({ action: 'privacy.request.extended', subjectType: 'DataSubjectRequest', subjectId: request.id, details: { months, dueOn } });
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

  /** A request of the tenant, in the caller's unit of work; `forUpdate`: locked until the unit ends (an answer path). */
  async find(requestId: string, forUpdate = false): Promise<DataSubjectRequest> {
    const request = await this.requests.findById(requestId, forUpdate);
    if (!request) throw DataSubjectRequestErrors.REQUEST_NOT_FOUND('No such request');
    return this.withClock(request);
  }

  /**
   * The person a request is about, once their identity is verified; nothing is released or changed
   * before (SPEC §5). In the caller's unit of work, which it locks the request for: answers sent at the
   * same moment take their turn, and each sees whether the one before answered (REQUEST_CLOSED).
   */
  async verifiedSubjectOf(requestId: string, types: readonly DataSubjectRequestType[]): Promise<{ request: DataSubjectRequest; subject: DataSubject }> {
    const request = await this.find(requestId, true);
    if (!types.includes(request.type)) throw DataSubjectRequestErrors.WRONG_REQUEST_TYPE(`This answers ${types.join(', ')} requests`);
    // A completed erasure may run again (it finds nothing left and changes nothing); a refused one is answered.
    if (CLOSED.includes(request.status) && !(request.type === DataSubjectRequestType.ERASURE && request.status === DataSubjectRequestStatus.COMPLETED)) {
      throw DataSubjectRequestErrors.REQUEST_CLOSED('The request is already answered');
    }
    if (!request.identityVerifiedBy) throw DataSubjectRequestErrors.IDENTITY_NOT_VERIFIED('The identity of the person is not verified yet');
    const email = request.requesterEmail ?? (request.subjectUserId ? await this.accounts.emailOf(request.subjectUserId) : null);
    return { request, subject: { tenantId: request.tenantId, userId: request.subjectUserId, email: email ?? '' } };
  }

  /**
   * Closes a request with what was done (no values: counts, holders, reasons) and tells the person, in
   * their language, in the same unit of work (a request is never answered without its e-mail): the
   * outcome as a sentence, never their data; an export as a download link whose secret only the
   * e-mail holds (the request keeps its hash). In the caller's unit.
   */
  async answer(request: DataSubjectRequest, answer: RequestAnswer): Promise<void> {
    const now = this.clock.now();
    const status = answer.refused ? DataSubjectRequestStatus.REFUSED : DataSubjectRequestStatus.COMPLETED;
    // Only the answer that closes the request tells the person (and issues a link); any other changes nothing.
    if (!(await this.requests.complete(request.id, status, answer.outcome, answer.kind, now))) {
      throw DataSubjectRequestErrors.REQUEST_CLOSED('The request is already answered');
    }
    // Who answered, how, and whether it was refused (the outcome's text stays on the request: an audit entry holds no free text).
    await this.audit.record({ action: 'privacy.request.answered', subjectType: 'DataSubjectRequest', subjectId: request.id, details: { type: request.type, kind: answer.kind, refused: answer.refused ?? false } });
    let link: string | null = null;
    let validUntil: string | null = null;
    if (answer.kind === DataSubjectAnswerKind.EXPORT && !answer.refused) {
      const secret = issueSecret('dse', request.tenantId);
      const expiresAt = new Date(now.getTime() + EXPORT_LINK_LIFETIME_MS);
      await this.requests.setExportLink(request.id, secret.hash, expiresAt, EXPORT_LINK_DOWNLOADS);
      link = this.config.portalLink('/privacy/export', secret.token);
      validUntil = dayOf(expiresAt);
    }
    if (!answer.to) return;
    const message = { tenantId: request.tenantId, to: answer.to, language: request.language };
    if (answer.refused) {
      await this.mailer.queue(REQUEST_REFUSED, { ...message, values: { type: request.type, reason: answer.outcome } });
      return;
    }
    const statement = answer.kind === DataSubjectAnswerKind.STATEMENT ? answer.outcome : null;
    const kept = answer.kept?.length ? await this.keptFor(request.tenantId, answer.kept) : [];
    await this.mailer.queue(REQUEST_ANSWERED, { ...message, values: { type: request.type, kind: answer.kind, statement, link, validUntil, kept } });
  }

  /** What an erasure kept, one line per kind (holders' counts added up), with the tenant's period of its rule. */
  private async keptFor(tenantId: string, kept: readonly KeptRecords[]): Promise<KeptItem[]> {
    const own = await this.retention.ownPeriodsOf(tenantId);
    const records = new Map<KeptOnErasure, number>();
    for (const k of kept) records.set(k.what, (records.get(k.what) ?? 0) + k.records);
    return Object.values(KeptOnErasure).filter((what) => records.has(what)).map((what) => {
      const rule = retentionRule(KEPT_ON_ERASURE_RETENTION[what]);
      return { what, records: records.get(what)!, period: effectivePeriod(rule, own.get(rule.key)), unit: rule.unit };
    });
  }

  /**
   * The export a download link names, once per download: the link's request, if the link is known,
   * unexpired, not spent and its request's person still known. In the caller's unit (the secret's tenant).
   */
  async takeExportDownload(tokenHash: Buffer): Promise<{ request: DataSubjectRequest; subject: DataSubject; downloadsLeft: number } | null> {
    const taken = await this.requests.takeExportDownload(tokenHash, this.clock.now());
    if (!taken) return null;
    const request = await this.find(taken.requestId);
    const email = request.requesterEmail ?? (request.subjectUserId ? await this.accounts.emailOf(request.subjectUserId) : null);
    if (!email && !request.subjectUserId) return null;
    return { request, subject: { tenantId: request.tenantId, userId: request.subjectUserId, email: email ?? '' }, downloadsLeft: taken.downloadsLeft };
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
      values: { type: intake.type, receivedOn: dayOf(receivedAt), dueOn: request.firstDueOn },
    });
    await this.requests.markAcknowledged(request.id, receivedAt);
    return this.withClock(Object.assign(request, { acknowledgedAt: receivedAt }));
  }

  private withClock(request: DataSubjectRequest): DataSubjectRequest {
    request.overdue = !CLOSED.includes(request.status) && isOverdue(request.dueOn, this.clock.now());
    return request;
  }
}
