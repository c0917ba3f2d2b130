import { isPrivateAddress, refusalOfTargetUrl } from './webhook-target';
import { jitteredDelayMs, webhookRetryDelayMs } from './webhook-dispatcher.service';
import { newSigningSecret, signPayload, verifySignature } from './webhook-signature';

describe('webhook targets (SSRF)', () => {
  it.each([
    ['http://erp.example.com/hooks', 'must use https'],
    ['https://127.0.0.1/hooks', 'private'],
    ['https://10.1.2.3/hooks', 'private'],
    ['https://172.20.0.1/hooks', 'private'],
    ['https://192.168.1.1/hooks', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'private'],
    ['https://[::1]/hooks', 'private'],
    ['https://[::ffff:127.0.0.1]/hooks', 'private'],
    ['https://2130706433/hooks', 'private'],
    ['https://localhost/hooks', 'local'],
    ['https://user:pw@erp.example.com/hooks', 'credentials'],
    ['ftp://erp.example.com/hooks', 'https'],
  ])('refuses %s in production', (url, reason) => {
    expect(refusalOfTargetUrl(url, true)).toContain(reason);
  });

  it('accepts a public https target in production, and local http receivers outside it', () => {
    expect(refusalOfTargetUrl('https://erp.example.com/hooks', true)).toBeNull();
    expect(refusalOfTargetUrl('https://93.184.216.34/hooks', true)).toBeNull();
    expect(refusalOfTargetUrl('http://127.0.0.1:4000/hooks', false)).toBeNull();
  });

  it('knows private addresses', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '0.0.0.0']) expect(isPrivateAddress(address)).toBe(true);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('webhook signatures and backoff', () => {
  it('signs the Standard Webhooks way and refuses a changed body or another secret', () => {
    const secret = newSigningSecret();
    const signature = signPayload(secret, 'msg_1', 1_700_000_000, '{"a":1}');
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifySignature(secret, { id: 'msg_1', timestamp: '1700000000', signature: `v1,bogus ${signature}` }, '{"a":1}')).toBe(true);
    expect(verifySignature(secret, { id: 'msg_1', timestamp: '1700000000', signature }, '{"a":2}')).toBe(false);
    expect(verifySignature(newSigningSecret(), { id: 'msg_1', timestamp: '1700000000', signature }, '{"a":1}')).toBe(false);
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the specification's test suite (standard-webhooks/libraries).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signPayload(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('backs off exponentially, with jitter between half and all of the wait, at most 6 hours', () => {
    expect([1, 2, 3, 4].map(webhookRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(webhookRetryDelayMs(40)).toBe(6 * 3_600_000);
    expect(jitteredDelayMs(3, () => 0)).toBe(60_000);
    expect(jitteredDelayMs(3, () => 1)).toBe(120_000);
  });
});
