import { Controller, Get, Header, UseInterceptors } from '@nestjs/common';
import { PresentResultsInterceptor } from '@chancery/policy';
import { Public } from '@chancery/access';
import { AttestationKeySet } from './tenant-offboarding.entity';
import { TenantOffboardingService } from './tenant-offboarding.service';

/** The platform's public attestation keys (no login): a former tenant checks its destruction certificate with them. */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class AttestationKeysController {
  constructor(private readonly offboarding: TenantOffboardingService) {}

  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @Get('platform/attestation-keys')
  async keySet(): Promise<AttestationKeySet> {
    return Object.assign(new AttestationKeySet(), { keys: await this.offboarding.publicKeys() });
  }
}
