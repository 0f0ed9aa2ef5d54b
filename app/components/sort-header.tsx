import { Link, useLocation } from "@remix-run/react";
import type { ThHTMLAttributes } from "react";
import type { Sort, SortDirection } from "../list-params";

/**
 * A column header that sorts the list by its column: a plain link (works without JavaScript) that keeps the
 * page's other parameters, goes back to the first page, and flips the direction when the column is already the
 * sort. `aria-sort` tells screen readers which column the list is sorted by and how.
 */
export function SortHeader({
  column,
  label,
  sort,
  first,
  anchor,
  ...th
}: {
  column: string;
  label: string;
  sort: Sort | null;
  /** The direction of a first click (the loader's table of columns says the same). */
  first: SortDirection;
  anchor?: string;
} & Omit<ThHTMLAttributes<HTMLTableCellElement>, "scope" | "children">) {
  const location = useLocation();
  const active = sort?.key === column;
  const next: SortDirection = active ? (sort.direction === "naik" ? "turun" : "naik") : first;
  const params = new URLSearchParams(location.search);
  params.set("urut", column);
  params.set("arah", next);
  params.delete("halaman");
  const mark = active ? (sort.direction === "naik" ? "▲" : "▼") : "↕";
  return (
    <th scope="col" aria-sort={active ? (sort.direction === "naik" ? "ascending" : "descending") : undefined} {...th}>
      <Link to={`?${params}${anchor ? `#${anchor}` : ""}`} className="sort-link" preventScrollReset>
        {label}
        <span className="visually-hidden">, urutkan {next === "naik" ? "naik" : "turun"}</span>
        <span className={active ? "sort-mark active" : "sort-mark"} aria-hidden="true">
          {mark}
        </span>
      </Link>
    </th>
  );
}
