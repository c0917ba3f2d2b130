import { IdentityFactory } from './identity-factory';
import { TestApp, TestAppOptions } from './test-app';

/**
 * Starts the real app for the tests of the enclosing `describe` (beforeAll) and stops it after them
 * (afterAll). Read `app` inside tests and hooks, not at definition time.
 */
export function useTestApp(options: TestAppOptions = {}): { readonly app: TestApp; readonly factory: IdentityFactory } {
  const holder: { app?: TestApp; factory?: IdentityFactory } = {};
  beforeAll(async () => {
    holder.app = await TestApp.start(options);
    holder.factory = new IdentityFactory(holder.app);
  });
  afterAll(() => holder.app?.stop());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test app is not started yet: use it inside a test or hook');
    return value;
  };
  return {
    get app() {
      return started(holder.app);
    },
    get factory() {
      return started(holder.factory);
    },
  };
}
