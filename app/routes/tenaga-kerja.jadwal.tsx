import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { rosterAction, rosterGrid, rosterWeek } from "~/.server/roster-page";
import { requirePermission } from "~/.server/session";
import { FormError, Notice, SelectField, TextField } from "~/components/field";
import { importersOf } from "~/components/import-hint";
import { RosterRow } from "~/components/roster-row";
import { can } from "~/permissions";
import { formatDay } from "../../analytics/dates";
import { weekdayName } from "../../analytics/staffing";

export const meta: MetaFunction = () => [{ title: "Jadwal dinas — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:roster");
  const params = new URL(request.url).searchParams;
  const week = rosterWeek(params.get("minggu"));
  const edit = Number(params.get("ubah")) || null;
  return {
    week,
    ...(await rosterGrid(auth, week.monday, edit)),
    canImport: can(auth.user.roles, "import:roster"),
  };
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
  const errors = failed && !failed.ok && failed.intent === "save" ? failed.errors : {};
  const typed = failed && !failed.ok && failed.intent === "save" ? failed.values : undefined;
  const shown = typed ?? (d.edit ? { ...d.edit, id: String(d.edit.id), staffId: String(d.edit.staffId) } : undefined);
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
        <section aria-labelledby="form-sif" id="form-sif-section">
          <h2 id="form-sif">{d.edit ? "Ubah sif" : "Tambah sif"}</h2>
          <Form method="post" action={here} className="stack card" noValidate key={d.edit?.id ?? "baru"}>
            <input type="hidden" name="intent" value="save" />
            {shown?.id && <input type="hidden" name="id" value={shown.id} />}
            <SelectField
              name="staffId"
              label="Petugas"
              options={d.editable}
              placeholder="Pilih petugas"
              defaultValue={shown?.staffId ?? ""}
              error={errors.staffId}
              required
            />
            {/* Keyed by the week: an input keeps what it shows when only its default changes, so after "Minggu
                berikutnya" the date stayed in the first week shown and the shift went to a week out of sight. */}
            <TextField
              key={d.week.id}
              name="day"
              label="Tanggal mulai"
              type="date"
              defaultValue={shown?.day ?? d.week.monday}
              error={errors.day}
              required
            />
            <TextField
              name="start"
              label="Jam mulai (WIB)"
              type="time"
              defaultValue={shown?.start ?? "07:00"}
              error={errors.start}
              required
            />
            <TextField
              name="end"
              label="Jam selesai (WIB)"
              type="time"
              defaultValue={shown?.end ?? "15:00"}
              error={errors.end}
              hint="Lebih awal dari jam mulai: selesai keesokan harinya."
              required
            />
            <SelectField
              name="channel"
              label="Saluran"
              options={d.channels}
              defaultValue={shown?.channel ?? "telepon"}
              error={errors.channel}
            />
            <FormError message={errors._form ?? errors.id} errors={errors} />
            <div className="actions">
              <button type="submit">{d.edit ? "Simpan perubahan" : "Tambah sif"}</button>
              {d.edit && (
                <Link to={here} className="button secondary">
                  Batal
                </Link>
              )}
            </div>
          </Form>
          <p className="muted">
            Jadwal satu minggu penuh dapat juga diimpor dari berkas CSV{" "}
            {d.canImport ? (
              <>
                di <Link to="/impor">Impor</Link> (jenis “Jadwal dinas”).
              </>
            ) : (
              <>oleh {importersOf("roster")}.</>
            )}
          </p>
        </section>
      )}
    </div>
  );
}
