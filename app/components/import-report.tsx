import type { Issue } from "../../analytics/import-rules";

type Report = {
  rows: number;
  valid: number;
  new: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** Rows with at least one error; a row may hold several, so this and errorCount are told apart. */
  errorRows: number;
  warningCount: number;
  errors: Issue[];
  warnings: Issue[];
  truncated: boolean;
  fileErrors: string[];
  ignoredColumns: string[];
};

/** Shown on the page; the downloadable report has every issue. */
const SHOWN = 300;

const n = (value: number) => value.toLocaleString("id-ID");

/** Rows and issues counted apart: rows = valid rows + rows with errors; one row may hold several errors. */
export function ImportCounts({ report }: { report: Report }) {
  const items: [string, number, boolean?][] = [
    ["Baris data", report.rows],
    ["Baris valid", report.valid],
    ["Baris dengan kesalahan", report.errorRows, report.errorRows > 0],
    ["Baru", report.new],
    ["Diperbarui", report.updated],
    ["Tidak berubah", report.unchanged],
    ["Jumlah kesalahan", report.errorCount, report.errorCount > 0],
    ["Peringatan", report.warningCount],
  ];
  return (
    <>
      <dl className="counts">
        {items.map(([label, value, bad]) => (
          <div key={label} className={bad ? "bad" : undefined}>
            <dt>{label}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {report.fileErrors.length === 0 && (
        <p className="muted">
          {n(report.rows)} baris data: {n(report.valid)} valid ({n(report.new)} baru, {n(report.updated)} diperbarui,{" "}
          {n(report.unchanged)} tidak berubah)
          {report.errorRows > 0 && `, ${n(report.errorRows)} dengan kesalahan`}
          {report.errorCount > report.errorRows &&
            ` (${n(report.errorCount)} kesalahan; satu baris dapat memuat lebih dari satu)`}
          .
        </p>
      )}
    </>
  );
}

function IssueTable({ title, issues, total }: { title: string; issues: Issue[]; total: number }) {
  if (total === 0) return null;
  return (
    <section aria-label={title}>
      <h2>
        {title} ({total.toLocaleString("id-ID")})
      </h2>
      {total > Math.min(issues.length, SHOWN) && (
        <p className="muted">Ditampilkan {Math.min(issues.length, SHOWN)} pertama; unduh laporan untuk semuanya.</p>
      )}
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Baris
              </th>
              <th scope="col">Kolom</th>
              <th scope="col">Keterangan</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, SHOWN).map((i) => (
              <tr key={`${i.row}-${i.column}-${i.message}`}>
                <td className="num" data-label="Baris">
                  {i.row}
                </td>
                <td data-label="Kolom">{i.column || "—"}</td>
                <td data-label="Keterangan">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportIssues({ report }: { report: Report }) {
  return (
    <>
      {report.fileErrors.length > 0 && (
        <div className="alert alert-error" role="alert">
          <strong>Berkas tidak dapat diimpor:</strong>
          <ul>
            {report.fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {report.ignoredColumns.length > 0 && (
        <p className="alert alert-info">Kolom yang tidak dikenal dan diabaikan: {report.ignoredColumns.join(", ")}.</p>
      )}
      <IssueTable title="Kesalahan" issues={report.errors} total={report.errorCount} />
      <IssueTable title="Peringatan" issues={report.warnings} total={report.warningCount} />
    </>
  );
}
