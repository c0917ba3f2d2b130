import { applyHeapSettingsOf } from './heap-settings';

// An entry point's first import (apps/api and apps/worker main.ts), so that the heap settings hold
// before the application's modules load. V8 takes its growth factor at each full collection, and the
// first ones come while the modules load: applied after them, our factor waited for a collection that
// the limit they had set (four times what they kept: about 190 MB of old generation) put off until the
// heap had grown that far. Once a request promoted little, nothing else brought that collection on:
// the API stayed about 240 MiB resident under load, 190 with the factor from the start
// (docs/performance.md, 6 December).
applyHeapSettingsOf(process.env);
