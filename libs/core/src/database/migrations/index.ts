import { PlatformFoundation1764100000000 } from './1764100000000-platform-foundation';
import { Identity1764100000200 } from './1764100000200-identity';
import { AuditLog1764100000300 } from './1764100000300-audit-log';
import { PersonalDataAccessLog1764100000400 } from './1764100000400-personal-data-access-log';

/** Every migration, in order. Listed by hand so the built and the TypeScript runs load the same set. */
export const ALL_MIGRATIONS = [PlatformFoundation1764100000000, Identity1764100000200, AuditLog1764100000300, PersonalDataAccessLog1764100000400];
