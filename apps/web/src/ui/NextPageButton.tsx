import type { ApiError } from '../api/errors';
import { LoadError, Loading } from './feedback';

/** What NextPageButton needs of a list loaded a page at a time (usePagedList). */
interface PagedList {
  rows: unknown[];
  loading: boolean;
  complete: boolean;
  loadMore: () => void;
}

/** The button under a list loaded a page at a time: shown while another page may follow. */
export function NextPageButton({ list, label }: { list: PagedList; label: string }) {
  if (list.complete || list.loading || list.rows.length === 0) return null;
  return (
    <button type="button" className="button button--secondary" onClick={list.loadMore}>
      {label}
    </button>
  );
}

/** What the list's status lines need of it. */
interface ListState {
  rows: unknown[];
  loading: boolean;
  error: ApiError | null;
  loadMore: () => void;
  reload: () => void;
}

/** How many rows the list shows (a live status line), once the first page is in. */
export function ResultCount({ list, text }: { list: ListState; text: string }) {
  if (list.rows.length === 0 && (list.loading || list.error)) return null;
  return (
    <p className="result-count" role="status">
      {text}
    </p>
  );
}

/** A page on its way, or the error of the last one with a retry (of that page, the first or a later one). */
export function PageStatus({ list }: { list: ListState }) {
  if (list.error) return <LoadError error={list.error} onRetry={list.rows.length > 0 ? list.loadMore : list.reload} />;
  return list.loading ? <Loading /> : null;
}
