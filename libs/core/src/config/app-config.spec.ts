import { ConfigValidationError, loadAppConfig } from './app-config';

const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/chancery', SECRETS_KEY: 'k'.repeat(44), JWT_PRIVATE_KEY: 'unused here' };

describe('AppConfig', () => {
  it('refuses DEMO_DATA in production: its accounts share a published password (#14, defect 14)', () => {
    expect(() => loadAppConfig({ ...production, DEMO_DATA: 'true' })).toThrow(ConfigValidationError);
    expect(() => loadAppConfig({ ...production, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
  });

  it('trusts no proxy by default, in production too (#14, defect 2)', () => {
    expect(loadAppConfig({}).trustedProxies).toBe(false);
    expect(() => loadAppConfig(production)).not.toThrow();
    expect(loadAppConfig(production).trustedProxies).toBe(false);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and ranges', () => {
    expect(loadAppConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1);
    expect(loadAppConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.10']);
    expect(() => loadAppConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('lets the heap grow 30 % past what a full collection kept, unless HEAP_GROWTH_PERCENT says otherwise (0: V8 decides)', () => {
    expect(loadAppConfig({}).HEAP_GROWTH_PERCENT).toBe(30);
    expect(loadAppConfig({ HEAP_GROWTH_PERCENT: '0' }).HEAP_GROWTH_PERCENT).toBe(0);
    expect(() => loadAppConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(/HEAP_GROWTH_PERCENT/);
    expect(() => loadAppConfig({ HEAP_GROWTH_PERCENT: 'lots' })).toThrow(/HEAP_GROWTH_PERCENT/);
  });

  it("turns V8's allocation-site pretenuring off unless V8_PRETENURING says otherwise", () => {
    expect(loadAppConfig({}).V8_PRETENURING).toBe(false);
    expect(loadAppConfig({ V8_PRETENURING: 'true' }).V8_PRETENURING).toBe(true);
  });

  it('reads a yes-or-no setting as yes (true, 1, yes, on) or no (false, 0, no, off), and stops on anything else, naming it', () => {
    expect(loadAppConfig({ DEMO_DATA: 'TRUE', WORKER_IN_PROCESS: '0', EXPOSE_STATEMENT_COUNT: 'no', MIGRATIONS_RUN: 'on' })).toMatchObject({
      DEMO_DATA: true,
      WORKER_IN_PROCESS: false,
      EXPOSE_STATEMENT_COUNT: false,
      MIGRATIONS_RUN: true,
    });
    // A typo must not quietly read as "no": V8_PRETENURING=ture, DEMO_DATA=yess.
    expect(() => loadAppConfig({ V8_PRETENURING: 'ture' })).toThrow(/V8_PRETENURING/);
    expect(() => loadAppConfig({ DEMO_DATA: 'yess' })).toThrow(/DEMO_DATA/);
  });
});
