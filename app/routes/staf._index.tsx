import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { parseForm } from "~/.server/forms";
import { keepSearch, keptSearch, searchText } from "~/.server/kept-search";
import { requirePermission } from "~/.server/session";
import {
  DIRECTORY_LIMIT,
  type DirectoryParams,
  directoryParams,
  listStaff,
  listTeams,
  STAFF_SORTS,
} from "~/.server/staff";
import { ExportLinks } from "~/components/export-links";
import { SelectField, TextField } from "~/components/field";
import { StaffTable } from "~/components/staff-table";
import { readSort, SEARCH_MAX_LENGTH, sortParams } from "~/list-params";
import { can } from "~/permissions";

export const meta: MetaFunction = () => [{ title: "Staf — Mutu" }];

// The search text is not in the address: it is POSTed and kept with the session (decision 016), so a NIP or name
// typed into it never lands in a URL. Team and status are (staff.ts directoryParams).

/** The directory's address for a filter and sort: `/staf?tim=2&status=semua&urut=nama&arah=naik`. */
function directoryUrl(filter: DirectoryParams, params: URLSearchParams): string {
  const query = new URLSearchParams([
    ...(filter.tim ? [["tim", String(filter.tim)]] : []),
    ...(filter.status !== "aktif" ? [["status", filter.status]] : []),
    ...sortParams(readSort(params, STAFF_SORTS)),
  ]);
  return query.size ? `/staf?${query}` : "/staf";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, access, env, sessionId } = await requirePermission(request, context, "read:staff");
  if (access.scope === "own") throw redirect("/profil");
  const params = new URL(request.url).searchParams;
  const filter = directoryParams(params);
  const sort = readSort(params, STAFF_SORTS);
  const search = await keptSearch(env.db, sessionId, "staf");
  const [result, teams] = await Promise.all([
    listStaff(env.db, access, { query: search, teamId: filter.tim, status: filter.status, sort }),
    listTeams(env.db),
  ]);
  return {
    ...result,
    limit: DIRECTORY_LIMIT,
    teams,
    filter,
    search,
    sort,
    scope: access.scope,
    canCreate: can(user.roles, "create:staff"),
  };
}

const searchInput = z.object({ q: searchText });

/** "Cari" keeps the search text and redirects to the list with the filters; "Hapus pencarian" forgets it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { access, env, sessionId } = await requirePermission(request, context, "read:staff");
  if (access.scope === "own") throw redirect("/profil");
  const form = await request.formData();
  const clear = form.get("intent") === "hapus";
  const parsed = parseForm(searchInput, form);
  if (!clear && !parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await keepSearch(env.db, sessionId, "staf", clear || !parsed.ok ? "" : parsed.data.q);
  throw redirect(directoryUrl(directoryParams(form), new URL(request.url).searchParams), 303);
}

export default function StaffDirectory() {
  const { rows, truncated, limit, teams, filter, search, sort, scope, canCreate } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{scope === "team" ? "Staf Tim Saya" : scope === "group" ? "Staf Regu Saya" : "Direktori Staf"}</h1>
      <p className="lead">Staf contact center Bravo Bea Cukai 1500225 per Tim Kerja.</p>
      <Form method="post" className="filters" role="search" aria-label="Cari staf">
        <TextField
          key={search}
          name="q"
          label="Cari nama atau NIP"
          type="search"
          defaultValue={search}
          maxLength={SEARCH_MAX_LENGTH}
          autoComplete="off"
          error={failed?.errors.q}
        />
        {scope === "any" && (
          <SelectField
            name="tim"
            label="Tim Kerja"
            placeholder="Semua tim"
            defaultValue={filter.tim ?? ""}
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
        <button type="submit" name="intent" value="cari">
          Cari
        </button>
        {search && (
          <button type="submit" name="intent" value="hapus" className="secondary">
            Hapus pencarian
          </button>
        )}
        {canCreate && (
          <Link to="/staf/baru" className="button secondary">
            Tambah staf
          </Link>
        )}
      </Form>
      <p className="muted" role="status">
        {rows.length} staf ditampilkan{search ? ` untuk pencarian “${search}”` : ""}
        {truncated ? ` (dibatasi ${limit}; persempit pencarian atau unduh seluruhnya)` : ""}.
      </p>
      {rows.length > 0 && <ExportLinks list="staf" what="daftar staf ini" />}
      <StaffTable rows={rows} caption="Daftar staf" sort={sort} />
    </div>
  );
}
