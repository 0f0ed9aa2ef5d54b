import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { periodChoice } from "~/.server/periods";
import { listReports } from "~/.server/reports";
import { requirePermission } from "~/.server/session";
import { PeriodPicker } from "~/components/period-picker";
import { can } from "~/permissions";
import { formatDay } from "../../analytics/dates";
import { reportKindLabel } from "../../analytics/organization";
import { reportStatusLabel } from "../../analytics/report-follow-up";

export const meta: MetaFunction = () => [{ title: "Laporan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "read:report");
  const { period, choices } = periodChoice(new URL(request.url).searchParams.get("periode"), 24);
  return {
    period: { id: period.id, label: period.label },
    choices,
    reports: await listReports(env.db, period.id),
    canCreate: can(user.roles, "create:report"),
  };
}

export default function Reports() {
  const { period, choices, reports, canCreate } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Laporan tim</h1>
      <p className="lead">
        Laporan Tim Kerja kepada Kepala Seksi (KEP-165/BC/2014 butir 3.1–3.3): permasalahan, ketentuan terkait,
        analisis, dan simpulan atau rekomendasi. {period.label}.
      </p>
      <div className="toolbar">
        <PeriodPicker value={period.id} choices={choices} />
        {canCreate && (
          <Link className="button" to="/laporan/baru">
            Tulis laporan
          </Link>
        )}
      </div>
      {reports.length === 0 ? (
        <p className="muted">Belum ada laporan pada periode ini.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Laporan {period.label}</caption>
            <thead>
              <tr>
                <th scope="col">Tanggal</th>
                <th scope="col">Jenis</th>
                <th scope="col">Judul</th>
                <th scope="col">Penulis</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td className="num" data-label="Tanggal">
                    {formatDay(r.reportDate)}
                  </td>
                  <td data-label="Jenis">{reportKindLabel(r.kind)}</td>
                  <td data-label="Judul" className="card-title">
                    <Link to={`/laporan/${r.id}`}>{r.title}</Link>
                  </td>
                  <td data-label="Penulis">{r.author}</td>
                  <td data-label="Status">
                    <span className={r.status === "selesai" ? "badge" : "badge warn"}>
                      {reportStatusLabel(r.status)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
