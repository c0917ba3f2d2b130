import { Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { onPersonalDataPresented } from '@chancery/policy';
import { PersonalDataAccessLogPlugin } from './access-log/personal-data-access-log.plugin';
import { PersonalDataAccessLog } from './access-log/personal-data-access-log.service';
import { PersonalDataAccessRepository } from './access-log/personal-data-access.repository';
import { PersonalDataAccessResolver } from './access-log/personal-data-access.resolver';
import { collectPersonalDataPresented } from './access-log/personal-data-reads';
import { PrivacyOfficeModule } from './privacy-office.module';

/**
 * Privacy operations (SPEC §5). For now the personal-data access log: the output gate reports every
 * record it presents with personal data in it, this module keeps the reads that are someone else's
 * personal data by staff or the operator, and its Apollo plugin writes them once per request.
 */
@Module({
  imports: [PrivacyOfficeModule],
  providers: [PersonalDataAccessRepository, PersonalDataAccessLog, PersonalDataAccessResolver, PersonalDataAccessLogPlugin],
  exports: [PersonalDataAccessLog],
})
export class PrivacyModule implements OnModuleInit, OnModuleDestroy {
  onModuleInit(): void {
    onPersonalDataPresented(collectPersonalDataPresented);
  }

  onModuleDestroy(): void {
    onPersonalDataPresented(undefined);
  }
}
