import { renewTokens } from './client';
import { ApiError, type FieldProblem } from './errors';
import { sessionStore } from '../auth/session-store';

/**
 * The plain HTTP routes the portal uses beside GraphQL (uploads of raw bytes, downloads of stored
 * files). Each carries the in-memory access token, renewed once from the session cookie when it has
 * expired; a refusal is the same ApiError GraphQL gives.
 */
export async function authorised(path: string, init: RequestInit, renewOnExpiry = true): Promise<Response> {
  const token = sessionStore.get()?.accessToken;
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : 'network error');
  }
  if (response.status === 401 && renewOnExpiry && (await renewTokens())) return authorised(path, init, false);
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** The API's refusal (`{ errors: [{ extensions: { code, reason, fields } }] }`), as GraphQL gives it. */
async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message?: string; extensions?: { code?: string; reason?: string; fields?: FieldProblem[] } }> };
  const first = body.errors?.[0];
  const code = first?.extensions?.code ?? (response.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR');
  // The storage names the file's name `file.name`; the form has one input for the file.
  const fields = (first?.extensions?.fields ?? []).map((problem) => ({ ...problem, field: problem.field.startsWith('file') ? 'file' : problem.field }));
  return new ApiError(code, first?.message ?? `HTTP ${response.status}`, first?.extensions?.reason ?? null, fields).withReferenceOf(response);
}

/** Hands a response's body to the browser as a file of that name. */
export async function saveAs(response: Response, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
