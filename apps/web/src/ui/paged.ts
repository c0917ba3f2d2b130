import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';

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
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [complete, setComplete] = useState(false);
  const latest = useRef({ load, cursorOf });
  latest.current = { load, cursorOf };
  const generation = useRef(0);

  const fetchPage = useCallback(async (cursor: Cursor | null, replace: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await latest.current.load(cursor);
      if (mine !== generation.current) return;
      setRows((previous) => (replace ? page : [...previous, ...page]));
      setComplete(page.length < pageSize);
    } catch (caught) {
      if (mine === generation.current) setError(ApiError.of(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [pageSize]);

  const serializedKey = JSON.stringify(key);
  useEffect(() => {
    void fetchPage(null, true);
  }, [serializedKey, fetchPage]);

  const loadMore = () => {
    const last = rows[rows.length - 1];
    if (last) void fetchPage(latest.current.cursorOf(last), false);
  };
  const reload = () => void fetchPage(null, true);
  return { rows, error, loading, complete, loadMore, reload };
}
