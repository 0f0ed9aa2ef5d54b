import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound } from "~/.server/errors";
import { requirePermission } from "~/.server/session";
import { getStaff } from "~/.server/staff";
import { Notice } from "~/components/field";
import { StaffFacts } from "~/components/staff-facts";
import { can } from "~/permissions";

export const meta: MetaFunction = () => [{ title: "Data staf — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, scope, env } = await requirePermission(request, context, "read:staff");
  const id = Number(params.id);
  const person = Number.isInteger(id)
    ? await getStaff(env.db, id, scope, user, can(user.roles, "read:staff_personal"))
    : null;
  if (!person) notFound("Staf ini tidak ditemukan, atau tidak termasuk wewenang Anda.");
  return { person, canEdit: can(user.roles, "update:staff"), canManageUsers: can(user.roles, "manage:user") };
}

export default function StaffPage() {
  const { person, canEdit, canManageUsers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/staf">← Direktori staf</Link>
      </p>
      <Notice>{params.get("disimpan") ? "Data staf tersimpan." : null}</Notice>
      <h1>{person.fullName}</h1>
      {!person.active && (
        <p className="lead">
          <span className="badge off">Nonaktif</span>
        </p>
      )}
      <div className="card">
        <dl className="facts">
          <StaffFacts person={person} />
          <dt>Akun Mutu</dt>
          <dd>{person.username ?? "Belum ada"}</dd>
        </dl>
      </div>
      <div className="actions">
        {canEdit && (
          <Link to={`/staf/${person.id}/ubah`} className="button">
            Ubah data
          </Link>
        )}
        {canManageUsers && !person.username && (
          <Link to={`/admin/pengguna/baru?staf=${person.id}`} className="button secondary">
            Buat akun untuk staf ini
          </Link>
        )}
      </div>
    </div>
  );
}
