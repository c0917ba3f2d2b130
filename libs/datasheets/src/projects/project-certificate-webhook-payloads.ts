import { Injectable, OnModuleInit } from '@nestjs/common';
import { Envelope } from '@chancery/policy';
import { WebhookEventRef, WebhookPayloads, WebhookPayloadSource } from '@chancery/webhooks';
import { ProjectCertificate } from './project-certificate.entity';
import { ProjectCertificatesService } from './project-certificates.service';

/** A distributed project certificate as the distributing company's external system receives it. */
@Envelope('ProjectCertificateWebhookData')
export class ProjectCertificateWebhookData {
  projectId: string;
  distributionId: string;
  /** The external system named when it was distributed. */
  target: string;
  /** The certificate, its parties and distributions as the company may read them when the event is sent; null if it is gone. */
  projectCertificate: ProjectCertificate | null;
}

/**
 * Builds `project_certificate.distributed` bodies when they are sent, from the certificate as it is
 * then: a party's contact who objected in the meantime is never sent, not even by a retry.
 */
@Injectable()
export class ProjectCertificateWebhookPayloads implements WebhookPayloadSource, OnModuleInit {
  readonly eventTypes = ['project_certificate.distributed'];

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
      distributionId: String(event.subject.distributionId),
      target: String(event.subject.target),
      projectCertificate: await this.projects.current(projectId, event.tenantId),
    });
  }
}
