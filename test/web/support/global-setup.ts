import { build } from './server';

/** Builds the API and the portal once; each worker then starts its own API (fixtures.ts, `server`). */
export default function globalSetup(): void {
  build();
}
