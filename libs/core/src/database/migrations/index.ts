import { PlatformFoundation1765000000000 } from './1765000000000-platform-foundation';

/** The platform's own migrations (schema helpers, worker heartbeat). */
export const PLATFORM_MIGRATIONS = [PlatformFoundation1765000000000];
