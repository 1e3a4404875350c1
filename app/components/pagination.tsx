import { Link } from "react-router";

type PaginationProps = {
  page: number;
  pageCount: number;
  params?: Record<string, string>;
  label: string;
  /** The search parameter holding the page number: `page` unless a page holds more than one paged list. */
  name?: string;
  /** Where on the next page to land (an element's id), for a list below the top of its page. */
  hash?: string;
};

function href(page: number, params: Record<string, string>, name: string, hash: string | undefined) {
  const search = new URLSearchParams(params);
  search.delete(name);
  if (page > 1) search.set(name, String(page));
  const query = search.toString();
  return `${query ? `?${query}` : "?"}${hash ? `#${hash}` : ""}`;
}

/** Previous and next links for a list split into pages; plain links, so it works without JavaScript. */
export function Pagination({ page, pageCount, params = {}, label, name = "page", hash }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1, params, name, hash)} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1, params, name, hash)} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
