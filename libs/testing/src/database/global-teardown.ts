import type { EmbeddedPostgres } from '@chancery/core';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __chanceryEmbedded?: EmbeddedPostgres }).__chanceryEmbedded;
  await embedded?.stop();
}
