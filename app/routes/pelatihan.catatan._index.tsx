import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { listTeams } from "~/.server/staff";
import { recordFilters } from "~/.server/training-record-forms";
import { listRecords, recordChoices } from "~/.server/training-records";
import { Notice, SelectField } from "~/components/field";
import { STATUS_OPTIONS } from "~/components/training-record-form";
import { can } from "~/permissions";
import { formatScore } from "~/score-fields";
import { formatDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Catatan pelatihan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "manage:training_record");
  const { filters, page } = recordFilters(new URL(request.url));
  const { courses } = await recordChoices(env.db);
  // A training batch's page is for those who import training (HR); the QA coordinator reads its number only.
  const canOpenBatches = can(user.roles, "import:training");
  return { list: await listRecords(env.db, filters, page), courses, teams: await listTeams(env.db), canOpenBatches };
}

const STATUS_LABEL = Object.fromEntries(STATUS_OPTIONS.map((o) => [o.value, o.label]));

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
      <p className="muted" aria-live="polite">
        {list.total.toLocaleString("id-ID")} catatan
        {list.pages > 1 ? `, halaman ${list.page} dari ${list.pages}` : ""}.
      </p>
      {list.rows.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Catatan pelatihan</caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">Pelatihan</th>
                <th scope="col">Selesai</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Nilai
                </th>
                <th scope="col">Asal</th>
                <th scope="col">
                  <span className="visually-hidden">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="Nama" className="card-title">
                    {r.fullName}
                  </td>
                  <td data-label="Pelatihan" title={r.name}>
                    {r.code}
                  </td>
                  <td data-label="Selesai">{formatDay(r.endDate)}</td>
                  <td data-label="Status">{STATUS_LABEL[r.status] ?? r.status}</td>
                  <td className="num" data-label="Nilai">
                    {formatScore(r.score, 2)}
                  </td>
                  <td data-label="Asal">
                    {!r.batchId ? (
                      "Dicatat di Mutu"
                    ) : canOpenBatches ? (
                      <Link to={`/impor/riwayat/${r.batchId}`}>Impor no. {r.batchId}</Link>
                    ) : (
                      `Impor no. ${r.batchId}`
                    )}
                  </td>
                  <td data-label="Tindakan">
                    <Link to={`/pelatihan/catatan/${r.id}`} aria-label={`Ubah catatan ${r.code} ${r.fullName}`}>
                      Ubah
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && (
        <nav aria-label="Halaman catatan" className="pager">
          {list.page > 1 && <Link to={pageLink(list.page - 1)}>← Sebelumnya</Link>}
          {list.page < list.pages && <Link to={pageLink(list.page + 1)}>Berikutnya →</Link>}
        </nav>
      )}
    </div>
  );
}
