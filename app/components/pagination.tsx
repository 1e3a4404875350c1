import { Link } from "react-router";

type PaginationProps = { page: number; pageCount: number; params?: Record<string, string>; label: string };

function href(page: number, params: Record<string, string>) {
  const search = new URLSearchParams(params);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `?${query}` : "?";
}

/** Previous and next links for a list split into pages; plain links, so it works without JavaScript. */
export function Pagination({ page, pageCount, params = {}, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1, params)} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1, params)} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
