import { LoadError, Loading } from './feedback';
import type { usePagedList } from './paged';

/** A list loaded a page at a time (usePagedList, useCursorList), as these controls read it. */
type PagedList = Pick<ReturnType<typeof usePagedList>, 'rows' | 'loading' | 'complete' | 'error' | 'loadMore' | 'reload'>;

/** The button under a list loaded a page at a time: shown while another page may follow. */
export function NextPageButton({ list, label }: { list: PagedList; label: string }) {
  if (list.complete || list.loading || list.rows.length === 0) return null;
  return (
    <button type="button" className="button button--secondary" onClick={list.loadMore}>
      {label}
    </button>
  );
}

/** How many rows the list shows (a live status line), once the first page is in. */
export function ResultCount({ list, text }: { list: PagedList; text: string }) {
  if (list.rows.length === 0 && (list.loading || list.error)) return null;
  return (
    <p className="result-count" role="status">
      {text}
    </p>
  );
}

/** A page on its way, or the error of the last one with a retry (of that page, the first or a later one). */
export function PageStatus({ list }: { list: PagedList }) {
  if (list.error) return <LoadError error={list.error} onRetry={list.rows.length > 0 ? list.loadMore : list.reload} />;
  return list.loading ? <Loading /> : null;
}
