// The parts of the KPI review page other than the charts: headline figures, the approval panel, IKU against
// targets, and the agents table.
import { Form, Link } from "@remix-run/react";
import { Fragment } from "react";
import { formatDay, formatInstantWib } from "../../analytics/dates";
import { SECTION_LABELS } from "../../analytics/scoring";
import type { Sort } from "../list-params";
import { formatScore } from "../score-fields";
import { ConfirmAction } from "./confirm-action";
import { FormError } from "./field";
import { SortHeader } from "./sort-header";

const percent = (share: number | null) => (share === null ? "—" : `${formatScore(share * 100, 1)} %`);

type Summary = {
  agents: number;
  complete: number;
  average: number | null;
  evaluations: number;
  quotaMet: number;
  coverage: number | null;
  officials: number;
  certified: number;
  certifiedShare: number | null;
};

export function HeadlineCards({ center, below, threshold }: { center: Summary; below: number; threshold: number }) {
  const items: [string, string, string][] = [
    ["Nilai akhir rata-rata", formatScore(center.average), `dari ${center.complete} KPI lengkap`],
    ["KPI lengkap", `${center.complete} / ${center.agents}`, "petugas dengan keempat dimensi"],
    ["Cakupan evaluasi", percent(center.coverage), `${center.quotaMet} petugas memenuhi kuota`],
    ["Bersertifikat", percent(center.certifiedShare), `${center.certified} dari ${center.officials} pejabat (KETUJUH)`],
    ["Di bawah batas", String(below), `nilai akhir < ${threshold}`],
    ["Evaluasi interaksi", center.evaluations.toLocaleString("id-ID"), "yang sudah diajukan"],
  ];
  return (
    <dl className="counts headline">
      {items.map(([label, value, note]) => (
        <div key={label} className={label === "Di bawah batas" && below > 0 ? "bad" : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
          <dd className="note">{note}</dd>
        </div>
      ))}
    </dl>
  );
}

type Status = {
  approved: boolean;
  approvedAt: string | Date | null;
  approvedBy: string | null;
  reopenReason: string | null;
  reopenedBy: string | null;
  reopenedAt: string | Date | null;
};

type OpenWork = { disputes: number; drafts: number; incomplete: number; belowQuota: number; agents: number };

/** What is still open in the period, shown to the Kepala Seksi before they lock it. */
function LockSummary({ periodId, lock }: { periodId: string; lock: OpenWork }) {
  const mark = (n: number) => (n > 0 ? "bad" : undefined);
  return (
    <>
      <p>Sebelum dikunci, periksa yang masih terbuka:</p>
      <ul className="lock-summary">
        <li>
          KPI belum lengkap: <strong className={mark(lock.incomplete)}>{lock.incomplete}</strong> dari {lock.agents}{" "}
          petugas (tanpa salah satu dimensi; tidak diberi peringkat).
        </li>
        <li>
          Petugas di bawah kuota evaluasi: <strong className={mark(lock.belowQuota)}>{lock.belowQuota}</strong>.
        </li>
        <li>
          Sanggahan belum diselesaikan: <strong className={mark(lock.disputes)}>{lock.disputes}</strong>
          {lock.disputes > 0 && (
            <>
              {" "}
              (<Link to={`/evaluasi?periode=${periodId}&status=disputed`}>lihat</Link>; harus diselesaikan sebelum
              periode dikunci)
            </>
          )}
          .
        </li>
        <li>
          Evaluasi masih draf: <strong className={mark(lock.drafts)}>{lock.drafts}</strong>
          {lock.drafts > 0 && " (tidak dapat dikirim lagi setelah periode dikunci)"}.
        </li>
      </ul>
    </>
  );
}

export function ApprovalPanel({
  period,
  status,
  ended,
  lock,
  error,
  failedIntent,
}: {
  period: { id: string; label: string; lastDay: string };
  status: Status;
  ended: boolean;
  /** What is still open; null for who may not approve. */
  lock: OpenWork | null;
  error?: string;
  failedIntent?: string;
}) {
  return (
    <section aria-labelledby="persetujuan" className={`card approval ${status.approved ? "locked" : ""}`}>
      <h2 id="persetujuan">{status.approved ? "Periode disetujui dan dikunci" : "Periode belum disetujui (draf)"}</h2>
      {status.approved ? (
        <p>
          Disetujui oleh {status.approvedBy} pada {status.approvedAt && formatInstantWib(new Date(status.approvedAt))}.
          Evaluasi, penilaian periode, impor statistik panggilan dan laporan ke periode ini ditolak sampai periode
          dibuka kembali.
        </p>
      ) : (
        <p>
          Angka di halaman ini masih dapat berubah.
          {status.reopenedAt &&
            ` Dibuka kembali oleh ${status.reopenedBy} pada ${formatInstantWib(new Date(status.reopenedAt))}: ${status.reopenReason}`}
        </p>
      )}
      {lock && !status.approved && !ended && (
        <p className="muted">
          Periode ini masih berjalan sampai {formatDay(period.lastDay)}; persetujuan dapat diberikan setelah periode
          berakhir.
        </p>
      )}
      {lock && !status.approved && ended && (
        <>
          <LockSummary periodId={period.id} lock={lock} />
          {lock.disputes > 0 ? (
            <>
              <p>
                <strong>Periode belum dapat dikunci:</strong> selesaikan dulu sanggahan yang terbuka.
              </p>
              <FormError message={failedIntent === "approve" ? error : undefined} />
            </>
          ) : (
            <ConfirmAction
              label="Setujui dan kunci periode"
              confirmLabel={`Ya, setujui dan kunci ${period.label.replace(/ \(.*\)$/, "")}`}
              consequence={`Setelah dikunci, evaluasi, penilaian periode, impor statistik panggilan dan laporan ke ${period.label} ditolak sampai periode dibuka kembali dengan alasan tertulis.`}
              fields={{ intent: "approve" }}
              error={failedIntent === "approve" ? error : undefined}
            />
          )}
        </>
      )}
      {lock && status.approved && (
        <details open={failedIntent === "reopen" || undefined}>
          <summary>Buka kembali periode</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reopen" />
            <div className="field">
              <label htmlFor="reason">Alasan membuka kembali</label>
              <textarea id="reason" name="reason" rows={3} required minLength={10} />
            </div>
            <FormError message={failedIntent === "reopen" ? error : undefined} />
            <div>
              <button type="submit" className="danger">
                Buka kembali
              </button>
            </div>
          </Form>
        </details>
      )}
    </section>
  );
}

/** In place of a chart that would be blank. */
export function NoData({ title, why }: { title: string; why: string }) {
  return (
    <figure className="chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <p className="muted">Tidak ada data: {why}</p>
    </figure>
  );
}

type AgentRow = {
  staffId: number;
  fullName: string;
  teamName: string;
  evaluations: number;
  dimensions: { hardskill: number | null; softskill: number | null; kedisiplinan: number | null; cph: number | null };
  cphActual: number | null;
  kpi: { score: number | null; missing: string[] };
  predikat: string | null;
  rank: number | null;
};

/** Peringkat, Petugas, seven figures, Predikat. */
const COLUMNS = 10;

// Column keys and first-click directions as in KPI_SORTS (app/.server/kpi-dashboard.ts).
const FIGURES = [
  ["evaluasi", "Evaluasi"],
  ["hardskill", "Hardskill"],
  ["softskill", "Softskill"],
  ["kedisiplinan", "Kedisiplinan"],
  ["cph", "CPH"],
  ["skorcph", "Skor CPH"],
  ["nilai", "Nilai akhir"],
] as const;

/**
 * KPI rows in the order given (the server sorts them team by team, best first, or by the column in `sort`
 * within each team). With `sort`, the headers sort the list; without, they are plain.
 */
export function AgentsTable({
  agents,
  caption,
  threshold,
  sort,
  anchor,
}: {
  agents: AgentRow[];
  caption: string;
  threshold: number;
  sort?: Sort | null;
  anchor?: string;
}) {
  const header = (key: string, label: string, first: "naik" | "turun", className?: string) =>
    sort === undefined ? (
      <th scope="col" className={className} key={key}>
        {label}
      </th>
    ) : (
      <SortHeader
        key={key}
        column={key}
        label={label}
        sort={sort}
        first={first}
        anchor={anchor}
        className={className}
      />
    );
  return (
    <div className="table-wrap">
      <table className="kpi-table stack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header("peringkat", "Peringkat", "naik", "num")}
            {header("petugas", "Petugas", "naik")}
            {FIGURES.map(([key, label]) => header(key, label, "turun", "num"))}
            <th scope="col">Predikat</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a, i) => (
            <Fragment key={a.staffId}>
              {a.teamName !== agents[i - 1]?.teamName && (
                <tr className="group">
                  <th colSpan={COLUMNS} scope="colgroup">
                    {a.teamName}
                  </th>
                </tr>
              )}
              <tr className={a.kpi.score !== null && a.kpi.score < threshold ? "below" : undefined}>
                <td data-label="Peringkat" className="num">
                  {a.rank ?? "—"}
                </td>
                <td data-label="Petugas" className="card-title">
                  <Link to={`/staf/${a.staffId}`}>{a.fullName}</Link>
                </td>
                <td data-label="Evaluasi" className="num">
                  {a.evaluations}
                </td>
                <td data-label="Hardskill" className="num">
                  {formatScore(a.dimensions.hardskill)}
                </td>
                <td data-label="Softskill" className="num">
                  {formatScore(a.dimensions.softskill)}
                </td>
                <td data-label="Kedisiplinan" className="num">
                  {formatScore(a.dimensions.kedisiplinan)}
                </td>
                <td data-label="CPH" className="num">
                  {formatScore(a.cphActual)}
                </td>
                <td data-label="Skor CPH" className="num">
                  {formatScore(a.dimensions.cph)}
                </td>
                <td data-label="Nilai akhir" className="num">
                  <strong>{formatScore(a.kpi.score)}</strong>
                  {/* Said in words too: the row's colour alone tells nothing to whoever cannot see it. */}
                  {a.kpi.score !== null && a.kpi.score < threshold && (
                    <span className="block small">di bawah batas</span>
                  )}
                </td>
                <td data-label="Predikat">
                  {a.predikat ?? (
                    <span className="muted">
                      belum lengkap ({a.kpi.missing.map((m) => SECTION_LABELS[m as "cph"] ?? m).join(", ")})
                    </span>
                  )}
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
