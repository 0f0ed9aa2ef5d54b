import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { filterRefreshers, refresherFilterFrom, refresherList } from "~/.server/refreshers";
import { requirePermission } from "~/.server/session";
import { ExportLinks } from "~/components/export-links";
import { SelectField } from "~/components/field";
import { can } from "~/permissions";
import { formatDay, wibDay } from "../../analytics/dates";
import { DUE_WINDOW_DAYS } from "../../analytics/refreshers";

export const meta: MetaFunction = () => [{ title: "Penyegaran jatuh tempo — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user, access } = await requirePermission(request, context, "manage:training_record");
  const all = await refresherList(env.db, wibDay(new Date()), access);
  const lines = filterRefreshers(all, refresherFilterFrom(new URL(request.url).searchParams));
  const courses = [...new Map(all.map((l) => [l.courseId, `${l.courseCode} — ${l.courseName}`]))];
  const teams = [...new Map(all.map((l) => [l.teamId, l.teamName]))];
  // The catalogue, where the intervals are set, is HR's: the QA coordinator is told where, not sent there.
  return { lines, courses, teams, canSetIntervals: can(user.roles, "manage:training") };
}

export default function Refreshers() {
  const { lines, courses, teams, canSetIntervals } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const overdue = lines.filter((l) => l.overdue).length;
  return (
    <div className="page">
      <p>
        <Link to="/pelatihan/catatan">← Catatan pelatihan</Link>
      </p>
      <h1>Penyegaran jatuh tempo</h1>
      <p className="lead">
        Pelatihan yang harus diulang (penyegaran, 2.3.3): setiap orang aktif yang pernah mengikutinya, bila
        penyegarannya sudah lewat waktu atau jatuh tempo dalam {DUE_WINDOW_DAYS} hari. Selang waktunya diatur SDM di{" "}
        {canSetIntervals ? <Link to="/pelatihan">katalog pelatihan</Link> : "katalog pelatihan"}.
      </p>
      <Form method="get" className="card filters">
        <SelectField
          name="kursus"
          label="Pelatihan"
          placeholder="Semua pelatihan"
          defaultValue={params.get("kursus") ?? ""}
          options={courses.map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="tim"
          label="Tim"
          placeholder="Semua tim"
          defaultValue={params.get("tim") ?? ""}
          options={teams.map(([value, label]) => ({ value, label }))}
        />
        <div>
          <button type="submit">Tampilkan</button>
        </div>
      </Form>
      <p aria-live="polite">
        {lines.length === 0
          ? "Tidak ada penyegaran yang lewat waktu atau jatuh tempo."
          : `${overdue} lewat waktu, ${lines.length - overdue} jatuh tempo dalam ${DUE_WINDOW_DAYS} hari.`}
      </p>
      {lines.length > 0 && <ExportLinks list="penyegaran" what="daftar penyegaran jatuh tempo ini" />}
      {lines.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Penyegaran jatuh tempo</caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">Tim</th>
                <th scope="col">Pelatihan</th>
                <th scope="col">Terakhir mengikuti</th>
                <th scope="col">Jatuh tempo</th>
                <th scope="col">Keadaan</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.staffId}-${l.courseId}`}>
                  <td data-label="Nama" className="card-title">
                    <Link to={`/staf/${l.staffId}`}>{l.fullName}</Link>
                  </td>
                  <td data-label="Tim">{l.teamName.replace(/^Tim Kerja /, "")}</td>
                  <td data-label="Pelatihan" title={l.courseName}>
                    {l.courseCode}
                  </td>
                  <td data-label="Terakhir mengikuti">{formatDay(l.lastEndDate)}</td>
                  <td data-label="Jatuh tempo">{formatDay(l.dueDate)}</td>
                  <td data-label="Keadaan">
                    {l.overdue ? (
                      <span className="badge off">Lewat waktu</span>
                    ) : (
                      <span className="badge">Jatuh tempo</span>
                    )}
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
