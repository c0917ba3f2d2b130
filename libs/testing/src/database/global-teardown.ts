import type { EmbeddedPostgres } from '../../../core/src';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __chanceryEmbedded?: EmbeddedPostgres }).__chanceryEmbedded;
  await embedded?.stop();
}
