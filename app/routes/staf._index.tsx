import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/.server/session";
import { DIRECTORY_LIMIT, listStaff, listTeams } from "~/.server/staff";
import { SelectField, TextField } from "~/components/field";
import { StaffTable } from "~/components/staff-table";
import { can } from "~/permissions";

export const meta: MetaFunction = () => [{ title: "Staf — Mutu" }];

// The search runs as a POST so that a NIP or name typed into it never lands in a URL or an access log.
const searchInput = z.object({
  q: z
    .string()
    .optional()
    .transform((s) => s?.slice(0, 100)),
  teamId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["aktif", "nonaktif", "semua"]).catch("aktif"),
});

async function directory(
  request: Request,
  context: LoaderFunctionArgs["context"],
  filter: z.output<typeof searchInput>,
) {
  const { user, scope, env } = await requirePermission(request, context, "read:staff");
  if (scope === "own") throw redirect("/profil");
  const [result, teams] = await Promise.all([listStaff(env.db, scope, user, filter), listTeams(env.db)]);
  return { ...result, limit: DIRECTORY_LIMIT, teams, filter, scope, canCreate: can(user.roles, "create:staff") };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return directory(request, context, { q: undefined, status: "aktif" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  return directory(request, context, searchInput.parse({ ...form, teamId: form.teamId || undefined }));
}

export default function StaffDirectory() {
  const loaded = useLoaderData<typeof loader>();
  const searched = useActionData<typeof action>();
  const { rows, truncated, limit, teams, filter, scope, canCreate } = searched ?? loaded;
  return (
    <div className="page">
      <h1>{scope === "team" ? "Staf Tim Saya" : "Direktori Staf"}</h1>
      <p className="lead">Staf contact center Bravo Bea Cukai 1500225 per Tim Kerja.</p>
      <Form method="post" className="filters" role="search" aria-label="Cari staf">
        <TextField name="q" label="Cari nama atau NIP" type="search" defaultValue={filter.q ?? ""} autoComplete="off" />
        {scope === "any" && (
          <SelectField
            name="teamId"
            label="Tim Kerja"
            placeholder="Semua tim"
            defaultValue={filter.teamId ?? ""}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
        )}
        <SelectField
          name="status"
          label="Status"
          defaultValue={filter.status}
          options={[
            { value: "aktif", label: "Aktif" },
            { value: "nonaktif", label: "Nonaktif" },
            { value: "semua", label: "Semua" },
          ]}
        />
        <button type="submit">Cari</button>
        {canCreate && (
          <Link to="/staf/baru" className="button secondary">
            Tambah staf
          </Link>
        )}
      </Form>
      <p className="muted" role="status">
        {rows.length} staf ditampilkan{truncated ? ` (dibatasi ${limit}; persempit pencarian)` : ""}.
      </p>
      <StaffTable rows={rows} caption="Daftar staf" />
    </div>
  );
}
