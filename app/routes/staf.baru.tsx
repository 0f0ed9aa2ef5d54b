import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { createStaff, listGroupNames, listTeams, staffInput } from "~/.server/staff";
import { StaffForm } from "~/components/staff-form";

export const meta: MetaFunction = () => [{ title: "Tambah staf — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "create:staff");
  return { teams: await listTeams(env.db), groups: await listGroupNames(env.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "create:staff");
  const result = await submitForm(staffInput, await request.formData(), (input) => createStaff(env.db, actor, input));
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/staf/${result.value}?disimpan=1`);
}

export default function NewStaff() {
  const { teams, groups } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/staf">← Direktori staf</Link>
      </p>
      <h1>Tambah staf</h1>
      <p className="lead">NIP diperiksa saat Anda mengetik; data baru tersimpan setelah semua isian benar.</p>
      <StaffForm
        values={failed?.values ?? { active: "on" }}
        errors={failed?.errors ?? {}}
        teams={teams}
        groups={groups}
        submitLabel="Simpan staf"
      />
    </div>
  );
}
