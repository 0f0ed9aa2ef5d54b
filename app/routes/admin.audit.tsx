import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_KINDS, AUDIT_PAGE_SIZE } from "~/.server/audit";
import { auditActors, auditFilterFrom, auditPage } from "~/.server/audit-page";
import { requirePermission } from "~/.server/session";
import { ExportLinks } from "~/components/export-links";
import { SelectField, TextField } from "~/components/field";
import { Pager } from "~/components/pager";
import { formatDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Log audit — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "read:audit");
  const { filter, errors } = auditFilterFrom(new URL(request.url));
  const [result, actors] = await Promise.all([auditPage(env.db, filter), auditActors(env.db)]);
  return {
    ...result,
    filter,
    errors,
    actors,
    kinds: AUDIT_KINDS.map((k) => ({ value: k.value, label: k.label })),
    size: AUDIT_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)),
  };
}

export default function AuditLog() {
  const { rows, total, filter, errors, actors, kinds, size, pages } = useLoaderData<typeof loader>();
  const actor = actors.find((a) => a.id === filter.actor);
  const shown = [
    kinds.find((k) => k.value === filter.kind)?.label,
    filter.actor === "none" ? "tanpa akun" : actor && `oleh ${actor.name}`,
    filter.from && `sejak ${formatDay(filter.from)}`,
    filter.to && `sampai ${formatDay(filter.to)}`,
  ].filter(Boolean);
  return (
    <div className="page">
      <h1>Log audit</h1>
      <p className="lead">Setiap perubahan data, percobaan masuk yang gagal dan akses yang ditolak. Terbaru di atas.</p>
      <Form method="get" className="filters">
        <SelectField
          name="jenis"
          label="Jenis data"
          placeholder="Semua"
          defaultValue={filter.kind ?? ""}
          options={kinds}
        />
        <SelectField
          name="oleh"
          label="Oleh"
          placeholder="Semua pengguna"
          defaultValue={filter.actor === "none" ? "tanpa-akun" : (filter.actor ?? "")}
          options={[
            ...actors.map((a) => ({ value: a.id, label: `${a.name} (${a.username})` })),
            { value: "tanpa-akun", label: "Tanpa akun (sistem, nama pengguna tak dikenal)" },
          ]}
        />
        <TextField name="dari" label="Dari tanggal" type="date" defaultValue={filter.from} error={errors.dari} />
        <TextField name="sampai" label="Sampai tanggal" type="date" defaultValue={filter.to} error={errors.sampai} />
        <button type="submit">Tampilkan</button>
        {shown.length > 0 && <Link to="/admin/audit">Hapus saringan</Link>}
      </Form>
      <p role="status">
        {total.toLocaleString("id-ID")} catatan{shown.length > 0 ? `: ${shown.join(", ")}` : ""}.
      </p>
      {total > 0 && <ExportLinks list="audit" what="semua catatan log audit dengan saringan ini" />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table audit-table">
            <caption className="visually-hidden">Log audit</caption>
            <thead>
              <tr>
                <th scope="col">Waktu (WIB)</th>
                <th scope="col">Oleh</th>
                <th scope="col">Tindakan</th>
                <th scope="col">Data</th>
                <th scope="col">Rincian</th>
                <th scope="col">Alamat IP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="Waktu (WIB)" className="num">
                    {r.at}
                  </td>
                  <td data-label="Oleh">{r.actor}</td>
                  <td data-label="Tindakan">{r.action}</td>
                  <td data-label="Data">{r.record}</td>
                  <td data-label="Rincian">
                    {r.details.length === 0 ? (
                      "—"
                    ) : (
                      <dl className="audit-details">
                        {r.details.map((d) => (
                          <div key={d.label} className="detail">
                            <dt>{d.label}</dt>
                            <dd>{d.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                  <td data-label="Alamat IP">{r.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={filter.page} pages={pages} total={total} size={size} param="hal" label="Halaman log" />
    </div>
  );
}
