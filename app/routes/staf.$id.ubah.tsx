import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "~/.server/errors";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { getStaff, listGroupNames, listTeams, staffInput, updateStaff } from "~/.server/staff";
import { StaffForm } from "~/components/staff-form";

export const meta: MetaFunction = () => [{ title: "Ubah data staf — Mutu" }];

const editInput = z.intersection(staffInput, z.object({ version: z.coerce.number().int() }));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "update:staff");
  const person = await getStaff(env.db, Number(params.id), access, true);
  if (!person) notFound("Staf ini tidak ditemukan.");
  return { person, teams: await listTeams(env.db), groups: await listGroupNames(env.db) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "update:staff");
  const id = Number(params.id);
  const result = await submitForm(editInput, await request.formData(), ({ version, ...input }) =>
    updateStaff(env.db, actor, id, version, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/staf/${id}?disimpan=1`);
}

export default function EditStaff() {
  const { person, teams, groups } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const current = {
    nip: person.nip,
    fullName: person.fullName,
    birthPlace: person.birth?.place,
    birthDate: person.birth?.date,
    teamId: String(person.teamId),
    groupName: person.groupName ?? "",
    position: person.position,
    golongan: person.golongan,
    hireDate: person.hireDate ?? "",
    active: person.active ? "on" : "",
  };
  return (
    <div className="page page-narrow">
      <p>
        <Link to={`/staf/${person.id}`}>← {person.fullName}</Link>
      </p>
      <h1>Ubah data staf</h1>
      <StaffForm
        key={failed ? "failed" : "current"}
        values={failed?.values ?? current}
        errors={failed?.errors ?? {}}
        teams={teams}
        groups={groups}
        version={person.version}
        submitLabel="Simpan perubahan"
      />
    </div>
  );
}
