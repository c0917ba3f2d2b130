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
});
