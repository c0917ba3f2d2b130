import 'reflect-metadata';
import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SkipThrottle, Throttle, ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import { DomainError } from '../errors/domain-error';
import { GraphQLThrottlerGuard } from './graphql-throttler.guard';
import { MemoryThrottlerStorage } from './memory-throttler.storage';

const AUTHENTICATION = 'test:authentication';

class Operations {
  plain() {}
  @Throttle({ default: { limit: 1, ttl: 60_000 } }) strict() {}
  @SkipThrottle() unlimited() {}
  @Throttle({ default: { limit: () => 2, ttl: 60_000 } }) decidedPerRequest() {}
  @SetMetadata(AUTHENTICATION, true) login() {}
}

type Handler = keyof Operations;

const reflector = new Reflector();
const options = (): ThrottlerModuleOptions => ({
  throttlers: [
    { name: 'default', ttl: 60_000, limit: 3 },
    { name: 'authentication', ttl: 60_000, limit: 2, skipIf: (context) => !reflector.get(AUTHENTICATION, context.getHandler()) },
  ],
});

/** An HTTP call of one operation from one address; the headers the guard set are kept. */
function call(handler: Handler, headers: Record<string, unknown>): ExecutionContext {
  const request = { ip: '10.0.0.1', headers: {} };
  const response = { header: (name: string, value: unknown) => void (headers[name] = value) };
  return {
    getType: () => 'http',
    getHandler: () => Operations.prototype[handler],
    getClass: () => Operations,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

async function started<G extends ThrottlerGuard>(guard: G): Promise<G> {
  await guard.onModuleInit();
  return guard;
}

/** What a guard answers to a sequence of calls: allowed or refused, and the limit headers it set. */
async function answers(guard: ThrottlerGuard, handlers: Handler[]): Promise<string[]> {
  const seen: string[] = [];
  for (const handler of handlers) {
    const headers: Record<string, unknown> = {};
    const allowed = await guard.canActivate(call(handler, headers)).then(
      () => 'allowed',
      (error: unknown) => (error instanceof DomainError || (error as Error).name === 'ThrottlerException' ? 'refused' : `failed: ${String(error)}`),
    );
    const limits = Object.entries(headers)
      .filter(([name]) => name.startsWith('X-RateLimit'))
      .map(([name, value]) => `${name}=${String(value)}`);
    seen.push(`${handler} ${allowed} ${limits.join(' ')}`.trim());
  }
  return seen;
}

describe('GraphQLThrottlerGuard (decorators read once per operation)', () => {
  const sequence: Handler[] = [
    ...Array<Handler>(4).fill('plain'),
    ...Array<Handler>(2).fill('strict'),
    ...Array<Handler>(5).fill('unlimited'),
    ...Array<Handler>(3).fill('decidedPerRequest'),
    ...Array<Handler>(3).fill('login'),
  ];

  it('answers every call as the library’s own guard does: limits, overrides, skips, skipIf and the headers', async () => {
    const ours = await started(new GraphQLThrottlerGuard(options(), new MemoryThrottlerStorage(), reflector));
    const library = await started(new ThrottlerGuard(options(), new MemoryThrottlerStorage(), reflector));
    const expected = await answers(library, sequence);
    expect(await answers(ours, sequence)).toEqual(expected);
    // The sequence says something: each kind of operation was limited as declared.
    expect(expected.filter((line) => line.includes('refused')).map((line) => line.split(' ')[0])).toEqual(['plain', 'strict', 'decidedPerRequest', 'login']);
  });

  it('reads an operation’s decorators on its first call only', async () => {
    const guard = await started(new GraphQLThrottlerGuard(options(), new MemoryThrottlerStorage(), reflector));
    const read = jest.spyOn(reflector, 'getAllAndOverride');
    await answers(guard, ['plain']);
    const first = read.mock.calls.length;
    await answers(guard, ['plain', 'plain']);
    expect(first).toBeGreaterThan(0);
    expect(read.mock.calls.length).toBe(first);
    read.mockRestore();
  });

  it('refuses past the limit as RATE_LIMITED with the standard Retry-After', async () => {
    const guard = await started(new GraphQLThrottlerGuard(options(), new MemoryThrottlerStorage(), reflector));
    const headers: Record<string, unknown> = {};
    await guard.canActivate(call('strict', headers));
    const refusal = await guard.canActivate(call('strict', headers)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).reason).toBe('RATE_LIMITED');
    expect(headers['Retry-After']).toBe(60);
  });
});
