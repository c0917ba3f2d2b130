import { PlatformFoundation1764100000000 } from './1764100000000-platform-foundation';

/** Every migration, in order. Listed by hand so the built and the TypeScript runs load the same set. */
export const ALL_MIGRATIONS = [PlatformFoundation1764100000000];
