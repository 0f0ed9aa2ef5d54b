import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { adherencePage } from "~/.server/adherence-page";
import { requirePermission } from "~/.server/session";
import { AdherenceTable, dayLabel, ShiftAdherenceTable } from "~/components/adherence-tables";
import { ExportLinks } from "~/components/export-links";
import { SelectField } from "~/components/field";
import { ImportHint } from "~/components/import-hint";
import { can } from "~/permissions";
import { formatDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Kepatuhan jadwal — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:workforce");
  const page = await adherencePage(auth, request, auth.env.settings);
  return { ...page, canImport: can(auth.user.roles, "import:states") };
}

export default function Adherence() {
  const d = useLoaderData<typeof loader>();
  const base = new URLSearchParams({ periode: d.period.id });
  if (d.teamId !== null) base.set("tim", String(d.teamId));
  const agentLink = (staffId: number) => `?${new URLSearchParams([...base, ["staf", String(staffId)]])}#rincian`;
  return (
    <div className="page">
      <h1>Kepatuhan jadwal</h1>
      <p className="lead">
        Apakah petugas login saat berdinas (regulasi 2.1.1 dan 2.2.1), dari jadwal dinas dan status agen yang diimpor
        dari sistem telepon. Bukti untuk butir kedisiplinan; penilai tetap yang memberi nilai.
      </p>
      <p>
        <Link to="/tenaga-kerja">Analitik tenaga kerja</Link> · <Link to="/tenaga-kerja/jadwal">Jadwal dinas</Link>
      </p>
      <Form method="get" className="filters">
        <SelectField name="periode" label="Periode" defaultValue={d.period.id} options={d.choices} />
        {d.teamChoices.length > 1 && (
          <SelectField
            name="tim"
            label="Tim"
            defaultValue={d.teamId === null ? "" : String(d.teamId)}
            options={[{ value: "", label: "Semua tim" }, ...d.teamChoices]}
          />
        )}
        <button type="submit">Tampilkan</button>
      </Form>
      <details className="help">
        <summary>Cara menghitung</summary>
        <p>
          <strong>Kepatuhan</strong> = menit login dalam sif dikurangi istirahat di luar jadwal, dibagi menit sif.{" "}
          <strong>Kesesuaian</strong> = menit login di dalam jadwal dibagi semua menit login. Jadwal dinas tidak memuat
          jam istirahat, jadi istirahat sampai {d.breakAllowance} menit per sif dihitung patuh (pengaturan). Terlambat:
          dari awal sif sampai login pertama; pulang awal: dari logout terakhir sampai akhir sif; tidak hadir: tidak
          login sama sekali. Hari tanpa status agen yang diimpor (untuk siapa pun) tidak dihitung.
        </p>
      </details>
      {!d.started ? (
        <p className="alert alert-info">{d.period.label} belum punya hari yang selesai.</p>
      ) : !d.hasStates ? (
        <p className="alert alert-info">
          Belum ada status agen untuk hari-hari {d.period.label} yang sudah lewat.{" "}
          <ImportHint kind="states" what="status agen" canImport={d.canImport} />
        </p>
      ) : null}
      {d.teams.length > 0 && (
        <>
          <AdherenceTable
            caption={`Per tim, ${formatDay(d.range.from)} – ${formatDay(d.range.to)}`}
            first="Tim"
            rows={d.teams.map((t) => ({
              key: String(t.teamId),
              label: `${(t.teamName ?? "Tanpa tim").replace("Tim Kerja ", "")} (${t.agents} orang)`,
              figures: t,
            }))}
          />
          <h2 id="petugas">Per petugas</h2>
          <ExportLinks list="kepatuhan" what="kepatuhan jadwal per petugas" />
          <AdherenceTable
            caption="Pilih nama untuk melihat hari dan sifnya."
            first="Petugas"
            rows={d.agents.map((a) => ({
              key: String(a.staffId),
              label: a.fullName,
              to: agentLink(a.staffId),
              figures: a.total,
            }))}
          />
        </>
      )}
      {d.staffId !== null && (
        <section id="rincian" aria-labelledby="rincian-judul">
          <h2 id="rincian-judul">{d.agent ? `Rincian ${d.agent.fullName}` : "Rincian petugas"}</h2>
          {d.agent ? (
            <>
              <AdherenceTable
                caption="Per hari (sif malam dihitung pada hari mulainya)"
                first="Hari"
                rows={d.days.map((day) => ({ key: day.day, label: dayLabel(day.day), figures: day }))}
              />
              <ShiftAdherenceTable caption="Per sif" shifts={d.agent.shifts} />
            </>
          ) : (
            <p className="alert alert-info">Petugas ini tidak punya sif atau status agen dalam {d.period.label}.</p>
          )}
        </section>
      )}
      {d.staffId === null && d.days.length > 0 && (
        <details className="by-day">
          <summary className="by-day-summary">Per hari, semua petugas di atas ({d.days.length} hari)</summary>
          <AdherenceTable
            caption="Sif malam dihitung pada hari mulainya."
            first="Hari"
            rows={d.days.map((day) => ({ key: day.day, label: dayLabel(day.day), figures: day }))}
          />
        </details>
      )}
    </div>
  );
}
