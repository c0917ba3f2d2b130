import { AccessTokenService } from '@chancery/auth/access-token';
import { AppConfig, SystemClock } from '@chancery/core';
import type { BenchCaller, BenchFixture } from './fixture';
import type { Scenario } from './scenarios';

/** An HTTP request of a scenario, the same bytes for the API and the baseline. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  /** `/graphql`, or the GET form's path and query. */
  path: string;
  headers: Record<string, string>;
  /** The GraphQL request; empty for a GET. */
  body: string;
}

/**
 * Access tokens as the API issues them (its own AccessTokenService, with the PEM both servers
 * got). They live ten minutes, so each run gets a fresh one.
 */
export class BenchTokens {
  private readonly service: AccessTokenService;

  constructor(readonly privateKeyPem: string) {
    const config = {
      JWT_PRIVATE_KEY: privateKeyPem,
      JWT_ISSUER: 'chancery',
      JWT_AUDIENCE: 'chancery-api',
      NODE_ENV: 'production',
    };
    this.service = new AccessTokenService(config as AppConfig, new SystemClock());
  }

  /** A fresh access token of a seeded caller with an open session. */
  accessToken(caller: BenchCaller): string {
    return this.service.issue({
      sub: caller.userId,
      sid: caller.sessionId,
      tid: caller.tenantId,
      oid: caller.organisationId ?? undefined,
      roles: caller.roles,
      tv: caller.tokenVersion,
    }).token;
  }

  requestFor(scenario: Scenario, fixture: BenchFixture): BenchRequest {
    const caller = scenario.caller(fixture);
    if (scenario.get) {
      const headers: Record<string, string> = scenario.get.accept ? { accept: scenario.get.accept } : {};
      return { method: 'GET', path: scenario.get.path(fixture), headers, body: '' };
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) headers.authorization = `Bearer ${this.accessToken(caller)}`;
    const body = JSON.stringify({
      operationName: scenario.operationName,
      query: scenario.document,
      variables: scenario.variables?.(fixture) ?? {},
    });
    return { method: 'POST', path: '/graphql', headers, body };
  }
}
