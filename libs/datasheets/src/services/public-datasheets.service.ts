import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chancery/core';
import { isUUID } from 'class-validator';
import { TenantDirectoryService, TenantKind } from '@chancery/identity';
import { DatasheetsErrors } from '../datasheets.errors';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { PublishedDatasheetVersion } from '../entities/published-datasheet-version.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { PublishedProductFamilySchema } from '../entities/published-product-family-schema.entity';
import { ProductFamilySchemaRepository } from '../repositories/product-family-schema.repository';
import { PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';
import { normalisePublicCode } from '../public-code';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PublicSearch {
  tenant?: string;
  productFamily?: string;
  productName?: string;
  holderName?: string;
  certificateReference?: string;
  first?: number;
  after?: string | null;
}

export interface PublicPage {
  items: PublishedDatasheet[];
  nextCursor: string | null;
}

/**
 * The public API of published datasheets (anyone, no login): by public id, by short code, and search.
 * Reads run in the public scope (`publicReading`), where row-level security shows the public read
 * model only, so no question asked here can reach a draft, a review or an unpublished version.
 * GraphQL and the plain GET routes both answer from here; the output gate presents the records.
 */
const SLUG_MEMORY_MS = 60_000;

@Injectable()
export class PublicDatasheetsService {
  /**
   * Slug → tenant id, remembered for a minute so a search page stays one statement. Not for ever: a
   * tenant that leaves is destroyed and its slug may be given to another (offboarding).
   */
  private readonly tenantIds = new Map<string, { id: string; until: number }>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly published: PublishedDatasheetRepository,
    private readonly schemas: ProductFamilySchemaRepository,
    private readonly directory: TenantDirectoryService,
  ) {}

  /**
   * A product family's schema, public while a datasheet of the family is published; the tenant by its
   * slug (as the search takes it) or its id (as a published datasheet gives it). NOT_FOUND otherwise,
   * the same for a family in preparation as for one that does not exist.
   */
  async familySchema(tenant: string, family: string): Promise<PublishedProductFamilySchema> {
    const tenantId = await this.tenantIdOfSlugOrId(tenant);
    const found = tenantId ? await this.transactions.publicReading(() => this.schemas.findPublished(tenantId, family)) : null;
    if (!found?.hasPublishedDatasheet) throw DatasheetsErrors.PUBLISHED_FAMILY_SCHEMA_NOT_FOUND('No published datasheet of this product family');
    return found;
  }

  /**
   * The tenant's families with a published datasheet, each with its schema, by family; none for an
   * unknown tenant. Without a tenant, every certification body's, by tenant id and family: the search
   * form's choices in one question, whatever the number of bodies in the directory.
   */
  async familySchemas(tenant?: string): Promise<PublishedProductFamilySchema[]> {
    const tenantIds = tenant ? [await this.tenantIdOfSlugOrId(tenant)].filter((id): id is string => id !== null) : await this.certificationBodyIds();
    const found = tenantIds.length > 0 ? await this.transactions.publicReading(() => this.schemas.listPublished(tenantIds)) : [];
    return found.filter((schema) => schema.hasPublishedDatasheet);
  }

  /**
   * By public id or by short code (exactly one of them); NOT_FOUND when nothing is published under it,
   * with the reason DATASHEET_WITHDRAWN when a datasheet was withdrawn under it (`withdrawal` tells more).
   */
  async find(key: { id?: string; code?: string }): Promise<PublishedDatasheet> {
    const lookup = lookupOf(key);
    const found = lookup ? await this.transactions.publicReading(() => ('id' in lookup ? this.published.findById(lookup.id) : this.published.findByCode(lookup.code))) : null;
    if (!found) throw await this.notPublished(lookup);
    return found;
  }

  /**
   * The versions of a datasheet no longer in force, newest first: those its current one superseded, or,
   * withdrawn, its last one (marked withdrawn, when and why) and those before it (SPEC §3: history stays
   * readable). NOT_FOUND (DATASHEET_NOT_FOUND) when nothing was published under the key.
   */
  async history(key: { id?: string; code?: string }): Promise<PublishedDatasheetVersion[]> {
    const lookup = lookupOf(key);
    const versions = lookup ? await this.transactions.publicReading(() => this.published.historyOf(lookup)) : null;
    if (!versions) throw DatasheetsErrors.DATASHEET_NOT_FOUND('Datasheet not found');
    return versions;
  }

  /** The notice of a datasheet withdrawn under a public id or a short code: what it was, when and why it was withdrawn. */
  async withdrawal(key: { id?: string; code?: string }): Promise<WithdrawnDatasheet> {
    const lookup = lookupOf(key);
    const found = lookup ? await this.transactions.publicReading(() => this.published.findWithdrawal(lookup)) : null;
    if (!found) throw DatasheetsErrors.DATASHEET_WITHDRAWAL_NOT_FOUND('No datasheet withdrawn under this id or code');
    return found;
  }

  /**
   * The refusal for a key under which nothing is published: a code printed on a delivery note that no
   * longer answers must not read as a wrong code when the datasheet was withdrawn. Asked only on a miss,
   * so a datasheet in force costs one statement as before.
   */
  private async notPublished(lookup: { id: string } | { code: string } | null): Promise<Error> {
    const withdrawn = lookup ? await this.transactions.publicReading(() => this.published.findWithdrawal(lookup)) : null;
    return withdrawn ? DatasheetsErrors.DATASHEET_WITHDRAWN('The datasheet is withdrawn') : DatasheetsErrors.DATASHEET_NOT_FOUND('Datasheet not found');
  }

  async search(search: PublicSearch): Promise<PublicPage> {
    const first = search.first ?? DEFAULT_PAGE_SIZE;
    if (first > MAX_PAGE_SIZE) throw DatasheetsErrors.DATASHEET_PAGE_TOO_LARGE(`at most ${MAX_PAGE_SIZE} per page`, { field: 'first' });
    const position = search.after ? decodeCursor(search.after) : undefined;
    const after = position ? { publishedAt: position.at, id: position.id } : undefined;
    let tenantId: string | undefined;
    if (search.tenant) {
      const id = await this.tenantIdOf(search.tenant);
      if (!id) return { items: [], nextCursor: null };
      tenantId = id;
    }
    const rows = await this.transactions.publicReading(() =>
      this.published.search({
        tenantId, productFamily: search.productFamily, productName: search.productName, holderName: search.holderName,
        certificateReference: search.certificateReference, after, limit: first + 1,
      }),
    );
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > first && last ? encodeCursor(last.publishedAt, last.id) : null };
  }

  /**
   * The withdrawn datasheets, newest withdrawal first, in pages: a certification body's (by slug) or
   * every body's; the register of suspended and withdrawn certificates a buyer checks a supplier in.
   */
  async withdrawals(list: { tenant?: string; first?: number; after?: string | null }): Promise<{ items: WithdrawnDatasheet[]; nextCursor: string | null }> {
    const first = list.first ?? DEFAULT_PAGE_SIZE;
    if (first > MAX_PAGE_SIZE) throw DatasheetsErrors.DATASHEET_PAGE_TOO_LARGE(`at most ${MAX_PAGE_SIZE} per page`, { field: 'first' });
    const position = list.after ? decodeCursor(list.after) : undefined;
    const tenantId = list.tenant ? await this.tenantIdOf(list.tenant) : undefined;
    if (tenantId === null) return { items: [], nextCursor: null };
    const rows = await this.transactions.publicReading(() =>
      this.published.listWithdrawals({ tenantId, after: position ? { withdrawnAt: position.at, id: position.id } : undefined, limit: first + 1 }),
    );
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > first && last ? encodeCursor(last.withdrawnAt, last.id) : null };
  }

  /** The directory's certification bodies, by id. */
  private async certificationBodyIds(): Promise<string[]> {
    return (await this.directory.list()).filter((tenant) => tenant.kinds.includes(TenantKind.CERTIFICATION_BODY)).map((tenant) => tenant.id);
  }

  /** A tenant given by its id (as a published datasheet names it) or its slug (as the directory does). */
  private async tenantIdOfSlugOrId(tenant: string): Promise<string | null> {
    return isUUID(tenant) ? tenant : this.tenantIdOf(tenant);
  }

  private async tenantIdOf(slug: string): Promise<string | null> {
    const now = Date.now();
    const known = this.tenantIds.get(slug);
    if (known && known.until > now) return known.id;
    const tenant = await this.directory.findBySlug(slug);
    if (!tenant) {
      this.tenantIds.delete(slug); // not remembered: a tenant created later is found then
      return null;
    }
    this.tenantIds.set(slug, { id: tenant.id, until: now + SLUG_MEMORY_MS });
    return tenant.id;
  }
}

/**
 * What to look a published datasheet up by: exactly one of the public id and the short code (else
 * BAD_USER_INPUT naming the field); null for a code that cannot be one (nothing is published under it).
 */
function lookupOf(key: { id?: string; code?: string }): { id: string } | { code: string } | null {
  if ((key.id === undefined) === (key.code === undefined)) throw DatasheetsErrors.ID_OR_CODE_REQUIRED('give either id or code', { field: key.id === undefined ? 'id' : 'code' });
  if (key.id !== undefined) return { id: key.id };
  const code = normalisePublicCode(key.code!);
  return code ? { code } : null;
}

/** The position after a row in a list's stable order (its time DESC, id DESC), opaque to clients. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [written, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(written ?? '');
  // Exactly the time encodeCursor wrote (a four-digit year): JavaScript reads years PostgreSQL cannot store.
  const asWritten = /^\d{4}-/.test(written ?? '') && !Number.isNaN(at.getTime()) && at.toISOString() === written;
  if (!id || !isUUID(id) || !asWritten) throw DatasheetsErrors.DATASHEET_CURSOR_INVALID('is not a cursor this API gave', { field: 'after' });
  return { at, id };
}
