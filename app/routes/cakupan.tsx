import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { periodCoverage } from "~/.server/coverage";
import { periodChoice } from "~/.server/periods";
import { requirePermission } from "~/.server/session";
import { channelShort } from "~/components/evaluation-view";
import { ExportLinks } from "~/components/export-links";
import { PeriodPicker } from "~/components/period-picker";

export const meta: MetaFunction = () => [{ title: "Cakupan evaluasi — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "read:coverage");
  const { period, choices } = periodChoice(new URL(request.url).searchParams.get("periode"));
  return {
    period: { id: period.id, label: period.label },
    choices,
    ...(await periodCoverage(env.db, period.id, env.settings)),
  };
}

export default function Coverage() {
  const { period, choices, quota, rows, workload, met } = useLoaderData<typeof loader>();
  const missing = [...rows].sort((a, b) => b.status.missing - a.status.missing);
  return (
    <div className="page">
      <h1>Cakupan evaluasi</h1>
      <p className="lead">
        {period.label}. Kuota: {quota.perAgent} evaluasi interaksi per petugas
        {Object.entries(quota.byChannel).length > 0 &&
          `, paling sedikit ${Object.entries(quota.byChannel)
            .map(([channel, n]) => `${n} melalui ${channelShort(channel).toLowerCase()}`)
            .join(" dan ")}`}
        .
      </p>
      <PeriodPicker value={period.id} choices={choices} />
      <p role="status">
        <strong>
          {met} dari {rows.length}
        </strong>{" "}
        petugas sudah memenuhi kuota.
      </p>
      {/* The period shown, also when the address asked for one the picker does not offer. */}
      {rows.length > 0 && (
        <ExportLinks
          list="cakupan"
          params={new URLSearchParams({ periode: period.id })}
          what="cakupan dan beban penilai periode ini"
        />
      )}
      <h2>Petugas</h2>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Evaluasi per petugas terhadap kuota</caption>
          <thead>
            <tr>
              <th scope="col">Petugas</th>
              <th scope="col">Tim</th>
              <th scope="col" className="num">
                Evaluasi
              </th>
              <th scope="col" className="num">
                Telepon
              </th>
              <th scope="col">Penilaian periode</th>
              <th scope="col">Kekurangan</th>
            </tr>
          </thead>
          <tbody>
            {missing.map((r) => (
              <tr key={r.id}>
                <td data-label="Petugas" className="card-title">
                  <Link to={`/evaluasi?petugas=${r.id}&periode=${period.id}`}>{r.fullName}</Link>
                </td>
                <td data-label="Tim">{r.teamName.replace("Tim Kerja ", "")}</td>
                <td className="num" data-label="Evaluasi">
                  {r.interactions}
                </td>
                <td className="num" data-label="Telepon">
                  {r.telepon}
                </td>
                <td data-label="Penilaian periode">{r.reviewed ? "sudah" : <span className="muted">belum</span>}</td>
                <td data-label="Kekurangan">
                  {r.status.met ? (
                    <span className="badge">terpenuhi</span>
                  ) : (
                    <span className="badge danger">
                      kurang {r.status.missing}
                      {Object.keys(r.status.missingByChannel).length > 0 &&
                        ` (${Object.entries(r.status.missingByChannel)
                          .map(([channel, n]) => `${n} ${channelShort(channel).toLowerCase()}`)
                          .join(", ")})`}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Beban penilai</h2>
      {workload.length === 0 ? (
        <p className="muted">Belum ada evaluasi pada periode ini.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Evaluasi per penilai</caption>
            <thead>
              <tr>
                <th scope="col">Penilai</th>
                <th scope="col" className="num">
                  Evaluasi terkirim
                </th>
                <th scope="col" className="num">
                  Draf
                </th>
                <th scope="col" className="num">
                  Penilaian periode
                </th>
                <th scope="col" className="num">
                  Disanggah
                </th>
              </tr>
            </thead>
            <tbody>
              {workload.map((w) => (
                <tr key={w.assessorId}>
                  <td data-label="Penilai" className="card-title">
                    {w.name}
                  </td>
                  <td className="num" data-label="Evaluasi terkirim">
                    {w.submitted}
                  </td>
                  <td className="num" data-label="Draf">
                    {w.drafts}
                  </td>
                  <td className="num" data-label="Penilaian periode">
                    {w.reviews}
                  </td>
                  <td className="num" data-label="Disanggah">
                    {w.disputed}
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
