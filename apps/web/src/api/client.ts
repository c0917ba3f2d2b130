import type { TypedDocumentString } from '../gql/graphql';
import { sessionStore, type SessionTokens } from '../auth/session-store';
import { ApiError, type FieldProblem } from './errors';

/** The one GraphQL client: a typed fetch, same origin, JSON (which Apollo's CSRF prevention requires). */
const ENDPOINT = '/graphql';

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: FieldProblem[] };
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: GraphQLErrorShape[];
}

/** Optional when the operation has no required variables, required otherwise. */
// NoInfer: the variables are typed by the document alone, so a variable it does not declare is an error
// (inferred from both, an extra one widened V and passed unchecked).
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: NoInfer<V>] : [variables: NoInfer<V>];

/** Renews the session from the HttpOnly refresh cookie (set by the login with `refreshTokenIn: COOKIE`). */
const REFRESH_ENDPOINT = '/auth/session/refresh';

/**
 * Asks the person to confirm it is them (the API's `recent-login` step-up before a high-value act:
 * roles, API keys, bank details, settings, webhooks, support grants) and resolves true once they have.
 * The portal's layout registers it; without one (public pages) the refusal reaches the screen.
 */
type StepUpPrompt = () => Promise<boolean>;
let stepUpPrompt: StepUpPrompt | null = null;

export function setStepUpPrompt(prompt: StepUpPrompt | null): void {
  stepUpPrompt = prompt;
}

/** Runs an operation; throws an ApiError when the API refuses it. */
export function request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArgument<V>): Promise<R> {
  return send(document, variables, { renewOnExpiry: true, askStepUp: true });
}

/**
 * Runs a public operation without the session's token (login, registration, e-mail links, the
 * directory): a refusal there must never renew or end the session of a user who is logged in.
 */
export function requestPublic<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArgument<V>): Promise<R> {
  return send(document, variables, { renewOnExpiry: false, anonymous: true });
}

async function send<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V | undefined,
  options: { renewOnExpiry: boolean; anonymous?: boolean; askStepUp?: boolean },
): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = options.anonymous ? null : (sessionStore.get()?.accessToken ?? null);
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: withoutNulls(variables) }),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : 'network error');
  }

  let body: GraphQLResponse<R>;
  try {
    body = (await response.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiError(response.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR', `HTTP ${response.status}`).withReferenceOf(response);
  }

  const errors = body.errors ?? [];
  if (errors.length > 0) {
    const first = errors[0]!;
    const code = first.extensions?.code ?? (response.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR');
    if (code === 'UNAUTHENTICATED' && token && options.renewOnExpiry) {
      // The access token may have expired or been ended: renew once, then try again.
      if (await renewTokens()) return send(document, variables, { ...options, renewOnExpiry: false });
      sessionStore.end('expired');
    }
    // The account must now set up a second factor (its tenant came to require one of all staff, or its
    // role changed) while this session's token still says otherwise: renewed, the session says so and
    // the layout sends the person to the enrolment screen instead of refusing each act in turn.
    if (first.extensions?.reason === 'SECOND_FACTOR_ENROLMENT_REQUIRED' && token && !sessionStore.get()?.totpEnrolmentRequired) {
      await renewTokens();
    }
    // Refused at the door, before anything was done: once the person has confirmed (their second factor,
    // or their password where the act allows it), the act runs again (once).
    const stepUpAsked = first.extensions?.reason === 'STEP_UP_REQUIRED' || first.extensions?.reason === 'SECOND_FACTOR_STEP_UP_REQUIRED';
    if (stepUpAsked && options.askStepUp && stepUpPrompt && (await stepUpPrompt())) {
      return send(document, variables, { ...options, askStepUp: false });
    }
    const fields = errors.flatMap((error) => error.extensions?.fields ?? []);
    throw new ApiError(code, first.message, first.extensions?.reason ?? null, fields).withReferenceOf(response);
  }
  if (body.data == null) throw new ApiError('INTERNAL_SERVER_ERROR', 'no data').withReferenceOf(response);
  return body.data;
}

/**
 * Top-level variables that are null are left out: the API treats an explicit null paging or
 * filter argument (`afterSequence`, `before`, `subjectId`) as a value and answers an empty list,
 * while an absent one means "from the start" / "everyone".
 */
function withoutNulls(variables: unknown): Record<string, unknown> {
  if (!variables || typeof variables !== 'object') return {};
  return Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== null && value !== undefined));
}

let renewing: Promise<boolean> | null = null;

/**
 * New tokens for the session cookie: the server rotates the cookie and answers the access token.
 * Null when there is no live session (UNAUTHENTICATED); throws on anything else (network, 5xx).
 */
export async function tokensFromCookie(): Promise<SessionTokens | null> {
  let response: Response;
  try {
    response = await oneTabAtATime(() =>
      fetch(REFRESH_ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}', credentials: 'same-origin' }),
    );
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : 'network error');
  }
  const body = (await response.json().catch(() => ({}))) as Partial<SessionTokens> & { errors?: GraphQLErrorShape[] };
  const code = body.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return null;
  if (!response.ok || typeof body.accessToken !== 'string' || typeof body.accessTokenExpiresAt !== 'string') {
    throw new ApiError(code ?? 'INTERNAL_SERVER_ERROR', `HTTP ${response.status}`).withReferenceOf(response);
  }
  return { accessToken: body.accessToken, accessTokenExpiresAt: body.accessTokenExpiresAt, totpEnrolmentRequired: body.totpEnrolmentRequired === true };
}

/**
 * The refresh token is rotated at each renewal, and a token presented twice is taken for a stolen copy:
 * the server ends the session. Every tab of the browser sends the one cookie, so tabs renewing at the
 * same moment (a browser restoring them) would end their own session; they take turns instead, each
 * sending the cookie its predecessor's answer set. Browsers without the Web Locks API run it as before.
 */
async function oneTabAtATime<T>(renewal: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return renewal();
  let result: T | undefined;
  await locks.request('chancery.session-renewal', async () => {
    result = await renewal();
  });
  return result as T;
}

/** Renews the access token from the cookie; concurrent callers (of this tab) share one exchange. */
export function renewTokens(): Promise<boolean> {
  renewing ??= (async () => {
    if (!sessionStore.get()) return false;
    try {
      const tokens = await tokensFromCookie();
      if (!tokens) {
        sessionStore.end('expired');
        return false;
      }
      sessionStore.renew(tokens);
      return true;
    } catch {
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

sessionStore.setRefresher(renewTokens);
