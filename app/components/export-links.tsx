import { useSearchParams } from "@remix-run/react";
import { DownloadLink } from "./download-link";

/**
 * The downloads beside a list (/unduh/<list>.xlsx and .csv): the page's own filters go along (what you see is
 * what you get), all pages of it rather than the page shown. `params` replaces the page's address when the
 * list's filters live elsewhere (a record's id).
 */
export function ExportLinks({
  list,
  params,
  formats = ["xlsx", "csv"],
  what = "daftar ini",
}: {
  list: string;
  params?: URLSearchParams;
  formats?: readonly ("xlsx" | "csv")[];
  /** What is downloaded, for a screen reader: "daftar ini", "jadwal minggu ini". */
  what?: string;
}) {
  const [pageParams] = useSearchParams();
  const query = new URLSearchParams(params ?? pageParams);
  query.delete("halaman");
  const search = query.size > 0 ? `?${query}` : "";
  return (
    <div className="actions export-links">
      {formats.includes("xlsx") && (
        <DownloadLink className="button secondary" href={`/unduh/${list}.xlsx${search}`}>
          Unduh Excel (.xlsx)<span className="visually-hidden"> — {what}</span>
        </DownloadLink>
      )}
      {formats.includes("csv") && (
        <DownloadLink className="button secondary" href={`/unduh/${list}.csv${search}`}>
          Unduh CSV<span className="visually-hidden"> — {what}</span>
        </DownloadLink>
      )}
    </div>
  );
}
