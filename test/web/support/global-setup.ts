import { build, startApi } from './server';

/** Builds, starts the real API (which serves the portal), and stops it after the last test. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  build();
  const { state, stop } = await startApi();
  process.stdout.write(`[web] API and portal at ${state.baseURL} (DATA_DIR ${state.dataDir})\n`);
  return stop;
}
