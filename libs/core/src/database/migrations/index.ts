import { PlatformFoundation1765000000000 } from './1765000000000-platform-foundation';
import { NaturalNameOrder1767600000000 } from './1767600000000-natural-name-order';

/** The platform's own migrations (schema helpers, worker heartbeat, the collation lists by name sort with). */
export const PLATFORM_MIGRATIONS = [PlatformFoundation1765000000000, NaturalNameOrder1767600000000];
