import { useEffect, useState } from 'react';

/**
 * The one-time token of an e-mail link (`?token=…`), read once and then taken out of the address
 * bar, so it stays out of the history, bookmarks and screenshots (the page also sends no Referer).
 */
export function useLinkToken(): string {
  // Read during render (pure: React may render and discard a first attempt), removed once committed.
  const [token] = useState(() => new URL(window.location.href).searchParams.get('token') ?? '');
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
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
