import { Pager } from "./pager";

/** What app/.server/imports/preview-changes.ts sends: one page of the rows a preview adds or changes. */
type PreviewChanges = {
  headers: string[];
  rows: { row: number; action: "new" | "updated"; cells: { value: string; before?: string }[] }[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The rows a preview would add or change, a page at a time: each as it will be stored, and for a changed row the
 * value it replaces under each changed cell. Nothing here is stored yet.
 */
export function ImportChanges({ changes }: { changes: PreviewChanges }) {
  if (changes.total === 0) return null;
  return (
    <section aria-labelledby="perubahan">
      <h2 id="perubahan">Baris yang akan ditambahkan atau diubah ({changes.total.toLocaleString("id-ID")})</h2>
      <div className="table-wrap">
        <table className="stack-table import-changes">
          <caption className="visually-hidden">Baris yang akan ditambahkan atau diubah</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Baris
              </th>
              <th scope="col">Perubahan</th>
              {changes.headers.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {changes.rows.map((r) => (
              <tr key={r.row}>
                <td data-label="Baris" className="num">
                  {r.row}
                </td>
                <td data-label="Perubahan">
                  {r.action === "new" ? (
                    <span className="badge">baru</span>
                  ) : (
                    <span className="badge changed">diperbarui</span>
                  )}
                </td>
                {r.cells.map((c, i) => (
                  <td data-label={changes.headers[i]} key={changes.headers[i]}>
                    {c.before === undefined ? (
                      c.value
                    ) : (
                      <>
                        <ins>{c.value}</ins> <span className="muted small">(sebelumnya {c.before})</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={changes.page}
        pages={Math.ceil(changes.total / changes.pageSize)}
        total={changes.total}
        size={changes.pageSize}
        anchor="perubahan"
        label="Halaman baris yang akan ditambahkan atau diubah"
      />
    </section>
  );
}
