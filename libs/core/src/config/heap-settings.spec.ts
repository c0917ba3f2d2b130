import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { loadAppConfig } from './app-config';
import { applyHeapSettings, applyHeapSettingsOf, NO_PRETENURING_FLAG } from './heap-settings';

describe('applyHeapSettings', () => {
  // The flags really reach this worker's V8: both only change how its heap is collected.
  const setFlags = jest.spyOn(v8, 'setFlagsFromString');
  afterEach(() => setFlags.mockClear());
  afterAll(() => setFlags.mockRestore());

  it('by default sets the heap growth factor and turns allocation-site pretenuring off', () => {
    applyHeapSettings(loadAppConfig({}));
    expect(setFlags.mock.calls).toEqual([['--heap-growing-percent=30'], [NO_PRETENURING_FLAG]]);
  });

  it("leaves V8's own choices when told to (HEAP_GROWTH_PERCENT=0, V8_PRETENURING=true)", () => {
    applyHeapSettings(loadAppConfig({ HEAP_GROWTH_PERCENT: '0', V8_PRETENURING: 'true' }));
    expect(setFlags).not.toHaveBeenCalled();
  });

  it("applies the environment's settings, and leaves an invalid configuration to the entry point to report", () => {
    expect(applyHeapSettingsOf({ HEAP_GROWTH_PERCENT: '20' })).toBe(true);
    expect(setFlags.mock.calls).toEqual([['--heap-growing-percent=20'], [NO_PRETENURING_FLAG]]);
    setFlags.mockClear();
    expect(applyHeapSettingsOf({ HEAP_GROWTH_PERCENT: 'lots' })).toBe(false);
    expect(setFlags).not.toHaveBeenCalled();
  });

  // V8 takes the growth factor at each full collection, and the first ones come while the modules
  // load: the settings must be applied before any of the application's modules (heap-settings-at-start).
  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])('are applied by %s before it imports the application', (entryPoint) => {
    const imports = readFileSync(join(__dirname, '../../../..', entryPoint), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('import '));
    expect(imports.slice(0, 2)).toEqual(["import 'reflect-metadata';", "import '@chancery/core/config/heap-settings-at-start';"]);
  });
});
