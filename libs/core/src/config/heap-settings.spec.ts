import v8 from 'node:v8';
import { loadAppConfig } from './app-config';
import { applyHeapSettings, NO_PRETENURING_FLAG } from './heap-settings';

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
});
