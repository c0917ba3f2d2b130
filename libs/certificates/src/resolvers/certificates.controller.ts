import { Controller, Get, Header, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { Allow, Permission, Public } from '@chancery/access';
import { BadUserInputError, DomainError, ErrorCode, NotFoundError, RawBody, RequestContext, UPLOAD_BODY_LIMIT_BYTES } from '@chancery/core';
import type { HttpReply, HttpRequest } from '@chancery/core';
import { DocumentErrors, percentDecodedHeader, sendDocumentAttachment } from '@chancery/documents';
import { Envelope, OutputWithoutRecords, present, PresentResultsInterceptor } from '@chancery/policy';
import { CertificatePublicKey, CertificateVerification } from '../entities/public-verification.types';
import { ApplicationsService } from '../services/applications.service';
import { CertificatesService } from '../services/certificates.service';
import { SigningKeysService } from '../services/signing-keys.service';
import { VERIFICATION_WINDOW_MS, VerificationService } from '../services/verification.service';
import { pageLanguageOf, renderVerificationPage, renderVerificationProblemPage, VerificationProblem } from './verification-page';
import { CERTIFICATE_NUMBER } from '../signing/certificate-payload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z0-9-]{4,30}$/i;

/** The refusals of the QR link a browser is shown as a page, with their HTTP status. */
const VERIFICATION_PROBLEMS: Partial<Record<ErrorCode, { page: VerificationProblem; status: number }>> = {
  [ErrorCode.BAD_USER_INPUT]: { page: 'malformed', status: 400 },
  [ErrorCode.TOO_MANY_REQUESTS]: { page: 'throttled', status: 429 },
};

/** A chamber's key set, JWKS-like (RFC 7517 `keys`, RFC 8037 OKP/Ed25519). */
@Envelope('CertificateKeySet')
export class CertificateKeySet {
  keys: CertificatePublicKey[];
}

/**
 * The plain HTTP side of certificates: the verification page the QR code opens (no login, cacheable),
 * the published key set, the PDF download (the stored file) and the upload of supporting documents
 * (raw bytes; type and size are checked on them).
 */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class CertificatesController {
  constructor(
    private readonly verification: VerificationService,
    private readonly keys: SigningKeysService,
    private readonly certificates: CertificatesService,
    private readonly applications: ApplicationsService,
    private readonly context: RequestContext,
  ) {}

  @Public()
  @OutputWithoutRecords('HTML or JSON of a CertificateVerification presented through the gate (purpose http) in the handler')
  @Get('verify/:number')
  // eslint-disable-next-line no-restricted-syntax -- writes the CertificateVerification presented by the gate (purpose http) as JSON or HTML
  async verify(@Param('number') number: string, @Query('code') code: string | undefined, @Query('lang') lang: unknown, @Req() request: HttpRequest, @Res() response: HttpReply): Promise<void> {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    // A browser's page is in the reader's language (the phone's, or the one chosen on the page); a machine's JSON has none.
    const pageLanguage = () => pageLanguageOf(lang, request.headers['accept-language']);
    response.header('Vary', 'Accept, Accept-Language');
    response.header('Referrer-Policy', 'no-referrer');
    const normalised = String(number ?? '').toUpperCase();
    const givenCode = typeof code === 'string' ? code : '';
    let answer: CertificateVerification;
    try {
      if (!CERTIFICATE_NUMBER.test(normalised)) throw BadUserInputError.field('number', 'is not a certificate number', 'matches');
      if (!CODE.test(givenCode)) throw BadUserInputError.field('code', 'is not a verification code', 'matches');
      answer = present(this.context.actor, await this.verification.verify(normalised, givenCode, request.ip ?? 'unknown'), 'http') as CertificateVerification;
    } catch (error) {
      const problem = error instanceof DomainError ? VERIFICATION_PROBLEMS[error.code] : undefined;
      if (!problem) throw error;
      // The window of failed tries: a client knows when it may try again.
      if (problem.page === 'throttled') response.header('Retry-After', String(VERIFICATION_WINDOW_MS / 1000));
      // A machine gets the API's JSON error; a browser (the QR code on a phone) a page that says what to do.
      if (wantsJson) throw error;
      const language = pageLanguage();
      response.header('Cache-Control', 'no-store');
      response.header('Content-Language', language);
      response.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      response.status(problem.status).type('text/html; charset=utf-8').send(renderVerificationProblemPage(problem.page, language));
      return;
    }
    // Same answer for everyone with this URL: a cache may keep it a little while (status changes are rare).
    response.header('Cache-Control', 'public, max-age=300');
    if (wantsJson) {
      response.send(answer);
      return;
    }
    response.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    // This page's own address without its language: the page links to itself in the other languages.
    const selfPath = `/verify/${encodeURIComponent(normalised)}?code=${encodeURIComponent(givenCode)}`;
    const language = pageLanguage();
    response.header('Content-Language', language);
    response.type('text/html; charset=utf-8').send(renderVerificationPage(answer, language, selfPath));
  }

  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @Get('certificates/keys/:tenantSlug')
  async keySet(@Param('tenantSlug') tenantSlug: string): Promise<CertificateKeySet> {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(String(tenantSlug))) throw new NotFoundError('Key set');
    return Object.assign(new CertificateKeySet(), { keys: await this.keys.publicKeys(tenantSlug) });
  }

  @Allow(Permission.ReadCertificates)
  @OutputWithoutRecords('the stored PDF, rendered from the gate-presented certificate by the worker')
  @Get('certificates/:certificateId/pdf')
  // eslint-disable-next-line no-restricted-syntax -- sends the stored PDF, rendered by the pdf channel from the gate-presented certificate
  async pdf(@Param('certificateId') certificateId: string, @Query('copy') copy: string | undefined, @Res() response: HttpReply): Promise<void> {
    if (!UUID.test(String(certificateId))) throw new NotFoundError('Certificate');
    const copyNumber = copy === undefined ? 0 : Number(copy);
    if (!Number.isInteger(copyNumber) || copyNumber < 0 || copyNumber > 10_000) throw BadUserInputError.field('copy', 'must be a copy number', 'isInt');
    const { fileName, bytes } = await this.certificates.pdf(certificateId, copyNumber);
    response.header('Content-Type', 'application/pdf');
    response.header('Content-Disposition', `attachment; filename="${fileName}"`);
    response.header('Cache-Control', 'private, no-store');
    response.send(bytes);
  }

  /**
   * A supporting document of an application, as uploaded (the stored bytes, checksum checked): for the
   * company, and for the tenant's staff once the application is submitted. Sent as an attachment of
   * the media type found in its bytes, never rendered by the browser in the portal's origin.
   */
  @Allow(Permission.ReadCertificates)
  @OutputWithoutRecords('the stored bytes of a supporting document of an application the caller sees (checked in ApplicationsService.supportingDocument)')
  @Get('certificate-applications/:applicationId/documents/:documentId')
  // eslint-disable-next-line no-restricted-syntax -- sends the stored file; the application's visibility decided who may have it
  async document(@Param('applicationId') applicationId: string, @Param('documentId') documentId: string, @Res() response: HttpReply): Promise<void> {
    if (!UUID.test(String(applicationId))) throw new NotFoundError('Certificate application');
    if (!UUID.test(String(documentId))) throw new NotFoundError('Document');
    const { document, bytes } = await this.applications.supportingDocument(applicationId.toLowerCase(), documentId.toLowerCase());
    sendDocumentAttachment(response, document, bytes);
  }

  /** Raw bytes (PDF, PNG or JPEG); the file name, percent-encoded, in `X-File-Name`. Answers the application, as GraphQL would. */
  @Allow(Permission.ApplyForCertificates)
  @OutputWithoutRecords('the application is presented through the gate (purpose http) in the handler')
  // Raw bytes (not JSON): the API's JSON body limit does not apply to this one route.
  @RawBody(UPLOAD_BODY_LIMIT_BYTES)
  @Post('certificate-applications/:applicationId/documents')
  // eslint-disable-next-line no-restricted-syntax -- answers 201 with the application presented by the gate (purpose http)
  async upload(@Param('applicationId') applicationId: string, @Req() request: HttpRequest, @Res() response: HttpReply): Promise<void> {
    if (!UUID.test(String(applicationId))) throw new NotFoundError('Certificate application');
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const fileName = percentDecodedHeader(request.headers['x-file-name']);
    if (fileName === null) throw DocumentErrors.DOCUMENT_NAME_INVALID('The x-file-name header is not percent-encoded UTF-8', { field: 'file.name' });
    const application = await this.applications.attachDocument(applicationId, fileName, bytes, request.headers['content-type']);
    response.code(201).send(present(this.context.actor, application, 'http'));
  }
}
