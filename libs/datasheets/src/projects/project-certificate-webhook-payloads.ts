import { Injectable, OnModuleInit } from '@nestjs/common';
import { Envelope } from '@chancery/policy';
import { WebhookEventRef, WebhookPayloads, WebhookPayloadSource } from '@chancery/webhooks';
import { ProjectCertificate } from './project-certificate.entity';
import { ProjectCertificatesService } from './project-certificates.service';

/** A distributed (or withdrawn) project certificate as a party's external system receives it. */
@Envelope('ProjectCertificateWebhookData')
export class ProjectCertificateWebhookData {
  projectId: string;
  /** The distribution (`project_certificate.distributed`); null for `project_certificate.withdrawn`. */
  distributionId: string | null;
  /** The external system named when it was distributed; null for `project_certificate.withdrawn`. */
  target: string | null;
  /** The certificate, its parties and distributions as the company may read them when the event is sent (withdrawn: its date and reason); null if it is gone. */
  projectCertificate: ProjectCertificate | null;
}

/**
 * Builds `project_certificate.distributed` and `project_certificate.withdrawn` bodies when they are sent, from the certificate as it is
 * then: a party's contact who objected in the meantime is never sent, not even by a retry.
 */
@Injectable()
export class ProjectCertificateWebhookPayloads implements WebhookPayloadSource, OnModuleInit {
  readonly eventTypes = ['project_certificate.distributed', 'project_certificate.withdrawn'];

  constructor(
    private readonly payloads: WebhookPayloads,
    private readonly projects: ProjectCertificatesService,
  ) {}

  onModuleInit(): void {
    this.payloads.register(this);
  }

  /** In the event's tenant (the dispatcher's unit). */
  async dataOf(event: WebhookEventRef): Promise<ProjectCertificateWebhookData> {
    const projectId = String(event.subject.projectId);
    return Object.assign(new ProjectCertificateWebhookData(), {
      projectId,
      distributionId: event.subject.distributionId == null ? null : String(event.subject.distributionId),
      target: event.subject.target == null ? null : String(event.subject.target),
      projectCertificate: await this.projects.current(projectId, event.tenantId),
    });
  }
}
