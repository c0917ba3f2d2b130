import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';

/** Runs an action (usually a mutation) and keeps its pending state and error for the form. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (caught) {
      setError(ApiError.of(caught));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error, setError };
}

export interface QueryState<R> {
  data: R | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads data when the screen opens and whenever `key` changes. */
export function useLoad<R>(load: () => Promise<R>, key: unknown[] = []): QueryState<R> {
  const [state, setState] = useState<{ data: R | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const serializedKey = JSON.stringify(key);
  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    latest.current().then(
      (data) => !cancelled && setState({ data, error: null, loading: false }),
      (error: unknown) => !cancelled && setState({ data: null, error: ApiError.of(error), loading: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [serializedKey, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/**
 * `value` once it has stood still for `delayMs`: a list filtered as the person types asks the API once
 * they pause, not once per keystroke (each of which would also race the answers before it).
 */
export function useSettled<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
