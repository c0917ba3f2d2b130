import { CallHandler, Controller, ExecutionContext, Get, Injectable, NestInterceptor, Param, Query, UseInterceptors } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { isUUID } from 'class-validator';
import { map, Observable } from 'rxjs';
import { Public } from '@chancery/access';
import { PresentResultsInterceptor } from '@chancery/policy';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { PublishedDatasheetVersion } from '../entities/published-datasheet-version.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { PublishedProductFamilySchema } from '../entities/published-product-family-schema.entity';
import { PublishedDatasheetPage, WithdrawnDatasheetPage } from '../resolvers/datasheets.outputs';
import { PublicDatasheetsService } from '../services/public-datasheets.service';
import { PublishedProductFamilySchemaArgs, PublishedProductFamilySchemasArgs, SearchPublishedDatasheetsArgs, WithdrawnDatasheetListArgs } from '../inputs/datasheets.inputs';
import type { HttpReply, HttpRequest } from '@chancery/core';

/**
 * Caches (browsers, proxies, the external system) keep the answer and revalidate it on every use
 * (`no-cache`): an unchanged datasheet costs a 304, and a change (a new version, an unpublication, a
 * contact's objection) reaches every reader at once, no stale copy served meanwhile. The ETag is the
 * public read model's revision of each datasheet in the answer, so it changes with any of them.
 */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

/** A strong ETag of what identifies an answer's content (SHA-256, 162 bits, base64url). */
const tagOf = (identity: string) => `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;

function etagOf(result: unknown): string | null {
  // A schema changes its version with every change; a list, with any of them or a family joining or leaving.
  if (result instanceof PublishedProductFamilySchema) return tagOf(`schema:${result.tenantId}:${result.family}:${result.version}`);
  if (Array.isArray(result) && result.length > 0 && result.every((row) => row instanceof PublishedProductFamilySchema)) {
    return tagOf(`schemas:${result.map((s: PublishedProductFamilySchema) => `${s.tenantId}:${s.family}:${s.version}`).join(',')}`);
  }
  // A datasheet's history: a version no longer in force never changes but for why a withdrawn one is (its notice's
  // reason, while it stays withdrawn); a new one adds a row (an empty list: no family, no version).
  if (Array.isArray(result) && result.every((row) => row instanceof PublishedDatasheetVersion)) {
    return tagOf(`history:${result.map((row: PublishedDatasheetVersion) => `${row.versionId}:${row.withdrawalReason ?? ''}`).join(',')}`);
  }
  // A notice changes only when the datasheet is withdrawn again or its product's certificate changes status.
  const noticeIdentity = (w: WithdrawnDatasheet) => `${w.id}:${w.withdrawnAt.toISOString()}:${w.reason}`;
  if (result instanceof WithdrawnDatasheet) return tagOf(`withdrawn:${noticeIdentity(result)}`);
  if (result instanceof WithdrawnDatasheetPage) return tagOf(`withdrawn-page:${result.items.map(noticeIdentity).join(',')};next:${result.nextCursor ?? ''}`);
  const rows = result instanceof PublishedDatasheet ? [result] : result instanceof PublishedDatasheetPage ? result.items : null;
  if (!rows) return null;
  let identity = '';
  for (const row of rows) identity += `${row.id}:${row.revision};`;
  if (result instanceof PublishedDatasheetPage) identity += `next:${result.nextCursor ?? ''}`;
  return tagOf(identity);
}

@Injectable()
export class PublicCacheHeaders implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<HttpRequest>();
    const response = execution.switchToHttp().getResponse<HttpReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        const etag = etagOf(result);
        response.header('Cache-Control', PUBLIC_CACHE_CONTROL);
        if (!etag) return result;
        response.header('ETag', etag);
        if (request.headers['if-none-match'] === etag) {
          response.status(304);
          return undefined;
        }
        return result;
      }),
    );
  }
}

/** A public id rather than a short code (a 36-character key that is no uuid reached the uuid cast: a 500). */
const lookupKey = (key: string): { id: string } | { code: string } => (isUUID(key) ? { id: key.toLowerCase() } : { code: key });

/** The public API as plain GET JSON, answered by the same service and output gate as GraphQL. */
@Controller('public/datasheets')
// The gate first (outermost): the cache headers are computed from the records as they were read.
@UseInterceptors(PresentResultsInterceptor, PublicCacheHeaders)
export class PublicDatasheetsController {
  constructor(private readonly publicDatasheets: PublicDatasheetsService) {}

  @Public()
  @Get()
  async search(@Query() query: SearchPublishedDatasheetsArgs): Promise<PublishedDatasheetPage> {
    return Object.assign(new PublishedDatasheetPage(), await this.publicDatasheets.search(query));
  }

  /** By short code (as printed on delivery notes) or by public id; a withdrawn one: 404 with the reason DATASHEET_WITHDRAWN. */
  @Public()
  @Get(':key')
  one(@Param('key') key: string): Promise<PublishedDatasheet> {
    return this.publicDatasheets.find(lookupKey(key));
  }

  /** The versions no longer in force, newest first, of a published or a withdrawn datasheet (publishedDatasheetHistory). */
  @Public()
  @Get(':key/versions')
  history(@Param('key') key: string): Promise<PublishedDatasheetVersion[]> {
    return this.publicDatasheets.history(lookupKey(key));
  }

  /** The notice of a withdrawn datasheet (withdrawnDatasheet). */
  @Public()
  @Get(':key/withdrawal')
  withdrawal(@Param('key') key: string): Promise<WithdrawnDatasheet> {
    return this.publicDatasheets.withdrawal(lookupKey(key));
  }
}

/** The withdrawn datasheets as plain GET JSON (withdrawnDatasheets), with the same gate and cache headers. */
@Controller('public/withdrawn-datasheets')
@UseInterceptors(PresentResultsInterceptor, PublicCacheHeaders)
export class PublicWithdrawnDatasheetsController {
  constructor(private readonly publicDatasheets: PublicDatasheetsService) {}

  @Public()
  @Get()
  async list(@Query() query: WithdrawnDatasheetListArgs): Promise<WithdrawnDatasheetPage> {
    return Object.assign(new WithdrawnDatasheetPage(), await this.publicDatasheets.withdrawals(query));
  }
}

/** A product family's schema, or a list of them, as plain GET JSON (publishedProductFamilySchema[s]), with the same gate and cache headers. */
@Controller('public/product-families')
@UseInterceptors(PresentResultsInterceptor, PublicCacheHeaders)
export class PublicProductFamiliesController {
  constructor(private readonly publicDatasheets: PublicDatasheetsService) {}

  /** Every certification body's families with a published datasheet (the search form's choices). */
  @Public()
  @Get()
  everyBodysSchemas(): Promise<PublishedProductFamilySchema[]> {
    return this.publicDatasheets.familySchemas();
  }

  @Public()
  @Get(':tenant')
  schemas(@Param() { tenant }: PublishedProductFamilySchemasArgs): Promise<PublishedProductFamilySchema[]> {
    return this.publicDatasheets.familySchemas(tenant);
  }

  @Public()
  @Get(':tenant/:family')
  schema(@Param() { tenant, family }: PublishedProductFamilySchemaArgs): Promise<PublishedProductFamilySchema> {
    return this.publicDatasheets.familySchema(tenant, family);
  }
}
