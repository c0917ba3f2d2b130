import { STATEMENT_COUNT_HEADER } from '../apps/api/src/graphql/statement-count.plugin';
import type { ServerProcess } from './processes';
import type { BenchRequest } from './requests';
import type { Scenario } from './scenarios';

/** The harness stops (non-zero exit) with this: the baseline is not doing what the API does. */
export class BenchCheckError extends Error {}

export interface CheckedScenario {
  /** Statements per request, as the API counts them (x-sql-statements). */
  statements: number;
  /** The API's answer: every measured response must be the same (login: contain its shape). */
  body: string;
}

interface Answer {
  status: number;
  body: string;
  statements: number;
}

async function ask(server: ServerProcess, request: BenchRequest): Promise<Answer> {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.method === 'POST' ? request.body : undefined,
  });
  const statements = Number(response.headers.get(STATEMENT_COUNT_HEADER) ?? NaN);
  return { status: response.status, body: await response.text(), statements };
}

/**
 * One request of the scenario to each server, before anything is measured: both must answer 200
 * without errors, with byte-identical JSON (after the scenario's masking of fresh secrets) and the
 * same number of SQL statements.
 */
export async function checkScenario(
  scenario: Scenario,
  api: ServerProcess,
  baseline: ServerProcess,
  request: BenchRequest,
): Promise<CheckedScenario> {
  if (scenario.warmBeforeCheck) {
    await ask(api, request);
    await ask(baseline, request);
  }
  const fromApi = await ask(api, request);
  const fromBaseline = await ask(baseline, request);
  for (const [name, answer] of [
    ['API', fromApi],
    ['baseline', fromBaseline],
  ] as const) {
    const expected = request.method === 'POST' ? '{"data":{' : '{';
    if (answer.status !== 200 || !answer.body.startsWith(expected)) {
      throw new BenchCheckError(
        `${scenario.name}: the ${name} answered ${answer.status}: ${answer.body.slice(0, 500)}`,
      );
    }
    if (!Number.isInteger(answer.statements))
      throw new BenchCheckError(`${scenario.name}: the ${name} sent no ${STATEMENT_COUNT_HEADER} header`);
  }
  const comparable = scenario.comparable ?? ((body: string) => body);
  const [a, b] = [comparable(fromApi.body), comparable(fromBaseline.body)];
  if (a !== b) {
    throw new BenchCheckError(
      `${scenario.name}: the baseline's JSON differs from the API's\n${firstDifference(a, b)}`,
    );
  }
  if (fromApi.statements !== fromBaseline.statements) {
    throw new BenchCheckError(
      `${scenario.name}: the baseline sent ${fromBaseline.statements} SQL statements, the API ${fromApi.statements}: they must run the same statements`,
    );
  }
  return { statements: fromApi.statements, body: fromApi.body };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  const from = Math.max(0, i - 80);
  return `  at byte ${i}:\n  API:      …${a.slice(from, i + 80)}…\n  baseline: …${b.slice(from, i + 80)}…`;
}
