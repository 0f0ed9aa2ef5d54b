import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_PAGE_SIZE, listAudit } from "~/.server/audit";
import { requirePermission } from "~/.server/session";
import { SelectField } from "~/components/field";
import { formatInstantWib } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Log audit — Mutu" }];

const ENTITIES = [
  { value: "user", label: "Pengguna" },
  { value: "staff", label: "Staf" },
  { value: "setting", label: "Pengaturan" },
  { value: "route", label: "Akses halaman" },
  { value: "database", label: "Basis data" },
];

const ACTIONS: Record<string, string> = {
  create: "membuat",
  update: "mengubah",
  login: "masuk",
  logout: "keluar",
  login_failed: "gagal masuk",
  access_denied: "akses ditolak",
  disable: "menonaktifkan",
  enable: "mengaktifkan",
  reset_password: "mengatur ulang kata sandi",
  change_password: "mengganti kata sandi",
  seed_demo: "memuat data demo",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "read:audit");
  const url = new URL(request.url);
  const entity = ENTITIES.some((e) => e.value === url.searchParams.get("entitas"))
    ? (url.searchParams.get("entitas") ?? undefined)
    : undefined;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("hal") ?? "1", 10) || 1);
  const result = await listAudit(env.db, { entity, page });
  return { ...result, entity, page, pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) };
}

export default function AuditLog() {
  const { rows, total, entity, page, pages } = useLoaderData<typeof loader>();
  const link = (p: number) => `?${new URLSearchParams({ ...(entity ? { entitas: entity } : {}), hal: String(p) })}`;
  return (
    <div className="page">
      <h1>Log audit</h1>
      <p className="lead">Setiap perubahan data, percobaan masuk yang gagal dan akses yang ditolak. Terbaru di atas.</p>
      <Form method="get" className="filters">
        <SelectField
          name="entitas"
          label="Jenis data"
          placeholder="Semua"
          defaultValue={entity ?? ""}
          options={ENTITIES}
        />
        <button type="submit">Tampilkan</button>
      </Form>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Log audit</caption>
          <thead>
            <tr>
              <th scope="col">Waktu</th>
              <th scope="col">Oleh</th>
              <th scope="col">Tindakan</th>
              <th scope="col">Data</th>
              <th scope="col">Sebelum</th>
              <th scope="col">Sesudah</th>
              <th scope="col">Alamat</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="num card-title" data-label="Waktu">
                  {formatInstantWib(new Date(r.at))}
                </td>
                <td data-label="Oleh">{r.actorLabel}</td>
                <td data-label="Tindakan">{ACTIONS[r.action] ?? r.action}</td>
                <td data-label="Data">
                  {ENTITIES.find((e) => e.value === r.entity)?.label ?? r.entity}
                  {r.entityId
                    ? ` ${r.entity === "route" || r.entity === "setting" ? r.entityId : `#${r.entityId}`}`
                    : ""}
                </td>
                <td data-label="Sebelum">
                  {r.before ? <pre className="json">{JSON.stringify(r.before, null, 1)}</pre> : "—"}
                </td>
                <td data-label="Sesudah">
                  {r.after ? <pre className="json">{JSON.stringify(r.after, null, 1)}</pre> : "—"}
                </td>
                <td data-label="Alamat">{r.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="actions" aria-label="Halaman log">
        {page > 1 && <Link to={link(page - 1)}>← Lebih baru</Link>}
        <span className="muted">
          Halaman {page} dari {pages} ({total} catatan)
        </span>
        {page < pages && <Link to={link(page + 1)}>Lebih lama →</Link>}
      </nav>
    </div>
  );
}
