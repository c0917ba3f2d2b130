import { errorCatalogues } from '@chancery/core';

export const ERRORS_FILE = 'docs/errors.md';

/** Every failure a client can meet, by context: `extensions.code` and `extensions.reason`, and what it means. */
export function renderErrorCatalogue(): string {
  const lines = [
    '<!-- Generated from each context\'s defineErrors(…) by `npm run schema:generate`; a test fails when it drifts. -->',
    '',
    '# Errors',
    '',
    'A refused request answers a GraphQL error whose `extensions.code` is one of BAD_USER_INPUT, UNAUTHENTICATED,',
    'FORBIDDEN, NOT_FOUND, CONFLICT or TOO_MANY_REQUESTS and whose `extensions.reason` says why, in the terms of the',
    'context that refused it. `extensions.fields` names the input fields concerned; `extensions.details` carries ids',
    'and states (never personal data). Clients branch on `code` and `reason`, never on the message.',
    '',
    'Workflow acts (submit, claim, sign, publish…) answer the same way: an illegal transition is a CONFLICT naming',
    'both states in `details` (see docs/decisions.md).',
    '',
    'Every answer, a refusal or not, carries an `X-Request-Id` header: the id of its log lines and of the audit',
    'entries it wrote. Quote it when reporting a problem. A client or a proxy may send its own (8 to 64 letters,',
    'digits, `.`, `_` or `-`), which is kept; any other value is replaced.',
    '',
  ];
  for (const catalogue of errorCatalogues()) {
    lines.push(`## ${catalogue.context}`, '', '| reason | code | meaning |', '| --- | --- | --- |');
    for (const [reason, { code, description }] of Object.entries(catalogue.reasons).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| \`${reason}\` | ${code} | ${description} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
