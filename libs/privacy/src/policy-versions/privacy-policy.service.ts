import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { PeopleDirectory, TenantDirectoryService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { tenantOfActor } from '../shared/acting-tenant';
import { POLICY_OBJECTION } from '../shared/privacy-office.emails';
import { PrivacyOfficeErrors } from '../shared/privacy-office.errors';
import { PrivacyPolicyAnswer, PrivacyPolicyResponse, PrivacyPolicyVersion } from './privacy-policy-version.entity';
import { PrivacyPolicyRepository } from './privacy-policy.repository';
import { addWorkingDays, POLICY_OBJECTION_WORKING_DAYS } from './working-days';

export interface NewPolicyVersion {
  title: string;
  summary: string;
  body: string;
}

/**
 * Privacy-policy versions per tenant (DigiChambers 004 §1.2). Publishing a version announces it in the
 * application: every user of the tenant finds it in `myPrivacyPolicyNotice` until they answer. A
 * user who has not objected within three working days of publication is deemed to accept; the
 * answer is computed from the clock and the recorded answers, so it is never written by guesswork
 * and never depends on a job having run. Explicit acceptances and objections are recorded.
 */
@Injectable()
export class PrivacyPolicyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly policies: PrivacyPolicyRepository,
    private readonly people: PeopleDirectory,
    private readonly tenants: TenantDirectoryService,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
  ) {}

  async publish(version: NewPolicyVersion): Promise<PrivacyPolicyVersion> {
    const actor = this.context.actor;
    const tenantId = tenantOfActor(actor);
    const publishedAt = this.clock.now();
    return this.transactions.run(async () => {
      // The same text again (a second click, a form sent twice) would open a new objection window and
      // announce a change to everyone for nothing (review M1).
      const latest = await this.policies.latestVersion(tenantId);
      if (latest && sameText(latest.title, version.title) && sameText(latest.body, version.body)) {
        throw PrivacyOfficeErrors.POLICY_UNCHANGED(`the title and text are those of version ${latest.version}`, { field: 'input.body', details: { version: latest.version } });
      }
      const published = await this.policies.insertNextVersion({
        tenantId, title: version.title, summary: version.summary, body: version.body, publishedAt, publishedBy: actor.id ?? null,
        objectionDeadline: addWorkingDays(publishedAt, POLICY_OBJECTION_WORKING_DAYS),
      });
      if (!published) throw PrivacyOfficeErrors.POLICY_VERSION_TAKEN('Another version was published at the same moment');
      await this.audit.record({ action: 'privacy.policyVersion.published', subjectType: 'PrivacyPolicyVersion', subjectId: published.id, details: { version: published.version } });
      return published;
    });
  }

  /** A tenant's published versions, newest first. Public, like the policy. */
  async publicVersions(tenantSlug: string): Promise<PrivacyPolicyVersion[]> {
    const tenant = await this.tenants.findBySlug(tenantSlug);
    if (!tenant) throw PrivacyOfficeErrors.UNKNOWN_TENANT_SLUG('No tenant has this slug', { field: 'tenantSlug' });
    return this.transactions.publicReading(() => this.policies.versionsOfTenant(tenant.id));
  }

  /**
   * The in-application notice: the newest version and the caller's answer to it (PENDING until they
   * answer or the window closes). Null for callers in no tenant and tenants without a published policy.
   */
  async myNotice(): Promise<PrivacyPolicyResponse | null> {
    const actor = this.context.actor;
    const userId = personIdOf(actor);
    if (!actor.tenantId) return null;
    const tenantId = actor.tenantId;
    return this.transactions.run(async () => {
      const latest = await this.policies.latestVersion(tenantId);
      if (!latest) return null;
      return answerOf(latest, userId, await this.policies.responseOf(tenantId, latest.id, userId), this.clock.now());
    });
  }

  accept(versionId: string): Promise<PrivacyPolicyResponse> {
    return this.answer(versionId, 'ACCEPTED', null);
  }

  object(versionId: string, reason: string | null): Promise<PrivacyPolicyResponse> {
    return this.answer(versionId, 'OBJECTED', reason);
  }

  /** Every active user of the tenant with their answer to the version (explicit, pending or deemed); empty for a version not of the tenant. */
  async responses(versionId: string): Promise<PrivacyPolicyResponse[]> {
    const tenantId = tenantOfActor(this.context.actor);
    const now = this.clock.now();
    return this.transactions.run(async () => {
      // A version that is not the tenant's has no answers here: an empty list, as for one that does not exist.
      const version = await this.policies.findVersion(tenantId, versionId);
      if (!version) return [];
      const recorded = new Map((await this.policies.responsesTo(tenantId, version.id)).map((r) => [r.userId, r]));
      const people = await this.people.activePeopleOfTenant(tenantId);
      const ids = [...new Set([...people.map((p) => p.id), ...recorded.keys()])];
      return ids.map((userId) => answerOf(version, userId, recorded.get(userId) ?? null, now));
    });
  }

  private async answer(versionId: string, response: 'ACCEPTED' | 'OBJECTED', reason: string | null): Promise<PrivacyPolicyResponse> {
    const actor = this.context.actor;
    const userId = personIdOf(actor);
    const tenantId = tenantOfActor(actor);
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const version = await this.loadVersion(tenantId, versionId);
      // An objection counts only within the window; an acceptance is welcome at any time.
      if (response === 'OBJECTED' && now.getTime() > version.objectionDeadline.getTime()) {
        throw PrivacyOfficeErrors.POLICY_OBJECTION_WINDOW_CLOSED('Three working days have passed: the version is deemed accepted', {
          details: { objectionDeadline: version.objectionDeadline.toISOString() },
        });
      }
      const stored = await this.policies.insertResponse({ tenantId, versionId: version.id, userId, response, reason: reason?.trim() || null, respondedAt: now });
      if (!stored) throw PrivacyOfficeErrors.POLICY_ALREADY_ANSWERED('Already answered', { details: { versionId: version.id } });
      await this.audit.record({
        action: response === 'ACCEPTED' ? 'privacy.policyVersion.accepted' : 'privacy.policyVersion.objected',
        subjectType: 'PrivacyPolicyVersion', subjectId: version.id,
      });
      if (response === 'OBJECTED') {
        // The privacy contact hears of it in the same unit of work, without the person or the reason.
        const [tenant] = await this.tenants.findByIds([tenantId]);
        if (tenant) {
          await this.mailer.queue(POLICY_OBJECTION, {
            tenantId, to: tenant.privacyContactEmail, language: tenant.languages[0] ?? 'en', values: { version: version.version, title: version.title },
          });
        }
      }
      return answerOf(version, userId, stored, now);
    });
  }

  private async loadVersion(tenantId: string, id: string): Promise<PrivacyPolicyVersion> {
    const version = await this.policies.findVersion(tenantId, id);
    if (!version) throw PrivacyOfficeErrors.POLICY_VERSION_NOT_FOUND('No such version');
    return version;
  }
}

/** The answer as it stands at `now`: what was recorded, else PENDING within the window and DEEMED_ACCEPTED after it. */
export function answerOf(version: PrivacyPolicyVersion, userId: string, recorded: PrivacyPolicyResponse | null, now: Date): PrivacyPolicyResponse {
  const answer = Object.assign(new PrivacyPolicyResponse(), {
    tenantId: version.tenantId, versionId: version.id, userId, response: recorded?.response, reason: recorded?.reason ?? null,
    respondedAt: recorded?.respondedAt ?? null, objectionDeadline: version.objectionDeadline,
  });
  answer.answer = recorded
    ? (recorded.response === 'ACCEPTED' ? PrivacyPolicyAnswer.ACCEPTED : PrivacyPolicyAnswer.OBJECTED)
    : now.getTime() > version.objectionDeadline.getTime() ? PrivacyPolicyAnswer.DEEMED_ACCEPTED : PrivacyPolicyAnswer.PENDING;
  return answer;
}

/** Two texts that differ only in white space (line endings, spaces at the ends of lines, blank lines) are the same text. */
function sameText(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
  return normal(a) === normal(b);
}
