import { Link, useLocation } from "@remix-run/react";

/**
 * Links to the previous and next page of a list, as plain links (works without JavaScript), keeping the other
 * search parameters of the page. `anchor` brings the reader back to the list, not the top of the page.
 */
export function Pager({
  page,
  pages,
  total,
  size,
  param = "halaman",
  anchor,
  label,
}: {
  page: number;
  pages: number;
  total: number;
  size: number;
  param?: string;
  anchor?: string;
  label: string;
}) {
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (to: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(to));
    return `?${params}${anchor ? `#${anchor}` : ""}`;
  };
  const first = (page - 1) * size + 1;
  const last = Math.min(page * size, total);
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← Sebelumnya
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          ← Sebelumnya
        </span>
      )}
      <span aria-current="page">
        Baris {first}–{last} dari {total} · halaman {page} dari {pages}
      </span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          Berikutnya →
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          Berikutnya →
        </span>
      )}
    </nav>
  );
}
