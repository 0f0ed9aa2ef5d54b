import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { listTeams } from "~/.server/staff";
import { recordFilters } from "~/.server/training-record-forms";
import { listRecords, recordChoices } from "~/.server/training-records";
import { ExportLinks } from "~/components/export-links";
import { Notice, SelectField } from "~/components/field";
import { STATUS_OPTIONS } from "~/components/training-record-form";
import { TrainingRecordTable } from "~/components/training-record-table";
import { can } from "~/permissions";

export const meta: MetaFunction = () => [{ title: "Catatan pelatihan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "manage:training_record");
  const { filters, page } = recordFilters(new URL(request.url));
  const { courses } = await recordChoices(env.db);
  // A training batch's page is for those who import training (HR); the QA coordinator reads its number only.
  const canOpenBatches = can(user.roles, "import:training");
  return { list: await listRecords(env.db, filters, page), courses, teams: await listTeams(env.db), canOpenBatches };
}

export default function TrainingRecords() {
  const { list, courses, teams, canOpenBatches } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("halaman", String(page));
    return `?${next}`;
  };
  return (
    <div className="page">
      <h1>Catatan pelatihan</h1>
      <p className="lead">
        Setiap catatan pelatihan satu orang, dari impor atau dicatat di sini. Perbaikan dan penghapusan tercatat di log
        audit beserta isi sebelum dan sesudahnya; kelayakan sertifikasi langsung mengikutinya.
      </p>
      <Notice>
        {params.get("disimpan") ? "Catatan pelatihan tersimpan." : null}
        {params.get("dihapus") ? "Catatan pelatihan dihapus." : null}
      </Notice>
      <p className="actions">
        <Link to="/pelatihan/catatan/baru" className="button">
          Tambah catatan
        </Link>
        <Link to="/pelatihan/penyegaran">Penyegaran jatuh tempo</Link>
      </p>
      <Form method="get" className="card filters">
        <SelectField
          name="kursus"
          label="Pelatihan"
          placeholder="Semua pelatihan"
          defaultValue={params.get("kursus") ?? ""}
          options={courses.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
        />
        <SelectField
          name="tim"
          label="Tim"
          placeholder="Semua tim"
          defaultValue={params.get("tim") ?? ""}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Semua status"
          defaultValue={params.get("status") ?? ""}
          options={STATUS_OPTIONS}
        />
        <div className="field">
          <label htmlFor="dari">Selesai dari</label>
          <input id="dari" name="dari" type="date" defaultValue={params.get("dari") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="sampai">Selesai sampai</label>
          <input id="sampai" name="sampai" type="date" defaultValue={params.get("sampai") ?? ""} />
        </div>
        {params.get("orang") && <input type="hidden" name="orang" value={params.get("orang") ?? ""} />}
        <div>
          <button type="submit">Tampilkan</button>
        </div>
      </Form>
      <ExportLinks
        list="pelatihan"
        params={new URLSearchParams(params.get("kursus") ? { kursus: params.get("kursus") ?? "" } : {})}
        what={params.get("kursus") ? "catatan pelatihan ini" : "semua catatan pelatihan"}
      />
      <p className="muted" aria-live="polite">
        {list.total.toLocaleString("id-ID")} catatan
        {list.pages > 1 ? `, halaman ${list.page} dari ${list.pages}` : ""}.
      </p>
      {list.rows.length > 0 && <TrainingRecordTable rows={list.rows} canOpenBatches={canOpenBatches} />}
      {list.pages > 1 && (
        <nav aria-label="Halaman catatan" className="pager">
          {list.page > 1 && <Link to={pageLink(list.page - 1)}>← Sebelumnya</Link>}
          {list.page < list.pages && <Link to={pageLink(list.page + 1)}>Berikutnya →</Link>}
        </nav>
      )}
    </div>
  );
}
