import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@chancery/access';
import { NotFoundError } from '@chancery/core';
import { OutputWithoutRecords } from '@chancery/policy';
import { DataSubjectRights } from './data-subject-rights.service';

/**
 * The download of an answered access or portability request's export, with the secret of the answer
 * e-mail's link (the portal's /privacy/export page reads it from the link's fragment and asks here;
 * in the query string, which the request log leaves out). An unknown, malformed, expired or spent
 * link answers the same 404.
 */
@Controller()
export class DataSubjectExportController {
  constructor(private readonly rights: DataSubjectRights) {}

  @Public()
  @OutputWithoutRecords('the data-subject export, each record presented by the gate (purpose export) in PersonalDataExporter')
  @Get('data-subject-export')
  // eslint-disable-next-line no-restricted-syntax -- sends the export built by PersonalDataExporter from the gate's copies (purpose export) as a file
  async download(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    const found = typeof token === 'string' ? await this.rights.downloadExport(token) : null;
    if (!found) throw new NotFoundError('Export');
    const day = found.document.generatedAt.slice(0, 10);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="personal-data-${found.document.portability ? 'portable-' : ''}${day}.json"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.send(JSON.stringify(found.document, null, 2));
  }
}
