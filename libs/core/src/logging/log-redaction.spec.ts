import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { LOG_REDACTION_CENSOR, logRedaction } from './log-redaction';

describe('log redaction', () => {
  const redact = logRedaction({ keys: ['email', 'phone'] });

  it('redacts secrets and declared fields at the top level and at any depth of plain objects and arrays', () => {
    const logged = {
      password: 'hunter2',
      input: { email: 'ann@example.test', nested: { deeper: { token: 'eyJ…', list: [{ phone: '+32 2 000 00 00' }] } } },
      variables: { anything: 'at all' },
      headers: { authorization: 'Bearer eyJ…', cookie: 'refresh=…', accept: 'application/json' },
      kept: 'visible',
    };
    expect(redact(logged)).toEqual({
      password: LOG_REDACTION_CENSOR,
      input: { email: LOG_REDACTION_CENSOR, nested: { deeper: { token: LOG_REDACTION_CENSOR, list: [{ phone: LOG_REDACTION_CENSOR }] } } },
      variables: LOG_REDACTION_CENSOR,
      headers: { authorization: LOG_REDACTION_CENSOR, cookie: LOG_REDACTION_CENSOR, accept: 'application/json' },
      kept: 'visible',
    });
  });

  it('copies only what it changes and never alters the caller’s object', () => {
    const untouched = { a: { b: [1, 2] }, c: 'x' };
    expect(redact(untouched)).toBe(untouched);
    const input = { user: { email: 'ann@example.test' }, other: { id: 1 } };
    const out = redact(input);
    expect(input.user.email).toBe('ann@example.test');
    expect(out.other).toBe(input.other);
  });

  it('walks instances of plain data classes (a validated input) but leaves requests, errors and buffers to their serializers', () => {
    class LoginInput {
      constructor(
        readonly email: string,
        readonly password: string,
      ) {}
    }
    const request = new IncomingMessage(new Socket());
    const error = new Error('boom');
    const bytes = Buffer.from('secret');
    const out = redact({ input: new LoginInput('ann@example.test', 'hunter2'), req: request, err: error, bytes });
    expect(out.input).toEqual({ email: LOG_REDACTION_CENSOR, password: LOG_REDACTION_CENSOR });
    expect(out.req).toBe(request);
    expect(out.err).toBe(error);
    expect(out.bytes).toBe(bytes);
  });

  it('hands a record it is told about to the presenter instead of walking it', () => {
    class Account {
      constructor(readonly id: string, readonly email: string) {}
    }
    const withGate = logRedaction({ present: (value) => (value instanceof Account ? { entity: 'User', ref: value.id } : undefined) });
    expect(withGate({ account: new Account('u1', 'ann@example.test') })).toEqual({ account: { entity: 'User', ref: 'u1' } });
  });

  it('keeps a logged object with cycles from hanging the process', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(() => redact({ cyclic })).not.toThrow();
  });
});
