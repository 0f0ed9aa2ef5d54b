import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { createRecord, recordChoices, recordInput } from "~/.server/training-records";
import { TrainingRecordForm } from "~/components/training-record-form";

export const meta: MetaFunction = () => [{ title: "Tambah catatan pelatihan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "manage:training_record");
  return { choices: await recordChoices(env.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:training_record");
  const result = await submitForm(recordInput, await request.formData(), (input) => createRecord(env.db, actor, input));
  if (!result.ok) return data(result, { status: result.status });
  throw redirect("/pelatihan/catatan?disimpan=1");
}

export default function NewTrainingRecord() {
  const { choices } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/pelatihan/catatan">← Catatan pelatihan</Link>
      </p>
      <h1>Tambah catatan pelatihan</h1>
      <TrainingRecordForm
        choices={choices}
        values={failed?.values ?? {}}
        errors={failed?.errors ?? {}}
        submitLabel="Simpan catatan"
      />
    </div>
  );
}
