import { setFlagsFromString } from 'node:v8';
import type { AppConfig } from './app-config';

/**
 * Applies HEAP_GROWTH_PERCENT to this process's V8, before the application is built. Set here rather
 * than on the command line so that `npm start`, the Docker image and the bench all get it (Node does
 * not accept V8's heap flags in NODE_OPTIONS). V8 reads the factor at every full collection, so it
 * holds from the next one on.
 */
export function applyHeapGrowth(config: Pick<AppConfig, 'HEAP_GROWTH_PERCENT'>): void {
  if (config.HEAP_GROWTH_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWTH_PERCENT}`);
}
