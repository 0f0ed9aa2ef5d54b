import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { listUsers } from "~/.server/users";
import { Notice } from "~/components/field";
import { formatInstantWib } from "../../analytics/dates";
import { isRole, ROLE_LABELS } from "../../analytics/roles";

export const meta: MetaFunction = () => [{ title: "Pengguna — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "manage:user");
  return { users: await listUsers(env.db) };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>Pengguna</h1>
      <p className="lead">Akun Mutu dan perannya. Satu akun boleh memiliki beberapa peran.</p>
      <Notice>{params.get("dibuat") ? "Akun baru tersimpan." : null}</Notice>
      <p>
        <Link to="/admin/pengguna/baru" className="button">
          Tambah pengguna
        </Link>
      </p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Daftar pengguna</caption>
          <thead>
            <tr>
              <th scope="col">Nama pengguna</th>
              <th scope="col">Nama</th>
              <th scope="col">Peran</th>
              <th scope="col">Staf</th>
              <th scope="col">Terakhir masuk</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td data-label="Nama pengguna" className="card-title">
                  <Link to={`/admin/pengguna/${u.id}`}>{u.username}</Link>
                </td>
                <td data-label="Nama">{u.displayName}</td>
                <td data-label="Peran">
                  {u.roles.filter(isRole).map((r) => (
                    <span key={r} className="badge">
                      {ROLE_LABELS[r]}
                    </span>
                  ))}
                </td>
                <td data-label="Staf">{u.staffName ?? <span className="muted">—</span>}</td>
                <td data-label="Terakhir masuk">
                  {u.lastLoginAt ? (
                    formatInstantWib(new Date(u.lastLoginAt))
                  ) : (
                    <span className="muted">belum pernah</span>
                  )}
                </td>
                <td data-label="Status">
                  {u.disabledAt ? <span className="badge danger">Nonaktif</span> : <span className="badge">Aktif</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
