import { Controller, Get, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { Allow, Permission, Public } from '@chancery/access';
import { RawBody, RequestContext, UPLOAD_BODY_LIMIT_BYTES } from '@chancery/core';
import type { HttpReply, HttpRequest } from '@chancery/core';
import { percentDecodedHeader, sendDocumentAttachment } from '@chancery/documents';
import { OutputWithoutRecords, present, PresentResultsInterceptor } from '@chancery/policy';
import { DatasheetsErrors } from '../datasheets.errors';
import { DatasheetAttachmentsService } from '../services/datasheet-attachments.service';
import { PUBLIC_CACHE_CONTROL } from './public-datasheets.controller';

/** A header's value as text: URI-decoded (names and titles travel percent-encoded), '' when absent. */
function headerText(request: HttpRequest, name: string, field: string): string {
  const text = percentDecodedHeader(request.headers[name]);
  if (text === null) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NAME_INVALID(`The ${name} header is not percent-encoded UTF-8`, { field });
  return text;
}

/**
 * Attachments of datasheet versions over plain HTTP: the upload (raw bytes; the file name, title and
 * language in headers), the download by the holder's users and the tenant's staff, and the public
 * download of a published version's attachment (cacheable, its ETag the SHA-256 of the bytes).
 */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class DatasheetAttachmentsController {
  constructor(
    private readonly attachments: DatasheetAttachmentsService,
    private readonly context: RequestContext,
  ) {}

  /**
   * Raw bytes (PDF, PNG or JPEG); `X-File-Name`, `X-Attachment-Title` and optionally
   * `X-Attachment-Language` (nl, fr, de, en), percent-encoded. Answers the version, as GraphQL would.
   */
  @Allow(Permission.CompleteDatasheets)
  @OutputWithoutRecords('the version is presented through the gate (purpose http) in the handler')
  // Raw bytes (not JSON): the API's JSON body limit does not apply to this one route.
  @RawBody(UPLOAD_BODY_LIMIT_BYTES)
  @Post('datasheet-versions/:versionId/attachments')
  // eslint-disable-next-line no-restricted-syntax -- answers 201 with the version presented by the gate (purpose http)
  async upload(@Param('versionId') versionId: string, @Req() request: HttpRequest, @Res() response: HttpReply): Promise<void> {
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const language = headerText(request, 'x-attachment-language', 'language').trim().toLowerCase();
    const version = await this.attachments.add(String(versionId).toLowerCase(), {
      fileName: headerText(request, 'x-file-name', 'file.name'),
      title: headerText(request, 'x-attachment-title', 'title'),
      language: language === '' ? null : language,
      declaredType: request.headers['content-type'],
      bytes,
    });
    response.code(201).send(present(this.context.actor, version, 'http'));
  }

  @Allow(Permission.ReadDatasheets)
  @OutputWithoutRecords('the stored bytes of an attachment of a version the caller reads (checked in DatasheetAttachmentsService.download)')
  @Get('datasheet-versions/:versionId/attachments/:attachmentId')
  // eslint-disable-next-line no-restricted-syntax -- sends the stored file; the version's scope decided who may have it
  async download(@Param('versionId') versionId: string, @Param('attachmentId') attachmentId: string, @Res() response: HttpReply): Promise<void> {
    const { attachment, bytes } = await this.attachments.download(String(versionId).toLowerCase(), String(attachmentId).toLowerCase());
    sendDocumentAttachment(response, attachment, bytes);
  }

  /** By short code or public id; an attachment of the published version only. Revalidated like the other public GETs. */
  @Public()
  @OutputWithoutRecords('the stored bytes of an attachment the public read model lists for the published version')
  @Get('public/datasheets/:key/attachments/:attachmentId')
  // eslint-disable-next-line no-restricted-syntax -- sends the published file with its ETag; the read model decided it is public
  async downloadPublished(@Param('key') key: string, @Param('attachmentId') attachmentId: string, @Req() request: HttpRequest, @Res() response: HttpReply): Promise<void> {
    const cached = /^"([0-9a-f]{64})"$/.exec(String(request.headers['if-none-match'] ?? ''))?.[1];
    const { attachment, bytes } = await this.attachments.downloadPublished(String(key), String(attachmentId), cached);
    response.header('ETag', `"${attachment.sha256}"`);
    if (!bytes) {
      response.header('Cache-Control', PUBLIC_CACHE_CONTROL);
      response.code(304).send();
      return;
    }
    sendDocumentAttachment(response, attachment, bytes, PUBLIC_CACHE_CONTROL);
  }
}
