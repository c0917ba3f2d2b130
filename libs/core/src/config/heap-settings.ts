import { setFlagsFromString } from 'node:v8';
import { AppConfig, loadAppConfig } from './app-config';

/** V8's flag that turns allocation-site pretenuring off (see `applyHeapSettings`). */
export const NO_PRETENURING_FLAG = '--no-allocation-site-pretenuring';

/**
 * Applies the heap settings to this process's V8, before the application is built. Set here rather
 * than on the command line so that `npm start`, the Docker image and the bench all get them (Node does
 * not accept these V8 flags in NODE_OPTIONS).
 *
 * - HEAP_GROWTH_PERCENT: V8 reads the factor at every full collection, so it holds from the next one on;
 *   hence `heap-settings-at-start`, an entry point's first import.
 * - Allocation-site pretenuring, off unless V8_PRETENURING=true: V8 watches each object and array
 *   literal, and once a site's objects have survived young collections it allocates that site's
 *   objects straight in the old generation. Under a request load it pretenures sites whose objects
 *   live one request (pg's result rows, for one), and everything young they then point to survives the
 *   next young collections through its old, already dead, parent: promoted, and left for a full
 *   collection. A plain `node:http` + `pg` server promoted 15 % of all it allocated with it, 1 % without
 *   it, and answered a third more requests; without it the API's `tenants` and `me` cost 15–25 % less CPU
 *   (docs/performance.md, 5 December).
 */
export function applyHeapSettings(config: Pick<AppConfig, 'HEAP_GROWTH_PERCENT' | 'V8_PRETENURING'>): void {
  if (config.HEAP_GROWTH_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWTH_PERCENT}`);
  if (!config.V8_PRETENURING) setFlagsFromString(NO_PRETENURING_FLAG);
}

/**
 * `applyHeapSettings` with the configuration of `env`, for an entry point's first import
 * (heap-settings-at-start.ts). An invalid configuration changes nothing here: the entry point reads it
 * again and reports it. True when the settings were applied.
 */
export function applyHeapSettingsOf(env: NodeJS.ProcessEnv): boolean {
  let config: AppConfig;
  try {
    config = loadAppConfig(env);
  } catch {
    return false;
  }
  applyHeapSettings(config);
  return true;
}
