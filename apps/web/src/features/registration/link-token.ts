import { useEffect, useState } from 'react';

/** The token of the address: `#token=…` (the e-mails' links), or `?token=…` (links sent before those). */
function tokenOf(url: URL): string {
  return new URLSearchParams(url.hash.replace(/^#/, '')).get('token') ?? url.searchParams.get('token') ?? '';
}

/**
 * The one-time token of an e-mail link (`/reset-password#token=…`), read once and then taken out of
 * the address bar, so it stays out of the history, bookmarks and screenshots (the page also sends no
 * Referer). The links carry it in the fragment, which the browser never sends: it reaches no server
 * or proxy log; the page hands it to the API in the body of a POST.
 */
export function useLinkToken(): string {
  // Read during render (pure: React may render and discard a first attempt), removed once committed.
  const [token] = useState(() => tokenOf(new URL(window.location.href)));
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!tokenOf(url)) return;
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
  }, []);
  return token;
}

/** The same password twice, and long enough, before the server's own checks. */
export function passwordProblems(password: string, confirmation: string, field: string, confirmationField: string) {
  const problems: Array<{ field: string; reason: string; constraint: string }> = [];
  if (!password) problems.push({ field, reason: 'required', constraint: 'required' });
  else if (password.length < 12) problems.push({ field, reason: 'too short', constraint: 'passwordPolicy' });
  if (password && password !== confirmation) problems.push({ field: confirmationField, reason: 'differs', constraint: 'mismatch' });
  return problems;
}
