import { Controller, Get, Header, UseInterceptors } from '@nestjs/common';
import { PresentResultsInterceptor } from '@chancery/policy';
import { Public } from '@chancery/access';
import { AttestationKeySet } from './attestation-key.entity';
import { AttestationKeys } from './attestation-keys.service';

/** The platform's public attestation keys (no login): a tenant checks its signed log heads, a former tenant its destruction certificate, with them. */
@Controller()
@UseInterceptors(PresentResultsInterceptor)
export class AttestationKeysController {
  constructor(private readonly attestation: AttestationKeys) {}

  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @Get('platform/attestation-keys')
  async keySet(): Promise<AttestationKeySet> {
    return Object.assign(new AttestationKeySet(), { keys: await this.attestation.publicKeys() });
  }
}
