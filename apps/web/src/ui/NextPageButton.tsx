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
