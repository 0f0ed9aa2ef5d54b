import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { eligibilityFilterFrom, eligibilityList, localPolicyOf } from "~/.server/certification";
import { requirePermission } from "~/.server/session";
import { listTeams } from "~/.server/staff";
import { EligibilityTable } from "~/components/eligibility-table";
import { ExportLinks } from "~/components/export-links";
import { SelectField } from "~/components/field";
import { can } from "~/permissions";
import { formatDay, wibDay } from "../../analytics/dates";
import { CERTIFICATE_ROLES } from "../../analytics/eligibility";

export const meta: MetaFunction = () => [{ title: "Kelayakan sertifikat — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:eligibility");
  const filter = eligibilityFilterFrom(new URL(request.url).searchParams);
  const today = wibDay(new Date());
  // KETUJUH counts every official the page reaches, whatever the filters show.
  const everyone = filter.teamId ? { teamId: filter.teamId } : {};
  const [rows, all, teams] = await Promise.all([
    eligibilityList(env.db, access, filter, today),
    eligibilityList(env.db, access, everyone, today),
    listTeams(env.db),
  ]);
  return {
    rows,
    officials: { count: all.length, certified: all.filter((p) => p.certificate !== null).length },
    localPolicy: localPolicyOf(env.settings),
    teams,
    today,
    canIssue: can(access.roles, "issue:certificate"),
    canRegister: can(access.roles, "read:certificate"),
  };
}

export default function Eligibility() {
  const { rows, officials, localPolicy, teams, today, canIssue, canRegister } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const eligible = rows.filter((r) => r.eligible).length;
  return (
    <div className="page">
      <h1>Kelayakan Sertifikat Keahlian</h1>
      <p className="lead">
        Syarat butir E.4: (a) diklat teknis layanan informasi, (b) pelatihan soft skills komunikasi contact center, (c)
        dianggap mampu oleh Direktur PPKC. Dinilai per {formatDay(today)}. Menurut peraturan, diklat yang diikuti
        dihitung walaupun tidak lulus, dan tidak kedaluwarsa.
      </p>
      {localPolicy && <p className="alert alert-info">{localPolicy} Diatur di Pengaturan › Syarat sertifikat (E.4).</p>}
      <p>
        <strong>
          KETUJUH: {officials.certified} dari {officials.count}
        </strong>{" "}
        pejabat memegang Sertifikat Keahlian yang berlaku untuk jabatannya (Koordinator Tim Kerja sebagai Supervisor,
        Ketua Tim sebagai Ketua Tim, Petugas Layanan dan Penilai sebagai Petugas Layanan).{" "}
        {officials.count > officials.certified && <Link to="?sertifikat=belum">Lihat yang belum bersertifikat</Link>}
      </p>
      <Form method="get" className="filters">
        <SelectField
          name="tim"
          label="Tim Kerja"
          placeholder="Semua tim"
          defaultValue={params.get("tim") ?? ""}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
        />
        <SelectField
          name="peran"
          label="Keahlian"
          placeholder="Sesuai jabatan"
          defaultValue={params.get("peran") ?? ""}
          options={CERTIFICATE_ROLES.map((r) => ({ value: r.code, label: r.label }))}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Semua"
          defaultValue={params.get("status") ?? ""}
          options={[
            { value: "layak", label: "Memenuhi syarat" },
            { value: "belum", label: "Belum memenuhi syarat" },
            { value: "keputusan", label: 'Tinggal menunggu keputusan "mampu"' },
          ]}
        />
        <SelectField
          name="sertifikat"
          label="Sertifikat berlaku"
          placeholder="Semua"
          defaultValue={params.get("sertifikat") ?? ""}
          options={[
            { value: "ada", label: "Sudah memegang" },
            { value: "belum", label: "Belum memegang" },
          ]}
        />
        <button type="submit">Tampilkan</button>
        {canRegister && (
          <Link className="button secondary" to="/sertifikat">
            Daftar sertifikat
          </Link>
        )}
      </Form>
      <p role="status">
        <strong>
          {eligible} dari {rows.length}
        </strong>{" "}
        staf memenuhi syarat.
      </p>
      {rows.length > 0 && <ExportLinks list="kelayakan" what="daftar kelayakan ini" />}
      <EligibilityTable rows={rows} canIssue={canIssue} canRegister={canRegister} />
    </div>
  );
}
