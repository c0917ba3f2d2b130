import { Global, Injectable, Module } from '@nestjs/common';
import { TenantSpaceKind, TenantSpaces } from '@chancery/webhooks';
import { TenantKind } from '../entities/tenant.entity';
import { TenantRepository } from '../repositories/tenant.repository';

/** Every tenant kind is a kind of space the webhooks context knows (a compile-time check). */
const SPACE_KIND_OF: Readonly<Record<TenantKind, TenantSpaceKind>> = {
  [TenantKind.CHAMBER_OF_COMMERCE]: 'CHAMBER_OF_COMMERCE',
  [TenantKind.CERTIFICATION_BODY]: 'CERTIFICATION_BODY',
};

/** The webhooks context's port onto the tenants identity keeps. In the caller's unit of work. */
@Injectable()
export class IdentityTenantSpaces extends TenantSpaces {
  constructor(private readonly tenants: TenantRepository) {
    super();
  }

  async kindsOf(tenantId: string): Promise<readonly TenantSpaceKind[]> {
    const tenant = await this.tenants.findById(tenantId);
    return (tenant?.kinds ?? []).map((kind) => SPACE_KIND_OF[kind]);
  }
}

/** Provides `TenantSpaces` wherever identity is composed (the API and the worker). */
@Global()
@Module({
  providers: [TenantRepository, IdentityTenantSpaces, { provide: TenantSpaces, useExisting: IdentityTenantSpaces }],
  exports: [TenantSpaces],
})
export class TenantSpacesModule {}
