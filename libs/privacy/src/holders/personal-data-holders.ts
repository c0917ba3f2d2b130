import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HoldsPersonalData, PersonalDataHolder } from '@chancery/policy';

/**
 * Every context's personal-data holder (`@HoldsPersonalData()` providers), found once the app has
 * started: exports, erasure, retention and offboarding visit them all, so a context added later is
 * covered by adding its holder, with no change here.
 */
@Injectable()
export class PersonalDataHolders {
  private found?: PersonalDataHolder[];

  constructor(private readonly discovery: DiscoveryService) {}

  all(): PersonalDataHolder[] {
    this.found ??= this.discovery
      .getProviders({ metadataKey: HoldsPersonalData.KEY })
      .map((wrapper) => wrapper.instance as PersonalDataHolder)
      .filter((holder) => holder && typeof holder.recordsOf === 'function')
      .sort((a, b) => a.holder.localeCompare(b.holder));
    return this.found;
  }
}
