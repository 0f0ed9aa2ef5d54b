import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { rosterAction } from "~/.server/roster-forms";
import { rosterPage, rosterWeek } from "~/.server/roster-page";
import { requirePermission } from "~/.server/session";
import { ExportLinks } from "~/components/export-links";
import { FormError, Notice } from "~/components/field";
import { RosterRow } from "~/components/roster-row";
import { ShiftForm } from "~/components/shift-form";
import { formatDay, weekdayName } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Jadwal dinas — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, access } = await requirePermission(request, context, "read:roster");
  return rosterPage(env.db, access, new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePermission(request, context, "manage:roster");
  const week = rosterWeek(new URL(request.url).searchParams.get("minggu"));
  const result = await rosterAction(auth, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/tenaga-kerja/jadwal?minggu=${week.id}&${result.intent === "delete" ? "dihapus" : "disimpan"}=1`);
}

export default function Roster() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const here = `/tenaga-kerja/jadwal?minggu=${d.week.id}`;
  return (
    <div className="page">
      <h1>Jadwal dinas</h1>
      <p className="lead">
        {d.week.label}. Sif yang melewati tengah malam tercatat pada hari mulainya (23:00–07:00 berakhir keesokan
        harinya).
      </p>
      <Notice>
        {params.get("disimpan") ? "Sif disimpan." : null}
        {params.get("dihapus") ? "Sif dihapus; tercatat di log audit." : null}
      </Notice>
      {d.week.error && <FormError message={d.week.error} />}
      {failed && !failed.ok && failed.intent === "delete" && <FormError message={Object.values(failed.errors)[0]} />}
      <nav className="pager" aria-label="Minggu">
        <Link to={`/tenaga-kerja/jadwal?minggu=${d.week.previous}`} rel="prev">
          ← Minggu sebelumnya
        </Link>
        <Link to="/tenaga-kerja/jadwal">Minggu ini</Link>
        <Link to={`/tenaga-kerja/jadwal?minggu=${d.week.next}`} rel="next">
          Minggu berikutnya →
        </Link>
      </nav>
      {/* The week shown, also when the address asked for one that could not be read. */}
      {(d.others.length > 0 || d.people.some((p) => p.shifts.length > 0)) && (
        <ExportLinks
          list="jadwal"
          params={new URLSearchParams({ minggu: d.week.id })}
          what={`jadwal ${d.week.label}`}
        />
      )}
      {d.uncertifiedShifts > 0 && (
        <p className="alert alert-info">
          {d.uncertifiedShifts} sif minggu ini dipegang pejabat yang belum memegang Sertifikat Keahlian yang berlaku
          untuk jabatannya (ditandai <span className="badge warn">tanpa sertifikat</span>). Menurut KETUJUH
          KEP-165/BC/2014 setiap pejabat yang melaksanakan kegiatan contact center harus memiliki sertifikat keahlian.
        </p>
      )}
      <div className="table-wrap">
        <table className="roster stack-table">
          <caption className="visually-hidden">Sif per petugas dan hari, {d.week.label}</caption>
          <thead>
            <tr>
              <th scope="col">Petugas</th>
              {d.week.days.map((day, i) => (
                <th scope="col" key={day}>
                  {weekdayName(i + 1)}
                  <br />
                  {formatDay(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.people.map((p, i) => (
              <RosterRow
                key={p.id}
                person={p}
                days={d.week.days}
                here={here}
                teamHeading={p.teamName !== d.people[i - 1]?.teamName}
              />
            ))}
          </tbody>
        </table>
      </div>
      {d.people.length === 0 && <p className="muted">Tidak ada petugas dalam jadwal yang dapat Anda lihat.</p>}
      {d.others.length > 0 && (
        <p className="muted">
          Sif petugas yang tidak lagi ada di daftar:{" "}
          {d.others.map((s) => `${s.fullName} ${formatDay(s.day)} ${s.start}–${s.end}`).join("; ")}.
        </p>
      )}
      {d.canManage && (
        <ShiftForm
          here={here}
          week={d.week}
          edit={d.edit}
          editable={d.editable}
          channels={d.channels}
          failed={failed && !failed.ok && failed.intent === "save" ? failed : undefined}
          canImport={d.canImport}
        />
      )}
    </div>
  );
}
