import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';

/** One page of a list and where the next one starts (null: this was the last). */
interface Page<Row, Cursor> {
  rows: Row[];
  next: Cursor | null;
}

/** A list loaded a page at a time: `loadPage(cursor)` gets the page at the cursor (null: the first). Starts again when `key` changes. */
function usePages<Row, Cursor>(loadPage: (cursor: Cursor | null) => Promise<Page<Row, Cursor>>, key: unknown[]) {
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [next, setNext] = useState<Cursor | null>(null);
  const latest = useRef(loadPage);
  latest.current = loadPage;
  const generation = useRef(0);

  const fetchPage = useCallback(async (cursor: Cursor | null, replace: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await latest.current(cursor);
      if (mine !== generation.current) return;
      setRows((previous) => (replace ? page.rows : [...previous, ...page.rows]));
      setNext(page.next);
    } catch (caught) {
      if (mine === generation.current) setError(ApiError.of(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const serializedKey = JSON.stringify(key);
  useEffect(() => {
    void fetchPage(null, true);
  }, [serializedKey, fetchPage]);

  const loadMore = () => {
    if (next !== null) void fetchPage(next, false);
  };
  const reload = () => void fetchPage(null, true);
  return { rows, error, loading, complete: next === null, loadMore, reload };
}

/**
 * A list loaded a page at a time ("Load older", "Show more"): `load(cursor)` gets the page after the
 * cursor; `cursorOf` names the cursor of the last row. Starts again when `key` changes.
 */
export function usePagedList<Row, Cursor>(
  load: (cursor: Cursor | null) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor | null,
  pageSize: number,
  key: unknown[] = [],
) {
  return usePages<Row, Cursor>(async (cursor) => {
    const rows = await load(cursor);
    const last = rows[rows.length - 1];
    return { rows, next: rows.length < pageSize || last === undefined ? null : cursorOf(last) };
  }, key);
}

/**
 * A list the API pages with an opaque cursor (the public API's `nextCursor`): `load(after)` gets the
 * page after it. Complete when a page names no next. Starts again when `key` changes.
 */
export function useCursorList<Row>(load: (after: string | null) => Promise<{ items: Row[]; nextCursor: string | null }>, key: unknown[] = []) {
  return usePages<Row, string>(async (after) => {
    const page = await load(after);
    return { rows: page.items, next: page.nextCursor };
  }, key);
}
