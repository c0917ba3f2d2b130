import { AccessTokenService } from '@chancery/auth/access-token';
import { AppConfig, SystemClock } from '@chancery/core';
import type { BenchFixture } from './fixture';
import type { Scenario } from './scenarios';

/** An HTTP request of a scenario, the same bytes for the API and the baseline. */
export interface BenchRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * Access tokens as the API issues them (its own AccessTokenService, with the PEM both servers
 * got). They live ten minutes, so each run gets a fresh one.
 */
export class BenchTokens {
  private readonly service: AccessTokenService;

  constructor(privateKeyPem: string) {
    const config = {
      JWT_PRIVATE_KEY: privateKeyPem,
      JWT_ISSUER: 'chancery',
      JWT_AUDIENCE: 'chancery-api',
      NODE_ENV: 'production',
    };
    this.service = new AccessTokenService(config as AppConfig, new SystemClock());
  }

  requestFor(scenario: Scenario, fixture: BenchFixture): BenchRequest {
    const caller = scenario.caller(fixture);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) {
      const { token } = this.service.issue({
        sub: caller.userId,
        sid: caller.sessionId,
        tid: caller.tenantId,
        oid: caller.organisationId ?? undefined,
        roles: caller.roles,
        tv: caller.tokenVersion,
      });
      headers.authorization = `Bearer ${token}`;
    }
    const body = JSON.stringify({
      operationName: scenario.operationName,
      query: scenario.document,
      variables: scenario.variables?.(fixture) ?? {},
    });
    return { headers, body };
  }
}
