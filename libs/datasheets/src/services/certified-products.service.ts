import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, isUniqueViolation, RequestContext, TransactionRunner } from '@chancery/core';
import { OrganisationPeople, TenantKind } from '@chancery/identity';
import { assertValidSchema } from '../characteristics-validator';
import { DatasheetsErrors } from '../datasheets.errors';
import { CertifiedProduct, CertifiedProductStatus } from '../entities/certified-product.entity';
import { ProductFamilySchema } from '../entities/product-family-schema.entity';
import { CreateCertifiedProductInput, SetProductFamilySchemaInput } from '../inputs/datasheets.inputs';
import { CertifiedProductRepository } from '../repositories/certified-product.repository';
import { ProductFamilySchemaRepository } from '../repositories/product-family-schema.repository';
import { DatasheetPublication } from './datasheet-publication.service';
import { datasheetScopeOf, staffScopeOf } from './datasheet-scope';

/** Certified products of the tenant's certificate holders, and the tenant's schemas per product family. */
@Injectable()
export class CertifiedProductsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly products: CertifiedProductRepository,
    private readonly schemas: ProductFamilySchemaRepository,
    private readonly people: OrganisationPeople,
    private readonly publication: DatasheetPublication,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateCertifiedProductInput): Promise<CertifiedProduct> {
    const scope = staffScopeOf(this.context.actor);
    if (!scope) throw DatasheetsErrors.HOLDER_NOT_FOUND('Company not found', { field: 'input.organisationId' });
    try {
      return await this.transactions.run(async () => {
        await this.assertCertificationBody(scope.tenantId);
        const organisation = await this.people.organisation(input.organisationId);
        if (!organisation || organisation.tenantId !== scope.tenantId) throw DatasheetsErrors.HOLDER_NOT_FOUND('Company not found', { field: 'input.organisationId' });
        const product = await this.products.insert({ ...input, tenantId: scope.tenantId });
        await this.audit.record({ action: 'datasheets.product.created', subjectType: 'CertifiedProduct', subjectId: product.id, details: { organisation: organisation.id } });
        return product;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'certified_product_tenant_id_certificate_reference_key')) {
        throw DatasheetsErrors.CERTIFICATE_REFERENCE_TAKEN('another product has this certificate reference', { field: 'input.certificateReference' });
      }
      throw error;
    }
  }

  /** A product that is no longer ACTIVE takes its published datasheet off the public outputs, leaving a notice of why. */
  async changeStatus(id: string, status: CertifiedProductStatus): Promise<CertifiedProduct> {
    const scope = staffScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const product = scope ? await this.products.setStatus(id, scope.tenantId, status, this.clock.now()) : null;
      if (!product) throw DatasheetsErrors.PRODUCT_NOT_FOUND('Certified product not found', { field: 'id' });
      await this.audit.record({ action: 'datasheets.product.statusChanged', subjectType: 'CertifiedProduct', subjectId: product.id, details: { status } });
      await this.publication.followProductStatus(product);
      return product;
    });
  }

  /** A page of the company's products (organisation users) or the tenant's (staff); see CertifiedProductRepository.listInScope. */
  list(page: { first: number; after?: string; search?: string; ids?: string[] }): Promise<CertifiedProduct[]> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope) return Promise.resolve([]);
    return this.transactions.run(() => this.products.listInScope(scope, { limit: page.first, after: page.after, search: page.search?.trim(), ids: page.ids }));
  }

  async setFamilySchema(input: SetProductFamilySchemaInput): Promise<ProductFamilySchema> {
    assertValidSchema(input.jsonSchema, 'input.jsonSchema');
    const scope = staffScopeOf(this.context.actor);
    if (!scope) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('not a certification body’s staff');
    return this.transactions.run(async () => {
      await this.assertCertificationBody(scope.tenantId);
      const schema = await this.schemas.upsert(scope.tenantId, input.family, input.jsonSchema, this.clock.now());
      await this.audit.record({ action: 'datasheets.familySchema.set', subjectType: 'ProductFamilySchema', subjectId: schema.id, details: { family: schema.family, version: schema.version } });
      return schema;
    });
  }

  listFamilySchemas(): Promise<ProductFamilySchema[]> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) return Promise.resolve([]);
    return this.transactions.run(() => this.schemas.list(tenantId));
  }

  private async assertCertificationBody(tenantId: string): Promise<void> {
    const tenant = await this.people.tenant(tenantId);
    if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) throw DatasheetsErrors.NOT_A_CERTIFICATION_BODY('the tenant is not a certification body');
  }
}
