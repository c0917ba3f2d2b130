import { Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { onPersonalDataRead } from '@chancery/policy';
import { PersonalDataAccessLogPlugin } from './access-log/personal-data-access-log.plugin';
import { PersonalDataAccessResolver } from './access-log/personal-data-access.resolver';
import { PersonalDataAccessLog } from './access-log/personal-data-access-log.service';
import { collectPersonalDataRead } from './access-log/personal-data-reads';

/**
 * Privacy operations (SPEC §5). For now the personal-data access log: the policy's field middleware
 * reports every field it lets through, this module keeps the ones that are someone else's personal
 * data read by staff or the operator, and its Apollo plugin writes them once per request.
 */
@Module({
  providers: [PersonalDataAccessLog, PersonalDataAccessResolver, PersonalDataAccessLogPlugin],
  exports: [PersonalDataAccessLog],
})
export class PrivacyModule implements OnModuleInit, OnModuleDestroy {
  onModuleInit(): void {
    onPersonalDataRead(collectPersonalDataRead);
  }

  onModuleDestroy(): void {
    onPersonalDataRead(undefined);
  }
}
