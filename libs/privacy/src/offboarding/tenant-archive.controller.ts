import { Controller, Get, Param, Res, UseInterceptors } from '@nestjs/common';
import { Allow, Permission } from '@chancery/access';
import { NotFoundError } from '@chancery/core';
import type { HttpReply } from '@chancery/core';
import { sendDocumentAttachment } from '@chancery/documents';
import { OutputWithoutRecords, PresentResultsInterceptor } from '@chancery/policy';
import { TenantOffboardingService } from './tenant-offboarding.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stored files of a departing tenant's archive (the JSON of `exportTenantArchive` lists them with
 * their checksums and these paths): bytes are not rows, and a GraphQL string is no place for them.
 */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class TenantArchiveController {
  constructor(private readonly offboarding: TenantOffboardingService) {}

  @Allow(Permission.ConfirmTenantOffboarding)
  @OutputWithoutRecords("the stored bytes of a document of the caller's own departing tenant (checked in TenantOffboardingService.archivedDocument)")
  @Get('tenant-offboardings/:offboardingId/documents/:documentId')
  // eslint-disable-next-line no-restricted-syntax -- sends a stored file of the tenant's own archive to its administrator
  async document(@Param('offboardingId') offboardingId: string, @Param('documentId') documentId: string, @Res() response: HttpReply): Promise<void> {
    if (!UUID.test(String(offboardingId))) throw new NotFoundError('Offboarding');
    if (!UUID.test(String(documentId))) throw new NotFoundError('Document');
    const { document, bytes } = await this.offboarding.archivedDocument(offboardingId.toLowerCase(), documentId.toLowerCase());
    sendDocumentAttachment(response, document, bytes);
  }
}
