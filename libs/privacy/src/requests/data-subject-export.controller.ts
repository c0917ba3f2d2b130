import { Controller, Get, Query, Res, UseInterceptors } from '@nestjs/common';
import { Public } from '@chancery/access';
import { NotFoundError } from '@chancery/core';
import type { HttpReply } from '@chancery/core';
import { OutputWithoutRecords, PresentResultsInterceptor } from '@chancery/policy';
import { DataSubjectRights } from './data-subject-rights.service';

/**
 * The download of an answered access or portability request's export, with the secret of the answer
 * e-mail's link (the portal's /privacy/export page reads it from the link's fragment and asks here;
 * in the query string, which the request log leaves out). An unknown, malformed, expired or spent
 * link answers the same 404.
 */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class DataSubjectExportController {
  constructor(private readonly rights: DataSubjectRights) {}

  @Public()
  @OutputWithoutRecords('the data-subject export, each record presented by the gate (purpose export) in PersonalDataExporter')
  @Get('data-subject-export')
  // eslint-disable-next-line no-restricted-syntax -- sends the export built by PersonalDataExporter from the gate's copies (purpose export) as a file
  async download(@Query('token') token: unknown, @Res() response: HttpReply): Promise<void> {
    const found = typeof token === 'string' ? await this.rights.downloadExport(token) : null;
    if (!found) throw new NotFoundError('Export');
    const day = found.document.generatedAt.slice(0, 10);
    response.header('Content-Type', 'application/json; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="personal-data-${found.document.portability ? 'portable-' : ''}${day}.json"`);
    response.header('Cache-Control', 'no-store');
    response.header('X-Content-Type-Options', 'nosniff');
    response.header('Referrer-Policy', 'no-referrer');
    response.send(JSON.stringify(found.document, null, 2));
  }
}
